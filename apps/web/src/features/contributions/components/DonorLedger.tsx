import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { isStaleVersion } from '../../../lib/field-errors';
import { useIntl } from '../../../lib/intl';
import { useContributionTotals } from '../api/get-contribution-totals';
import { useContributions, type Contribution } from '../api/get-contributions';
import { useDeleteContribution } from '../api/save-contribution';
import { sumOf, yearsOf } from '../lib/totals';
import { ConfirmDeleteModal } from '../../../components/ConfirmDeleteModal';
import { ContributionFormModal } from './ContributionFormModal';
import { ContributionsTable } from './ContributionsTable';
import { TotalsCards } from './TotalsCards';
import { YearTotals } from './YearTotals';

interface DonorLedgerProps {
  donorId: string;
  donorName: string;
  canEdit: boolean;
  onNotice?: (message: string) => void;
}

/** One donor's money: totals, by year, and each contribution (with the forms for staff). */
export function DonorLedger({ donorId, donorName, canEdit, onNotice }: DonorLedgerProps) {
  const { t } = useTranslation();
  const { calendarDate } = useIntl();
  const totals = useContributionTotals();
  const contributions = useContributions(donorId);
  const remove = useDeleteContribution();
  const [editing, setEditing] = useState<Contribution | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contribution | null>(null);
  const items = contributions.data?.pages.flatMap((page) => page.items) ?? [];
  const years = yearsOf(totals.data ?? [], donorId);
  const sums = sumOf(years);

  return (
    <Stack gap="xl">
      {totals.isError ? (
        <ErrorResult title={t('donors.totals.error')} onRetry={() => void totals.refetch()} />
      ) : (
        <TotalsCards
          loading={totals.isPending}
          figures={[
            { label: t('donors.totals.receivedTotal'), value: sums.receivedUsd },
            {
              label: t('donors.totals.pledgedTotal'),
              value: sums.pledgedUsd,
              hint: t('donors.totals.pledgedHint'),
            },
          ]}
        />
      )}

      <Stack gap="sm" component="section" aria-labelledby="by-year-title">
        <Title order={2} fz="h3" id="by-year-title">
          {t('donors.totals.byYear')}
        </Title>
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          {totals.isPending ? (
            <Text role="status" size="sm" c="dimmed" p="md">
              {t('common.loading')}
            </Text>
          ) : totals.isError ? (
            <ErrorResult title={t('donors.totals.error')} onRetry={() => void totals.refetch()} />
          ) : years.length === 0 ? (
            <EmptyResult title={t('donors.totals.noYears')} />
          ) : (
            <YearTotals years={years} label={t('donors.totals.byYearOf', { donor: donorName })} />
          )}
        </Paper>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="contributions-title">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={2} fz="h3" id="contributions-title">
              {t('donors.contributions.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('donors.contributions.intro')}
            </Text>
          </Stack>
          {canEdit ? (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('donors.contributions.create')}
            </Button>
          ) : null}
        </Group>
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          {contributions.isError && !contributions.data ? (
            <ErrorResult
              title={t('donors.contributions.error')}
              onRetry={() => void contributions.refetch()}
            />
          ) : !contributions.isPending && items.length === 0 ? (
            <EmptyResult
              title={t('donors.contributions.empty')}
              body={canEdit ? t('donors.contributions.emptyBody') : undefined}
            />
          ) : (
            <>
              <ContributionsTable
                contributions={items}
                loading={contributions.isPending}
                label={t('donors.contributions.of', { donor: donorName })}
                canEdit={canEdit}
                onEdit={(contribution) => setEditing(contribution)}
                onDelete={(contribution) => setDeleting(contribution)}
                count={
                  contributions.isPending
                    ? undefined
                    : { shown: items.length, hasMore: contributions.hasNextPage }
                }
              />
              {!contributions.isPending ? (
                <ListFooter
                  shown={items.length}
                  hasMore={contributions.hasNextPage}
                  loadingMore={contributions.isFetchingNextPage}
                  onLoadMore={() => void contributions.fetchNextPage()}
                />
              ) : null}
            </>
          )}
        </Paper>
      </Stack>

      {canEdit ? (
        <>
          <ContributionFormModal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            donorId={donorId}
            donorName={donorName}
            contribution={editing === 'new' ? null : editing}
            onSaved={(contribution, created) => {
              setEditing(null);
              onNotice?.(
                t(created ? 'donors.contributions.created' : 'donors.contributions.saved', {
                  date: calendarDate(contribution.pledgedOn),
                }),
              );
            }}
          />
          <ConfirmDeleteModal
            opened={deleting !== null}
            title={t('donors.contributions.deleteTitle')}
            body={t('donors.contributions.deleteBody', {
              date: deleting ? calendarDate(deleting.pledgedOn) : '',
            })}
            error={
              remove.isError
                ? isStaleVersion(remove.error)
                  ? t('donors.delete.stale')
                  : t('donors.form.tryAgain')
                : null
            }
            pending={remove.isPending}
            onCancel={() => {
              setDeleting(null);
              remove.reset();
            }}
            onConfirm={() =>
              deleting &&
              remove.mutate(
                { id: deleting.id, version: deleting.version },
                {
                  onSuccess: () => {
                    onNotice?.(t('donors.contributions.deleted', { date: calendarDate(deleting.pledgedOn) }));
                    setDeleting(null);
                  },
                },
              )
            }
          />
        </>
      ) : null}
    </Stack>
  );
}
