import {
  Box,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconListDetails } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { ListTable } from '../../../components/data-table/ListTable';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import type { Role } from '../../../lib/authorization';
import { useContributions, useContributionTotals, type ContributionTotal } from '../api/get-contributions';
import { useDashboardOverview } from '../api/get-dashboard-overview';
import { toNumber, useFigures } from '../../../lib/figures';
import { SERIES_COLORS } from '../lib/palette';
import { ChartCard } from './charts/ChartCard';
import { YearBars } from './charts/lazy';
import { MapSection } from './map/MapSection';
import { WelcomeBanner } from './WelcomeBanner';
import { ScrollTable } from '../../../components/ScrollTable';
import { useDonorName } from '../../../lib/donor-name';
import { ContributionsTable } from '../../contributions';

interface DonorTotals {
  donorId: string;
  donor: string;
  received: number;
  pledged: number;
}

function totalsByDonor(
  items: ContributionTotal[],
  donorName: (name: string, countryIso3: string | null) => string,
): DonorTotals[] {
  const byDonor = new Map<string, DonorTotals>();
  for (const item of items) {
    const entry = byDonor.get(item.donorId) ?? {
      donorId: item.donorId,
      donor: donorName(item.donorName, item.donorCountryIso3),
      received: 0,
      pledged: 0,
    };
    entry.received += toNumber(item.receivedUsd);
    entry.pledged += toNumber(item.pledgedUsd);
    byDonor.set(item.donorId, entry);
  }
  return [...byDonor.values()].sort((a, b) => b.received - a.received || a.donor.localeCompare(b.donor));
}

