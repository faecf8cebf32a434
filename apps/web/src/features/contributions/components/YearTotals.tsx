import { Box, Group, Text } from '@mantine/core';
import { compareMoney } from '@hstf/domain';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table/DataTable';
import { useIntl } from '../../../lib/intl';
import type { YearFigures } from '../lib/totals';

function Bar({ value, max, color }: { value: string; max: string; color: string }) {
  const share = Number(max) > 0 ? Math.max(0, Math.min(1, Number(value) / Number(max))) : 0;
  return (
    <Box
      h={8}
      w="100%"
      maw={180}
      style={{ background: 'var(--mantine-color-gray-1)', borderRadius: 4 }}
      aria-hidden="true"
    >
      <Box h={8} w={`${share * 100}%`} style={{ background: color, borderRadius: 4 }} />
    </Box>
  );
}

/**
 * Pledged and received by year, in US dollars, with a bar for each to compare the years at a glance,
 * and the years' totals at the foot.
 */
export function YearTotals({ years, label }: { years: YearFigures[]; label: string }) {
  const { t } = useTranslation();
  const { money } = useIntl();
  const max = years.reduce(
    (top, year) =>
      [year.pledgedUsd, year.receivedUsd].reduce((a, b) => (compareMoney(a, b) >= 0 ? a : b), top),
    '0.00',
  );
  const columns: ColumnDef<YearFigures>[] = [
    {
      id: 'year',
      header: t('donors.totals.year'),
      accessorFn: (year) => year.year,
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <Text span fw={500} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {row.original.year}
        </Text>
      ),
    },
    {
      id: 'pledged',
      header: t('donors.totals.pledged'),
      accessorFn: (year) => Number(year.pledgedUsd),
      meta: {
        align: 'end',
        nowrap: true,
        total: { amount: (year) => year.pledgedUsd, format: (amount) => money(amount) },
      },
      cell: ({ row }) => money(row.original.pledgedUsd),
    },
    {
      id: 'received',
      header: t('donors.totals.received'),
      accessorFn: (year) => Number(year.receivedUsd),
      meta: {
        align: 'end',
        nowrap: true,
        total: { amount: (year) => year.receivedUsd, format: (amount) => money(amount) },
      },
      cell: ({ row }) => money(row.original.receivedUsd),
    },
    {
      id: 'bars',
      meta: { label: `${t('donors.totals.pledged')}, ${t('donors.totals.received')}`, width: 200 },
      header: () => (
        <Group gap="sm" wrap="nowrap">
          <Group gap={4} wrap="nowrap">
            <Box
              w={10}
              h={10}
              style={{ background: 'var(--mantine-color-unBlue-3)', borderRadius: 2 }}
              aria-hidden="true"
            />
            <Text size="xs">{t('donors.totals.pledged')}</Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Box
              w={10}
              h={10}
              style={{ background: 'var(--mantine-color-teal-7)', borderRadius: 2 }}
              aria-hidden="true"
            />
            <Text size="xs">{t('donors.totals.received')}</Text>
          </Group>
        </Group>
      ),
      cell: ({ row: { original: year } }) => (
        <Box style={{ display: 'grid', gap: 3 }}>
          <Bar value={year.pledgedUsd} max={max} color="var(--mantine-color-unBlue-3)" />
          <Bar value={year.receivedUsd} max={max} color="var(--mantine-color-teal-7)" />
        </Box>
      ),
    },
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      data={years}
      getRowId={(year) => String(year.year)}
      visibility={{}}
      clientSort={{ id: 'year', descending: false }}
      minWidth={520}
      fz="sm"
    />
  );
}
