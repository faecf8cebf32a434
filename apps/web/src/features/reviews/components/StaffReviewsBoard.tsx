import { Anchor, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAdjustments, IconChartBar, IconClipboardList } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListTable } from '../../../components/data-table/ListTable';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useFormatters } from '../../../lib/format';
import { useIntl } from '../../../lib/intl';
import { useAssessmentSettings } from '../api/assessment-settings';
import { useProposalsUnderReview } from '../api/get-proposals-under-review';
import type { ReviewSummary } from '../api/get-my-reviews';
import { useReviewQueue } from '../api/get-review-queue';
import { AssessmentSettingsForm } from './AssessmentSettingsForm';
import { CalibrationTable } from './CalibrationTable';
import { ProposalReviewsCard } from './ProposalReviewsCard';
import { useTranslatedText } from '../../../lib/translated-text';

const TABS = ['proposals', 'calibration', 'settings'] as const;
type Tab = (typeof TABS)[number];

function Stat({ label, value, loading }: { label: string; value: string; loading: boolean }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      {loading ? (
        <Skeleton height={28} width={60} mt={6} />
      ) : (
        <Text fz={28} fw={700} lh={1.3}>
          {value}
        </Text>
      )}
    </Paper>
  );
}

function ProposalsPanel() {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const { number } = useFormatters();
  const { dateTime } = useIntl();
  const proposals = useProposalsUnderReview();
  const conflicts = useReviewQueue({ status: 'declined_conflict' });
  const settings = useAssessmentSettings();
  const items = proposals.data?.pages.flatMap((page) => page.items) ?? [];
  const openConflicts = (conflicts.data ?? []).filter((review) => review.stage === 'under_review');
  const conflictColumns = useMemo<ColumnDef<ReviewSummary>[]>(
    () => [
      {
        id: 'reviewer',
        header: t('reviews.board.reviewer'),
        accessorFn: (review) => review.reviewerName,
        meta: { rowHeader: true },
      },
      {
        id: 'proposal',
        header: t('reviews.queue.proposal'),
        accessorFn: (review) => review.code,
        cell: ({ row: { original: review } }) => (
          <Anchor component={Link} to={`/reviews/${review.id}`} size="sm">
            <Text span ff="monospace" size="sm" dir="ltr">
              {review.code}
            </Text>{' '}
            <bdi>{translate(review.title, review.titleTranslations)}</bdi>
          </Anchor>
        ),
      },
      {
        id: 'stage',
        header: t('reviews.queue.stage'),
        accessorFn: (review) => t(`reviews.stages.${review.stage}`),
      },
      {
        id: 'declaredOn',
        header: t('reviews.board.declaredOn'),
        accessorFn: (review) => review.updatedAt,
        cell: ({ row }) => dateTime(row.original.updatedAt),
      },
    ],
    [t, translate, dateTime],
  );

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat
          label={t('reviews.board.underReview')}
          value={proposals.hasNextPage ? `${number(items.length)}+` : number(items.length)}
          loading={proposals.isPending}
        />
        <Stat
          label={t('reviews.board.conflictsOpen')}
          value={number(openConflicts.length)}
          loading={conflicts.isPending}
        />
        <Stat
          label={t('reviews.board.minReviews')}
          value={settings.data ? number(settings.data.minReviews) : '—'}
          loading={settings.isPending}
        />
      </SimpleGrid>

      <Stack gap="md" component="section" aria-labelledby="proposals-title">
        <Title order={2} fz="h3" id="proposals-title">
          {t('reviews.board.proposals')}
        </Title>
        {proposals.isPending ? (
          <Stack gap="md" aria-busy="true">
            <Text role="status" size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
            <Skeleton height={200} radius="md" aria-hidden="true" />
            <Skeleton height={200} radius="md" aria-hidden="true" />
          </Stack>
        ) : proposals.isError ? (
          <ErrorResult title={t('reviews.board.error')} onRetry={() => void proposals.refetch()} />
        ) : items.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyResult title={t('reviews.board.empty')} body={t('reviews.board.emptyBody')} />
          </Paper>
        ) : (
          <>
            {items.map((proposal) => (
              <ProposalReviewsCard
                key={proposal.id}
                proposal={proposal}
                minReviews={settings.data?.minReviews ?? null}
              />
            ))}
            <ListFooter
              shown={items.length}
              hasMore={proposals.hasNextPage}
              loadingMore={proposals.isFetchingNextPage}
              onLoadMore={() => void proposals.fetchNextPage()}
            />
          </>
        )}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="conflicts-title">
        <Stack gap={4}>
          <Title order={2} fz="h3" id="conflicts-title">
            {t('reviews.board.conflictsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reviews.board.conflictsIntro')}
          </Text>
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          {conflicts.isPending ? (
            <Skeleton height={80} aria-hidden="true" />
          ) : conflicts.isError ? (
            <ErrorResult title={t('reviews.board.reviewsError')} onRetry={() => void conflicts.refetch()} />
          ) : (conflicts.data ?? []).length === 0 ? (
            <EmptyResult title={t('reviews.board.noConflicts')} />
          ) : (
            <ListTable
              listId="review-conflicts"
              columnChoice={false}
              label={t('reviews.board.conflictsTitle')}
              columns={conflictColumns}
              data={conflicts.data ?? []}
              getRowId={(review) => review.id}
              clientSort={{ id: 'declaredOn', descending: true }}
              count={{ shown: (conflicts.data ?? []).length, hasMore: false }}
              minWidth={560}
              fz="sm"
            />
          )}
        </Paper>
      </Stack>
    </Stack>
  );
}

/** Staff and admin: the proposals under review and their panels, reviewer calibration, the thresholds. */
export function StaffReviewsBoard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly (string | null)[]).includes(raw) ? (raw as Tab) : 'proposals';

  return (
    <Tabs
      value={tab}
      onChange={(value) =>
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            if (value && value !== 'proposals') next.set('tab', value);
            else next.delete('tab');
            return next;
          },
          { replace: true },
        )
      }
      keepMounted={false}
    >
      <Tabs.List mb="lg" aria-label={t('reviews.board.tabs')}>
        <Tabs.Tab value="proposals" leftSection={<IconClipboardList size={18} aria-hidden="true" />}>
          {t('reviews.board.tabProposals')}
        </Tabs.Tab>
        <Tabs.Tab value="calibration" leftSection={<IconChartBar size={18} aria-hidden="true" />}>
          {t('reviews.board.tabCalibration')}
        </Tabs.Tab>
        <Tabs.Tab value="settings" leftSection={<IconAdjustments size={18} aria-hidden="true" />}>
          {t('reviews.board.tabSettings')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="proposals">
        <ProposalsPanel />
      </Tabs.Panel>
      <Tabs.Panel value="calibration">
        <CalibrationTable />
      </Tabs.Panel>
      <Tabs.Panel value="settings">
        <AssessmentSettingsForm canEdit={isAdmin} />
      </Tabs.Panel>
    </Tabs>
  );
}
