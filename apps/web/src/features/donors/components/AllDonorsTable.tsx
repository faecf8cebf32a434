import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { ErrorResult } from '../../../components/QueryStates';
import { Tag } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import { donorsOf, sumOf, useContributionTotals } from '../../contributions';

type DonorFigures = ReturnType<typeof donorsOf>[number];

/** Every donor's share of what the Fund received: the others are shown only as totals. */
export function AllDonorsTable({ ownDonorId }: { ownDonorId: string }) {
  const { t } = useTranslation();
  const { money, locale } = useIntl();
  const totals = useContributionTotals();
  const rows = donorsOf(totals.data ?? []);
  const fund = sumOf(rows);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const share = (value: string) =>
    Number(fund.receivedUsd) > 0 ? percent.format(Number(value) / Number(fund.receivedUsd)) : '—';
  const weight = (row: DonorFigures) => (row.donorId === ownDonorId ? 700 : undefined);
  const figure = (row: DonorFigures, value: string) => (
    <Text span size="sm" fw={weight(row)} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Text>
  );
  const columns: ColumnDef<DonorFigures>[] = [
    {
      id: 'name',
      header: t('donors.table.name'),
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <Text span size="sm" fw={weight(row.original) ?? 500}>
          {row.original.donorName}{' '}
          {row.original.donorId === ownDonorId ? (
            <Tag tone="blue" size="sm">
              {t('donors.mine.you')}
            </Tag>
          ) : null}
        </Text>
      ),
    },
    {
      id: 'pledged',
      header: t('donors.totals.pledged'),
      meta: { align: 'end', nowrap: true, total: { amount: (row) => row.pledgedUsd, format: money } },
      cell: ({ row }) => figure(row.original, money(row.original.pledgedUsd)),
    },
    {
      id: 'received',
      header: t('donors.totals.received'),
      meta: { align: 'end', nowrap: true, total: { amount: (row) => row.receivedUsd, format: money } },
      cell: ({ row }) => figure(row.original, money(row.original.receivedUsd)),
    },
    {
      id: 'share',
      header: t('donors.mine.share'),
      meta: { align: 'end' },
      cell: ({ row }) => figure(row.original, share(row.original.receivedUsd)),
    },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="all-donors-title">
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
          <ListTable
            listId="all-donors"
            cards
            columnChoice={false}
            label={t('donors.mine.allTitle')}
            columns={columns}
            data={rows}
            getRowId={(row) => row.donorId}
            loading={totals.isPending}
            minWidth={560}
            // Every donor is a row, so the rows' total is the Fund's.
            totalsLabel={t('donors.mine.fund')}
            rowProps={(row) => ({ 'data-own': row.donorId === ownDonorId ? 'true' : undefined })}
          />
        )}
      </Paper>
    </Stack>
  );
}
