import { Stack, Text, Tooltip } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditDeleteButtons } from '../../../components/data-table/EditDeleteButtons';
import { ListTable } from '../../../components/data-table/ListTable';
import { Tag, type TagTone } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import type { Contribution, ContributionStatus } from '../api/get-contributions';

const STATUS_TONES: Record<ContributionStatus, TagTone> = {
  pledged: 'blue',
  received: 'teal',
  cancelled: 'gray',
};

interface ContributionsTableProps {
  contributions: Contribution[];
  loading: boolean;
  label: string;
  canEdit: boolean;
  onEdit?: (contribution: Contribution) => void;
  onDelete?: (contribution: Contribution) => void;
  count?: { shown: number; hasMore: boolean };
  testId?: string;
}

/** Each contribution: when, how much in its currency, the rate, the US dollars it counts for. */
export function ContributionsTable({
  contributions,
  loading,
  label,
  canEdit,
  onEdit,
  onDelete,
  count,
  testId,
}: ContributionsTableProps) {
  const { t } = useTranslation();
  const { money, rate, calendarDate } = useIntl();
  const columns = useMemo<ColumnDef<Contribution>[]>(
    () => [
      {
        id: 'pledgedOn',
        header: t('donors.contributions.pledgedOn'),
        meta: { rowHeader: true, nowrap: true },
        cell: ({ row }) => (
          <Text span fw={500} size="sm">
            {calendarDate(row.original.pledgedOn)}
          </Text>
        ),
      },
      {
        id: 'status',
        header: t('donors.contributions.status'),
        cell: ({ row: { original: contribution } }) => (
          <Stack gap={2} align="flex-start">
            <Tag tone={STATUS_TONES[contribution.status]}>{t(`donors.status.${contribution.status}`)}</Tag>
            {contribution.receivedOn ? (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('donors.contributions.receivedOn', { date: calendarDate(contribution.receivedOn) })}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'amount',
        header: t('donors.contributions.amount'),
        meta: { align: 'end', nowrap: true },
        cell: ({ row }) => (
          <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {money(row.original.amount, row.original.currency)}
          </Text>
        ),
      },
      {
        id: 'rate',
        header: t('donors.contributions.rate'),
        meta: { align: 'end' },
        cell: ({ row }) => (
          <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {row.original.currency === 'USD' ? '—' : rate(row.original.exchangeRate)}
          </Text>
        ),
      },
      {
        id: 'usd',
        header: t('donors.contributions.usd'),
        meta: {
          align: 'end',
          nowrap: true,
          // Cancelled pledges count for nothing, so they are left out of the sum as from the Fund's.
          total: {
            amount: (contribution) => (contribution.status === 'cancelled' ? null : contribution.usdAmount),
            format: (amount) => money(amount),
          },
        },
        cell: ({ row }) => (
          <Text span size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {money(row.original.usdAmount)}
          </Text>
        ),
      },
      {
        id: 'reference',
        header: t('donors.contributions.reference'),
        cell: ({ row: { original: contribution } }) => (
          <Stack gap={2}>
            <Text size="sm">{contribution.reference ?? '—'}</Text>
            {contribution.earmarking ? (
              <Text size="xs" c="dimmed">
                {t('donors.contributions.earmarked', { note: contribution.earmarking })}
              </Text>
            ) : null}
            {contribution.illustrative ? (
              <Tooltip label={t('donors.contributions.illustrativeHint')} withArrow>
                <Text size="xs" c="dimmed" fs="italic" tabIndex={0} w="fit-content">
                  {t('donors.contributions.illustrative')}
                </Text>
              </Tooltip>
            ) : null}
          </Stack>
        ),
      },
      ...(canEdit
        ? [
            {
              id: 'actions',
              header: t('donors.contributions.actions'),
              meta: { hideable: false },
              cell: ({ row: { original: contribution } }) => (
                <EditDeleteButtons
                  editText={t('donors.contributions.edit')}
                  deleteText={t('donors.contributions.delete')}
                  editLabel={t('donors.contributions.editNamed', {
                    date: calendarDate(contribution.pledgedOn),
                  })}
                  deleteLabel={t('donors.contributions.deleteNamed', {
                    date: calendarDate(contribution.pledgedOn),
                  })}
                  onEdit={() => onEdit?.(contribution)}
                  onDelete={() => onDelete?.(contribution)}
                />
              ),
            } satisfies ColumnDef<Contribution>,
          ]
        : []),
    ],
    [t, money, rate, calendarDate, canEdit, onEdit, onDelete],
  );
  return (
    <ListTable
      listId="contributions"
      cards
      label={label}
      columns={columns}
      data={contributions}
      getRowId={(contribution) => contribution.id}
      loading={loading}
      minWidth={900}
      count={count}
      testId={testId}
    />
  );
}