/** A donor's overview: its own contributions in full, the other donors as totals, the Fund's portfolio. */
export function DonorOverview({ role, name, donorId }: { role: Role; name: string; donorId: string | null }) {
  const { t } = useTranslation();
  const { usd, usdCompact, percent, year, number } = useFigures();
  const totals = useContributionTotals();
  const overview = useDashboardOverview();
  const donorName = useDonorName();

  const figures = useMemo(() => {
    const items = totals.data ?? [];
    const donors = totalsByDonor(items, donorName);
    const own = donors.find((donor) => donor.donorId === donorId);
    const fundReceived = donors.reduce((sum, donor) => sum + donor.received, 0);
    const ownYears = items
      .filter((item) => item.donorId === donorId)
      .sort((a, b) => a.year - b.year)
      .map((item) => ({
        year: item.year,
        received: toNumber(item.receivedUsd),
        pledged: toNumber(item.pledgedUsd),
      }));
    return {
      own,
      others: donors.filter((donor) => donor.donorId !== donorId),
      fundReceived,
      ownYears,
    };
  }, [totals.data, donorId, donorName]);

  const share = figures.own && figures.fundReceived > 0 ? figures.own.received / figures.fundReceived : 0;
  const firstYear = figures.ownYears[0]?.year;
  const lastYear = figures.ownYears.at(-1)?.year;

  return (
    <Stack gap="xl">
      <WelcomeBanner
        role={role}
        name={name}
        aside={
          <Button
            component={Link}
            to="/projects"
            variant="light"
            rightSection={<IconArrowRight size={16} aria-hidden="true" className="directional-icon" />}
          >
            {t('dashboard.donor.portfolioLink')}
          </Button>
        }
      />

      <Box component="section" aria-labelledby="own-heading">
        <Title order={2} id="own-heading" fz={20} mb={4}>
          {figures.own
            ? t('dashboard.donor.ownTitleNamed', { donor: figures.own.donor })
            : t('dashboard.donor.ownTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('dashboard.donor.ownDescription')}
        </Text>
        {totals.isError ? (
          <ErrorResult title={t('dashboard.donor.totalsError')} onRetry={() => void totals.refetch()} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {(
              [
                [
                  'received',
                  figures.own ? usdCompact(figures.own.received) : null,
                  figures.own ? usd(figures.own.received) : null,
                ],
                [
                  'pledged',
                  figures.own ? usdCompact(figures.own.pledged) : null,
                  figures.own ? usd(figures.own.pledged) : null,
                ],
                [
                  'share',
                  figures.own ? percent(share) : null,
                  figures.own
                    ? t('dashboard.donor.shareOf', { total: usdCompact(figures.fundReceived) })
                    : null,
                ],
              ] as const
            ).map(([key, value, detail]) => (
              <Paper key={key} withBorder radius="md" p="md" data-testid={`donor-${key}`}>
                <Text size="sm" fw={650}>
                  {t(`dashboard.donor.figures.${key}`)}
                </Text>
                {totals.isPending ? (
                  <Stack gap={6} mt={6}>
                    <Skeleton height={30} width="60%" />
                    <Skeleton height={12} width="45%" />
                  </Stack>
                ) : (
                  <>
                    <Text fz={28} fw={700} lh={1.2} mt={4}>
                      {value ?? usdCompact(0)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {detail ?? t('dashboard.donor.noContribution')}
                    </Text>
                  </>
                )}
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Box>

      {figures.ownYears.length > 0 && firstYear !== undefined && lastYear !== undefined ? (
        <ChartCard
          title={t('dashboard.donor.byYearTitle')}
          height={280}
          summary={t('dashboard.donor.byYearSummary', {
            from: year(firstYear),
            to: year(lastYear),
            received: usdCompact(figures.own?.received ?? 0),
            pledged: usdCompact(figures.own?.pledged ?? 0),
          })}
          table={
            <ScrollTable minWidth={420} label={t('dashboard.donor.byYearTitle')}>
              <Table striped withTableBorder fz="sm">
                <Table.Caption>{t('dashboard.donor.byYearCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('dashboard.common.year')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('dashboard.contributions.received')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('dashboard.contributions.pledged')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figures.ownYears.map((entry) => (
                    <Table.Tr key={entry.year}>
                      <Table.Th scope="row" fw={500}>
                        {year(entry.year)}
                      </Table.Th>
                      <Table.Td ta="end">{usd(entry.received)}</Table.Td>
                      <Table.Td ta="end">{usd(entry.pledged)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          }
        >
          <YearBars
            data={figures.ownYears}
            series={[
              { name: 'received', label: t('dashboard.contributions.received'), color: SERIES_COLORS[0] },
              { name: 'pledged', label: t('dashboard.contributions.pledged'), color: SERIES_COLORS[1] },
            ]}
            height={280}
            valueFormatter={(value) => usd(value)}
            tickFormatter={(value) => usdCompact(value)}
            yearFormatter={year}
          />
        </ChartCard>
      ) : null}

      <OwnContributions />

      <Paper
        component="section"
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        aria-labelledby="others-heading"
      >
        <Title order={2} id="others-heading" fz={20} mb={4}>
          {t('dashboard.donor.othersTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('dashboard.donor.othersDescription')}
        </Text>
        {totals.isError ? null : !totals.isPending && figures.others.length === 0 ? (
          <EmptyResult title={t('dashboard.donor.othersEmpty')} />
        ) : (
          <OtherDonorsTable
            donors={figures.others}
            fundReceived={figures.fundReceived}
            loading={totals.isPending}
          />
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {t('dashboard.donor.othersNote', { donors: number(figures.others.length) })}
        </Text>
      </Paper>

      {overview.isError ? (
        <ErrorResult title={t('dashboard.error')} onRetry={() => void overview.refetch()} />
      ) : (
        <MapSection countries={overview.data?.countries} loading={overview.isPending} />
      )}

      <Card component={Link} to="/projects" withBorder radius="md" padding="lg" className="shortcut-card">
        <Group wrap="nowrap" align="flex-start" gap="md">
          <ThemeIcon size={44} radius="md" variant="light" color="unBlue" aria-hidden="true">
            <IconListDetails size={24} />
          </ThemeIcon>
          <Stack gap={4} style={{ flex: 1 }}>
            <Group gap={6} wrap="nowrap">
              <Text fw={650} c="unBlue.8">
                {t('dashboard.donor.projectsTitle')}
              </Text>
              <IconArrowRight
                size={16}
                aria-hidden="true"
                className="directional-icon"
                color="var(--mantine-color-unBlue-8)"
              />
            </Group>
            <Text size="sm" c="dimmed">
              {t('dashboard.donor.projectsBody')}
            </Text>
          </Stack>
        </Group>
      </Card>
    </Stack>
  );
}

/** Each of the donor's contributions, newest pages along the cursor. */
function OwnContributions() {
  const { t } = useTranslation();
  const contributions = useContributions();
  const items = contributions.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="each-heading"
    >
      <Title order={2} id="each-heading" fz={20} mb={4}>
        {t('dashboard.donor.eachTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.donor.eachDescription')}
      </Text>
      {contributions.isError && !contributions.data ? (
        <ErrorResult title={t('dashboard.donor.eachError')} onRetry={() => void contributions.refetch()} />
      ) : !contributions.isPending && items.length === 0 ? (
        <EmptyResult title={t('dashboard.donor.eachEmpty')} />
      ) : (
        <>
          {/* The contributions list's own table (cards on a phone), without its staff actions. */}
          <ContributionsTable
            contributions={items}
            loading={contributions.isPending}
            label={t('dashboard.donor.eachTitle')}
            canEdit={false}
            testId="own-contributions"
          />
          {contributions.isFetchNextPageError ? (
            <ErrorResult
              title={t('dashboard.donor.eachError')}
              onRetry={() => void contributions.fetchNextPage()}
            />
          ) : null}
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
  );
}

/** The other donors as totals (never their contributions), a card each on a phone. */
function OtherDonorsTable({
  donors,
  fundReceived,
  loading,
}: {
  donors: DonorTotals[];
  fundReceived: number;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const { usd, percent } = useFigures();
  const columns = useMemo<ColumnDef<DonorTotals>[]>(
    () => [
      {
        id: 'donor',
        header: t('dashboard.donor.donor'),
        meta: { rowHeader: true },
        cell: ({ row }) => row.original.donor,
      },
      {
        id: 'received',
        header: t('dashboard.donor.receivedTotal'),
        meta: { align: 'end', nowrap: true },
        cell: ({ row }) => usd(row.original.received),
      },
      {
        id: 'pledged',
        header: t('dashboard.donor.pledgedTotal'),
        meta: { align: 'end', nowrap: true },
        cell: ({ row }) => usd(row.original.pledged),
      },
      {
        id: 'share',
        header: t('dashboard.donor.shareColumn'),
        meta: { align: 'end' },
        cell: ({ row }) => percent(fundReceived > 0 ? row.original.received / fundReceived : 0),
      },
    ],
    [t, usd, percent, fundReceived],
  );
  return (
    <ListTable
      listId="other-donors"
      cards
      columnChoice={false}
      label={t('dashboard.donor.othersTitle')}
      columns={columns}
      data={donors}
      getRowId={(donor) => donor.donorId}
      loading={loading}
      minWidth={520}
      testId="other-donors"
    />
  );
}
