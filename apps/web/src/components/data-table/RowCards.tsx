import { Paper, Text } from '@mantine/core';
import { sumMoney } from '@hstf/domain';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { CardList } from './CardList';
import type { DataTableProps } from './DataTable';
import classes from './RowCards.module.css';
import { useCompare } from './use-compare';

/** What a card list takes is what its table takes, minus the table's own layout and server order. */
type RowCardsProps<T> = Pick<
  DataTableProps<T>,
  | 'label'
  | 'columns'
  | 'data'
  | 'getRowId'
  | 'visibility'
  | 'loading'
  | 'refreshing'
  | 'clientSort'
  | 'totalsLabel'
  | 'rowProps'
  | 'testId'
>;

function columnLabel<T>(column: Column<T>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === 'string' ? header : column.id);
}

/**
 * A list table's rows as cards, for a phone: the row's name on top, then each column the reader
 * chose as its name and value, in the table's order, so nothing is cut off or scrolled sideways.
 * The cells are the table's own, so a card says exactly what the row says.
 */
export function RowCards<T>({
  label,
  columns,
  data,
  getRowId,
  visibility,
  loading = false,
  refreshing = false,
  clientSort,
  totalsLabel,
  rowProps,
  testId,
}: RowCardsProps<T>) {
  const { t } = useTranslation();
  const compare = useCompare<T>();
  // Read during this render only, as DataTable's instance is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data,
    columns: columns as ColumnDef<T>[],
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: clientSort ? getSortedRowModel() : undefined,
    manualSorting: !clientSort,
    // The table's order, so turning the phone does not reorder the list.
    defaultColumn: { sortingFn: compare, sortUndefined: 'last' },
    state: {
      columnVisibility: visibility,
      sorting: clientSort ? [{ id: clientSort.id, desc: clientSort.descending }] : [],
    },
  });
  const totalled = table.getVisibleLeafColumns().filter((column) => column.columnDef.meta?.total);

  return (
    <>
      <CardList
        label={label}
        items={table.getRowModel().rows}
        getKey={(row) => row.id}
        loading={loading}
        refreshing={refreshing}
        itemProps={rowProps ? (row) => rowProps(row.original) : undefined}
        testId={testId}
      >
        {(row) => {
          const cells = row.getVisibleCells();
          const name = cells.find((cell) => cell.column.columnDef.meta?.rowHeader);
          return (
            <>
              {name ? (
                <Text component="div" fw={600} size="sm" mb={6}>
                  {flexRender(name.column.columnDef.cell, name.getContext())}
                </Text>
              ) : null}
              <dl className={classes.fields}>
                {cells
                  .filter((cell) => cell !== name)
                  .map((cell) => (
                    <div key={cell.id} className={classes.field}>
                      <Text component="dt" size="xs" c="dimmed">
                        {columnLabel(cell.column)}
                      </Text>
                      <Text component="dd" size="sm">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Text>
                    </div>
                  ))}
              </dl>
            </>
          );
        }}
      </CardList>
      {!loading && data.length > 0 && totalled.length > 0 ? (
        <Paper withBorder radius="md" p="sm" mt="xs" data-totals="shown">
          <Text fw={600} size="sm" mb={6}>
            {totalsLabel ?? t('tables.totals.shown')}
          </Text>
          <dl className={classes.fields}>
            {totalled.map((column) => {
              const total = column.columnDef.meta!.total!;
              const amount = sumMoney(
                data.map((row) => total.amount(row)).filter((value): value is string => Boolean(value)),
              );
              return (
                <div key={column.id} className={classes.field}>
                  <Text component="dt" size="xs" c="dimmed">
                    {columnLabel(column)}
                  </Text>
                  <Text component="dd" size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {total.format(amount)}
                  </Text>
                </div>
              );
            })}
          </dl>
        </Paper>
      ) : null}
    </>
  );
}
