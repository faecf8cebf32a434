import { Alert, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorResult, TableSkeleton } from '../../../components/QueryStates';
import { Tag } from '../../../components/Tag';
import { useCurrentUser } from '../../../lib/auth';
import { useIntl } from '../../../lib/intl';
import { useContributionTotals } from '../../contributions';
import { useDonor } from '../api/get-donors';
import { DonorLedger } from '../../contributions';
import { DonorReceiptsSection, DonorTracingSection } from '../../receipts';
import { donorsOf, sumOf } from '../../contributions';
import { DonorStatementButton } from '../../statements';

/** Every donor's share of what the Fund received: the others are shown only as totals. */
function AllDonors({ ownDonorId }: { ownDonorId: string }) {
  const { t } = useTranslation();
  const { money, locale } = useIntl();
  const totals = useContributionTotals();
  const rows = donorsOf(totals.data ?? []);
  const fund = sumOf(rows);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const share = (value: string) =>
    Number(fund.receivedUsd) > 0 ? percent.format(Number(value) / Number(fund.receivedUsd)) : '—';

  return (
    <Stack gap="sm" component="section">
      <Stack gap={2}>
        <Title order={2} fz="h3" id="all-donors-title">
          {t('donors.mine.allTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('donors.mine.allIntro')}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {totals.isError ? (
          <ErrorResult title={t('donors.totals.error')} onRetry={() => void totals.refetch()} />
        ) : (
          <Table.ScrollContainer
            minWidth={560}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('donors.mine.allTitle')}
          >
            <Table striped aria-labelledby="all-donors-title" aria-busy={totals.isPending}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('donors.table.name')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donors.totals.pledged')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donors.totals.received')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donors.mine.share')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              {totals.isPending ? (
                <TableSkeleton columns={4} rows={4} />
              ) : (
                <>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.donorId} fw={row.donorId === ownDonorId ? 700 : undefined}>
                        <Table.Th scope="row" fw={row.donorId === ownDonorId ? 700 : 500}>
                          {row.donorName}{' '}
                          {row.donorId === ownDonorId ? (
                            <Tag tone="blue" size="sm">
                              {t('donors.mine.you')}
                            </Tag>
                          ) : null}
                        </Table.Th>
                        <Table.Td
                          ta="end"
                          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                        >
                          {money(row.pledgedUsd)}
                        </Table.Td>
                        <Table.Td
                          ta="end"
                          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                        >
                          {money(row.receivedUsd)}
                        </Table.Td>
                        <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {share(row.receivedUsd)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row">{t('donors.mine.fund')}</Table.Th>
                      <Table.Td
                        ta="end"
                        fw={700}
                        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                      >
                        {money(fund.pledgedUsd)}
                      </Table.Td>
                      <Table.Td
                        ta="end"
                        fw={700}
                        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                      >
                        {money(fund.receivedUsd)}
                      </Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tfoot>
                </>
              )}
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

/** /donors/mine (donor users): their own contributions in full, every other donor only as totals. */
export function MyContributionsRoute() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const donorId = user?.donorId ?? null;
  const donor = useDonor(donorId);
  const name = donor.data?.name ?? '';
  useDocumentTitle(`${t('donors.mine.title')} · ${t('app.name')}`);

  if (!donorId) {
    return (
      <>
        <PageHeader title={t('donors.mine.title')} />
        <Alert color="gray" variant="light" title={t('donors.mine.noDonor')}>
          {t('donors.mine.noDonorBody')}
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={donor.data ? t('donors.mine.titleNamed', { donor: name }) : t('donors.mine.title')}
        description={t('donors.mine.description')}
        actions={
          <Group gap="sm">
            <DonorStatementButton donorId={donorId} />
            <ExportMenu path="/api/v1/contributions" />
          </Group>
        }
      />
      {donor.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Text role="status" size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
          <Skeleton height={100} aria-hidden="true" />
        </Stack>
      ) : donor.isError ? (
        <ErrorResult title={t('donors.loadError')} onRetry={() => void donor.refetch()} />
      ) : (
        <Stack gap="xl">
          <DonorLedger donorId={donorId} donorName={name} canEdit={false} />
          <DonorReceiptsSection donorId={donorId} />
          <DonorTracingSection donorId={donorId} />
          <AllDonors ownDonorId={donorId} />
        </Stack>
      )}
    </>
  );
}
