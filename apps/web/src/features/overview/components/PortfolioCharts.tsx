import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { HUMAN_SECURITY_DIMENSIONS, type HumanSecurityDimension } from '@hstf/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedChoice } from '../../../components/SegmentedChoice';
import { EmptyResult } from '../../../components/EmptyResult';
import { isM49Code } from '../../../lib/m49';
import type { Breakdown, DonorYear, YearFigures } from '../api/get-dashboard-overview';
import { toNumber, useFigures } from '../../../lib/figures';
import { seriesColor, SERIES_COLORS } from '../lib/palette';
import { ChartCard } from './charts/ChartCard';
import { CategoryBars, ShareDonut, YearBars } from './charts/lazy';
import { ScrollTable } from '../../../components/ScrollTable';
import { useDonorName } from '../../../lib/donor-name';

/** The API names regions in English (UN M49); the screen names them in the reader's language. */
const REGION_CODES: Record<string, string> = {
  Africa: '002',
  Americas: '019',
  Asia: '142',
  Europe: '150',
  Oceania: '009',
};

function useRegionName() {
  const { t } = useTranslation();
  return (name: string) => {
    const code = REGION_CODES[name];
    return isM49Code(code) ? t(`m49.${code}`) : name;
  };
}

function isDimension(value: string): value is HumanSecurityDimension {
  return (HUMAN_SECURITY_DIMENSIONS as readonly string[]).includes(value);
}

