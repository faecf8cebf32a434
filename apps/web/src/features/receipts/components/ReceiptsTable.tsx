import { Button, Stack } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { Tag } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import type { DonorReceipt, Receipt } from '../api/receipts';

/** What a pledge's receipt and a donor's share; a donor's also names its pledge's rate, status and reference. */
export type ReceiptLine = Pick<
  Receipt,
  | 'id'
  | 'kind'
  | 'receivedOn'
  | 'amount'
  | 'currency'
  | 'exchangeRate'
  | 'usdAmount'
  | 'exchangeDifference'
  | 'earmarkKind'
  | 'earmarkTarget'
  | 'reversedBy'
> &
  Partial<Pick<DonorReceipt, 'pledgeRate' | 'pledgeStatus' | 'reference'>>;

interface ReceiptsTableProps<T extends ReceiptLine> {
  items: T[];
  /**
   * Whose list it is: the staff's pledge statement or the donor's own receipts. It names the table
   * (its title), its words and the list whose chosen columns are remembered.
   */
  texts: 'receipts' | 'donorReceipts';
  /** The donor's view across pledges: each line's pledge rate and reference. */
  pledgeColumns?: boolean;
  /** For staff: a "Reverse" button on each receipt not yet reversed. */
  onReverse?: (receipt: T) => void;
  count?: { shown: number; hasMore: boolean };
}

/** A reversal takes its amount back: negative wherever it is summed or ordered. */
const signed = (line: ReceiptLine, amount: string) => (line.kind === 'reversal' ? `-${amount}` : amount);
/** Money received on a cancelled pledge is not counted, so it stays out of the totals. */
const counted = (line: ReceiptLine) => line.pledgeStatus !== 'cancelled';

/**
 * Receipts and reversals, oldest first unless the reader orders them otherwise: the date, the amount in
 * the pledge's currency, the rates, the US dollars and the Fund's exchange gain or loss, and the
 * earmark. The foot totals the US dollars and the gain or loss, and the amounts when every line is in
 * one currency (amounts in different currencies are never added).
 */
export function ReceiptsTable<T extends ReceiptLine>({
  items,
  texts,
  pledgeColumns = false,
  onReverse,
  count,
}: ReceiptsTableProps<T>) {
  const { t } = useTranslation();
  const { money, rate, calendarDate } = useIntl();
  const currencies = new Set(items.map((line) => line.currency));
  const currency = currencies.size === 1 ? items[0]?.currency : undefined;
  const columns = useMemo<ColumnDef<T>[]>(
    () => [
      {
        id: 'date',
        header: t(`${texts}.columns.date`),
        accessorFn: (line) => line.receivedOn,
        meta: { rowHeader: true, nowrap: true },
        cell: ({ row: { original: line } }) => (
          <Stack gap={2} fw={500}>
            {calendarDate(line.receivedOn)}
            {line.kind === 'reversal' ? <Tag tone="gray">{t(`${texts}.reversal`)}</Tag> : null}
            {line.reversedBy ? <Tag tone="gray">{t(`${texts}.reversed`)}</Tag> : null}
            {line.pledgeStatus === 'cancelled' ? (
              <Tag tone="gray">{t('donorReceipts.cancelledPledge')}</Tag>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'amount',
        header: t(`${texts}.columns.amount`),
        accessorFn: (line) => Number(signed(line, line.amount)),
        meta: {
          align: 'end',
          nowrap: true,
          total: currency
            ? {
                amount: (line) => (counted(line) ? signed(line, line.amount) : null),
                format: (amount) => <span dir="ltr">{money(amount, currency)}</span>,
              }
            : undefined,
        },
        cell: ({ row: { original: line } }) => (
          <span dir="ltr">
            {line.kind === 'reversal' ? '−' : ''}
            {money(line.amount, line.currency)}
          </span>
        ),
      },
      {
        id: 'rate',
        header: t(`${texts}.columns.rate`),
        accessorFn: (line) => Number(line.exchangeRate),
        meta: { align: 'end' },
        cell: ({ row }) => rate(row.original.exchangeRate),
      },
      ...(pledgeColumns
        ? ([
            {
              id: 'pledgeRate',
              header: t('donorReceipts.columns.pledgeRate'),
              meta: { align: 'end' },
              cell: ({ row }) => (row.original.pledgeRate ? rate(row.original.pledgeRate) : ''),
            },
          ] satisfies ColumnDef<T>[])
        : []),
      {
        id: 'usd',
        header: t(`${texts}.columns.usd`),
        accessorFn: (line) => Number(signed(line, line.usdAmount)),
        meta: {
          align: 'end',
          nowrap: true,
          total: {
            amount: (line) => (counted(line) ? signed(line, line.usdAmount) : null),
            format: (amount) => <span dir="ltr">{money(amount)}</span>,
          },
        },
        cell: ({ row: { original: line } }) => (
          <span dir="ltr">
            {line.kind === 'reversal' ? '−' : ''}
            {money(line.usdAmount)}
          </span>
        ),
      },
      {
        id: 'difference',
        header: t(`${texts}.columns.difference`),
        accessorFn: (line) => Number(line.exchangeDifference),
        meta: {
          align: 'end',
          nowrap: true,
          total: {
            amount: (line) => (counted(line) ? line.exchangeDifference : null),
            format: (amount) => <span dir="ltr">{money(amount)}</span>,
          },
        },
        cell: ({ row }) => <span dir="ltr">{money(row.original.exchangeDifference)}</span>,
      },
      {
        id: 'earmark',
        header: t(`${texts}.columns.earmark`),
        cell: ({ row: { original: line } }) =>
          line.earmarkKind === 'none'
            ? t(`${texts}.earmark.none`)
            : `${t(`${texts}.earmark.${line.earmarkKind}`)}: ${line.earmarkTarget ?? ''}`,
      },
      ...(pledgeColumns
        ? ([
            {
              id: 'reference',
              header: t('donorReceipts.columns.reference'),
              accessorFn: (line) => line.reference ?? undefined,
              cell: ({ row }) => row.original.reference ?? '',
            },
          ] satisfies ColumnDef<T>[])
        : []),
      ...(onReverse
        ? ([
            {
              id: 'actions',
              header: t('receipts.columns.actions'),
              meta: { hideable: false },
              cell: ({ row: { original: line } }) =>
                line.kind === 'receipt' && !line.reversedBy ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    leftSection={<IconArrowBackUp size={16} aria-hidden="true" />}
                    onClick={() => onReverse(line)}
                    aria-label={t('receipts.reverseNamed', { date: calendarDate(line.receivedOn) })}
                  >
                    {t('receipts.reverse')}
                  </Button>
                ) : null,
            },
          ] satisfies ColumnDef<T>[])
        : []),
    ],
    [t, texts, money, rate, calendarDate, currency, pledgeColumns, onReverse],
  );
  return (
    <ListTable
      listId={texts}
      label={t(`${texts}.title`)}
      columns={columns}
      data={items}
      getRowId={(line) => line.id}
      clientSort={{ id: 'date', descending: false }}
      minWidth={pledgeColumns ? 880 : 720}
      count={count}
    />
  );
}