/** Each year between the first and the last, so that a year without money still shows as a gap. */
function yearRange(years: number[]): number[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

const MAX_DONOR_SERIES = 7;
const OTHERS = 'others';

/** Contributions by year, one colour per donor (stacked), received or pledged. */
export function ContributionsChart({ rows }: { rows: DonorYear[] }) {
  const { t } = useTranslation();
  const { usd, usdCompact, year, number, percent } = useFigures();
  const [measure, setMeasure] = useState<'received' | 'pledged'>('received');
  const donorName = useDonorName();

  const chart = useMemo(() => {
    const totals = new Map<string, { donor: string; total: number }>();
    for (const row of rows) {
      const entry = totals.get(row.donorId) ?? {
        donor: donorName(row.donor, row.donorCountryIso3),
        total: 0,
      };
      entry.total += toNumber(row[measure]);
      totals.set(row.donorId, entry);
    }
    const ranked = [...totals.entries()].sort((a, b) => b[1].total - a[1].total);
    const named = ranked.slice(0, ranked.length > MAX_DONOR_SERIES ? MAX_DONOR_SERIES - 1 : MAX_DONOR_SERIES);
    const keyOf = new Map(named.map(([donorId], index) => [donorId, `d${index}`]));
    const series = [
      ...named.map(([, { donor }], index) => ({
        name: `d${index}`,
        label: donor,
        color: seriesColor(index),
      })),
      ...(ranked.length > named.length
        ? [{ name: OTHERS, label: t('dashboard.contributions.others'), color: SERIES_COLORS[7] }]
        : []),
    ];
    const years = yearRange(rows.map((row) => row.year));
    const data = years.map((value) => {
      const entry: Record<string, number> = { year: value };
      for (const item of series) entry[item.name] = 0;
      for (const row of rows.filter((candidate) => candidate.year === value)) {
        const key = keyOf.get(row.donorId) ?? OTHERS;
        entry[key] = (entry[key] ?? 0) + toNumber(row[measure]);
      }
      return entry;
    });
    const total = ranked.reduce((sum, [, entry]) => sum + entry.total, 0);
    return { series, data, years, total, top: ranked[0]?.[1], donors: ranked.length };
  }, [rows, measure, t, donorName]);

  const first = chart.years[0];
  const last = chart.years.at(-1);
  const yearTotal = (entry: Record<string, number>) =>
    chart.series.reduce((sum, item) => sum + (entry[item.name] ?? 0), 0);

  return (
    <ChartCard
      title={t('dashboard.contributions.title')}
      height={340}
      actions={
        <SegmentedChoice
          value={measure}
          onChange={(value) => setMeasure(value === 'pledged' ? 'pledged' : 'received')}
          aria-label={t('dashboard.contributions.measure')}
          data={[
            { value: 'received', label: t('dashboard.contributions.received') },
            { value: 'pledged', label: t('dashboard.contributions.pledged') },
          ]}
        />
      }
      empty={
        rows.length === 0 ? (
          <EmptyResult
            title={t('dashboard.contributions.empty')}
            body={t('dashboard.contributions.emptyBody')}
          />
        ) : undefined
      }
      summary={
        first !== undefined && last !== undefined && chart.top
          ? t(
              measure === 'received'
                ? 'dashboard.contributions.summaryReceived'
                : 'dashboard.contributions.summaryPledged',
              {
                from: year(first),
                to: year(last),
                total: usdCompact(chart.total),
                donors: number(chart.donors),
                top: chart.top.donor,
                share: percent(chart.total > 0 ? chart.top.total / chart.total : 0),
              },
            )
          : ''
      }
      table={
        <ScrollTable minWidth={640} label={t('dashboard.contributions.title')}>
          <Table striped withTableBorder fz="sm">
            <Table.Caption>
              {measure === 'received'
                ? t('dashboard.contributions.captionReceived')
                : t('dashboard.contributions.captionPledged')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.common.year')}</Table.Th>
                {chart.series.map((item) => (
                  <Table.Th key={item.name} scope="col" ta="end">
                    {item.label}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="end">
                  {t('dashboard.common.allDonors')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {chart.data.map((entry) => (
                <Table.Tr key={entry['year']}>
                  <Table.Th scope="row" fw={500}>
                    {year(entry['year'] ?? 0)}
                  </Table.Th>
                  {chart.series.map((item) => (
                    <Table.Td key={item.name} ta="end" style={{ whiteSpace: 'nowrap' }}>
                      {usd(entry[item.name] ?? 0)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="end" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {usd(yearTotal(entry))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    >
      <YearBars
        data={chart.data}
        series={chart.series}
        stacked
        height={340}
        valueFormatter={(value) => usd(value)}
        tickFormatter={(value) => usdCompact(value)}
        yearFormatter={year}
      />
    </ChartCard>
  );
}

/** Approved budgets by the year of the decision. */
export function ApprovalsChart({ rows }: { rows: YearFigures[] }) {
  const { t } = useTranslation();
  const { usd, usdCompact, year, number } = useFigures();
  const years = yearRange(rows.map((row) => row.year));
  const data = years.map((value) => {
    const row = rows.find((candidate) => candidate.year === value);
    return { year: value, approved: toNumber(row?.approved), projects: row?.projects ?? 0 };
  });
  const total = data.reduce((sum, entry) => sum + entry.approved, 0);
  const projects = data.reduce((sum, entry) => sum + entry.projects, 0);
  const peak = data.reduce<(typeof data)[number] | undefined>(
    (best, entry) => (!best || entry.approved > best.approved ? entry : best),
    undefined,
  );

  return (
    <ChartCard
      title={t('dashboard.approvals.title')}
      height={300}
      empty={
        rows.length === 0 ? (
          <EmptyResult title={t('dashboard.approvals.empty')} body={t('dashboard.approvals.emptyBody')} />
        ) : undefined
      }
      summary={
        peak && years[0] !== undefined
          ? t('dashboard.approvals.summary', {
              projects: number(projects),
              total: usdCompact(total),
              from: year(years[0]),
              to: year(years.at(-1) ?? years[0]),
              peakYear: year(peak.year),
              peak: usdCompact(peak.approved),
            })
          : ''
      }
      table={
        <ScrollTable minWidth={420} label={t('dashboard.approvals.title')}>
          <Table striped withTableBorder fz="sm">
            <Table.Caption>{t('dashboard.approvals.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.common.year')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboard.common.projects')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboard.common.approvedUsd')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((entry) => (
                <Table.Tr key={entry.year}>
                  <Table.Th scope="row" fw={500}>
                    {year(entry.year)}
                  </Table.Th>
                  <Table.Td ta="end">{number(entry.projects)}</Table.Td>
                  <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                    {usd(entry.approved)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    >
      <YearBars
        data={data}
        series={[{ name: 'approved', label: t('dashboard.common.approvedUsd'), color: SERIES_COLORS[0] }]}
        height={300}
        valueFormatter={(value) => usd(value)}
        tickFormatter={(value) => usdCompact(value)}
        yearFormatter={year}
      />
    </ChartCard>
  );
}

function BreakdownTable({
  rows,
  caption,
  label,
}: {
  rows: { label: string; projects: number; approved: number }[];
  caption: string;
  label: string;
}) {
  const { t } = useTranslation();
  const { usd, number } = useFigures();
  return (
    <Table striped withTableBorder fz="sm">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{label}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('dashboard.common.projects')}
          </Table.Th>
          <Table.Th scope="col" ta="end">
            {t('dashboard.common.approvedUsd')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th scope="row" fw={500}>
              {row.label}
            </Table.Th>
            <Table.Td ta="end">{number(row.projects)}</Table.Td>
            <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
              {usd(row.approved)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Approved money by UN M49 region, as shares of a ring. */
export function RegionChart({ rows }: { rows: Breakdown[] }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const { usd, usdCompact, percent } = useFigures();
  const data = rows
    .map((row) => ({ label: regionName(row.key), projects: row.projects, approved: toNumber(row.approved) }))
    .sort((a, b) => b.approved - a.approved);
  const total = data.reduce((sum, row) => sum + row.approved, 0);
  const top = data[0];

  return (
    <ChartCard
      title={t('dashboard.regions.title')}
      height={200}
      empty={rows.length === 0 ? <EmptyResult title={t('dashboard.regions.empty')} /> : undefined}
      summary={
        top
          ? t('dashboard.regions.summary', {
              top: top.label,
              share: percent(total > 0 ? top.approved / total : 0),
              value: usdCompact(top.approved),
            })
          : ''
      }
      table={
        <BreakdownTable
          rows={data}
          caption={t('dashboard.regions.caption')}
          label={t('dashboard.regions.region')}
        />
      }
    >
      <Group gap="lg" wrap="wrap" justify="center" align="center">
        <ShareDonut
          size={190}
          data={data.map((row, index) => ({
            name: row.label,
            value: row.approved,
            color: seriesColor(index),
          }))}
          valueFormatter={(value) => usd(value)}
          chartLabel={usdCompact(total)}
        />
        <Stack gap={6} style={{ flex: 1, minWidth: 180 }}>
          {data.map((row, index) => (
            <Group key={row.label} gap={8} wrap="nowrap" justify="space-between">
              <Group gap={8} wrap="nowrap">
                <Box
                  w={12}
                  h={12}
                  style={{ borderRadius: 3, background: seriesColor(index), flex: 'none' }}
                />
                <Text size="sm">{row.label}</Text>
              </Group>
              <Text size="sm" fw={600}>
                {percent(total > 0 ? row.approved / total : 0)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </ChartCard>
  );
}

/** Projects that reached approval by human-security dimension (a project addresses several). */
export function DimensionChart({ rows }: { rows: Breakdown[] }) {
  const { t } = useTranslation();
  const { number } = useFigures();
  const data = rows
    .map((row) => ({
      label: isDimension(row.key) ? t(`dashboard.dimensionNames.${row.key}`) : row.key,
      projects: row.projects,
      approved: toNumber(row.approved),
    }))
    .sort((a, b) => b.projects - a.projects);
  const top = data[0];

  return (
    <ChartCard
      title={t('dashboard.dimensions.title')}
      height={Math.max(200, data.length * 34)}
      empty={rows.length === 0 ? <EmptyResult title={t('dashboard.dimensions.empty')} /> : undefined}
      summary={
        top ? t('dashboard.dimensions.summary', { top: top.label, projects: number(top.projects) }) : ''
      }
      table={
        <BreakdownTable
          rows={data}
          caption={t('dashboard.dimensions.caption')}
          label={t('dashboard.dimensions.dimension')}
        />
      }
    >
      <CategoryBars
        data={data.map((row) => ({ label: row.label, value: row.projects }))}
        color={SERIES_COLORS[2]}
        seriesLabel={t('dashboard.common.projects')}
        height={Math.max(200, data.length * 34)}
        valueFormatter={(value) => number(value)}
        tickFormatter={(value) => number(value)}
      />
    </ChartCard>
  );
}
