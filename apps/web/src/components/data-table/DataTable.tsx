import { Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { sumMoney } from '@hstf/domain';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type RowData,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../QueryStates';
import { useCompare } from './use-compare';

declare module '@tanstack/react-table' {
  // The generic parameters must match the library's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name in the column menu, when its header is not plain text. */
    label?: string;
    align?: 'start' | 'end';
    nowrap?: boolean;
    width?: CSSProperties['width'];
    /** The row's name: written as a row header (th scope="row"), and never hidden. */
    rowHeader?: boolean;
    /** Set false for a column that identifies the row and so always shows. */
    hideable?: boolean;
    hiddenByDefault?: boolean;
    /** The API's name for ordering by this column; a column without one does not sort. */
    sortField?: string;
    /** A money column in one currency: its amount per row (a decimal string), summed in the totals row. */
    total?: {
      amount: (row: TData) => string | null | undefined;
      format: (amount: string) => ReactNode;
    };
  }
}

export interface ServerSort {
  field: string;
  descending: boolean;
  onSort: (field: string, descending: boolean) => void;
}

/**
 * Ordering done here, over rows loaded whole: the column (by id) the list starts ordered by. A column
 * sorts when it has an accessor (accessorKey or accessorFn) giving a number or a string to order by.
 */
export interface ClientSort {
  id: string;
  descending: boolean;
}

export interface DataTableProps<T> {
  label: string;
  columns: ColumnDef<T, never>[] | ColumnDef<T>[];
  data: T[];
  getRowId: (row: T) => string;
  visibility: VisibilityState;
  loading?: boolean;
  refreshing?: boolean;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  /** The order the API applies (server-side sorting along its cursor). */
  sort?: ServerSort;
  /** The order the list starts in, for a list sorted here rather than by the API. */
  clientSort?: ClientSort;
  /** The totals row's name, for a list whose rows are all there is ("The Fund"). */
  totalsLabel?: string;
  /** Totals the API computed for every row the filters hold, by column id. */
  filterTotals?: Partial<Record<string, string>>;
  rowProps?: (row: T) => Record<string, string | undefined>;
  /** A row of details after a row (its own tr), given how many columns show, for it to span them. */
  expansion?: (row: T, columns: number) => ReactNode;
  testId?: string;
  fz?: 'xs' | 'sm' | 'md';
}

/** The column's name for its sort button. */
function columnLabel<T>(column: Column<T>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === 'string' ? header : column.id);
}

interface SortState {
  active: boolean;
  descending: boolean;
  onToggle: () => void;
}

function SortButton({ label, active, descending, onToggle }: { label: string } & SortState) {
  const { t } = useTranslation();
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <UnstyledButton
      onClick={onToggle}
      fw={700}
      fz="sm"
      // A long name wraps, unless its column is nowrap, rather than widen its column past the screen.
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      // The column's name: kept on paper, where the other buttons are left out.
      data-print="show"
    >
      {label}
      <Icon size={14} aria-hidden="true" style={{ opacity: active ? 1 : 0.45 }} data-print="hide" />
      <VisuallyHidden>
        {active
          ? descending
            ? t('tables.sort.descending')
            : t('tables.sort.ascending')
          : t('tables.sort.sortable')}
      </VisuallyHidden>
    </UnstyledButton>
  );
}

/**
 * A list as a table: headers that stay in view while the rows scroll, the columns the reader chose,
 * ordering done by the API (aria-sort says which), and a totals row under every money column: the
 * sum of the rows on screen and, when the API gives it, the total for everything the filters hold.
 * A list loaded whole can be ordered here instead (clientSort).
 */
export function DataTable<T>({
  label,
  columns,
  data,
  getRowId,
  visibility,
  loading = false,
  refreshing = false,
  minWidth = 720,
  sort,
  clientSort,
  totalsLabel,
  filterTotals,
  rowProps,
  expansion,
  testId,
  fz,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const compare = useCompare<T>();
  const [sorting, setSorting] = useState<SortingState>(() =>
    clientSort ? [{ id: clientSort.id, desc: clientSort.descending }] : [],
  );
  // The instance is rebuilt on each render and read during it only; nothing downstream memoizes it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data,
    columns: columns as ColumnDef<T>[],
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: clientSort ? getSortedRowModel() : undefined,
    manualSorting: !clientSort,
    enableSorting: Boolean(clientSort),
    // Rows without a value (undefined from the accessor) go last whichever way the column runs.
    defaultColumn: { sortingFn: compare, sortUndefined: 'last' },
    state: { columnVisibility: visibility, sorting },
    onSortingChange: setSorting,
  });
  const sortOf = (column: Column<T>): SortState | undefined => {
    const field = column.columnDef.meta?.sortField;
    if (sort && field) {
      const active = sort.field === field;
      return {
        active,
        descending: active && sort.descending,
        onToggle: () => sort.onSort(field, active ? !sort.descending : false),
      };
    }
    if (clientSort && column.getCanSort()) {
      const current = sorting[0];
      const active = current?.id === column.id;
      return {
        active,
        descending: active && current.desc,
        onToggle: () => setSorting([{ id: column.id, desc: active ? !current.desc : false }]),
      };
    }
    return undefined;
  };
  const visible = table.getVisibleLeafColumns();
  const totalled = visible.some((column) => column.columnDef.meta?.total);
  const cellStyle = (column: Column<T>): CSSProperties => ({
    textAlign: column.columnDef.meta?.align ?? 'start',
    whiteSpace: column.columnDef.meta?.nowrap ? 'nowrap' : undefined,
    width: column.columnDef.meta?.width,
  });

  const totalsRow = (kind: 'shown' | 'filter') => (
    <Table.Tr data-totals={kind}>
      {visible.map((column, index) => {
        const total = column.columnDef.meta?.total;
        if (index === 0) {
          return (
            // The label wraps: in a narrow first column (a code) it would otherwise widen the column.
            <Table.Th key={column.id} scope="row" style={{ ...cellStyle(column), whiteSpace: 'normal' }}>
              {kind === 'shown' ? (totalsLabel ?? t('tables.totals.shown')) : t('tables.totals.filter')}
            </Table.Th>
          );
        }
        let amount: string | undefined;
        if (total && kind === 'shown') {
          amount = sumMoney(
            data.map((row) => total.amount(row)).filter((value): value is string => Boolean(value)),
          );
        } else if (total) {
          amount = filterTotals?.[column.id];
        }
        return (
          <Table.Td key={column.id} style={{ ...cellStyle(column), fontVariantNumeric: 'tabular-nums' }}>
            {total && amount !== undefined ? (
              <Text span fw={700} size="sm">
                {total.format(amount)}
              </Text>
            ) : null}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );

  const showFilterTotals =
    filterTotals !== undefined && visible.some((c) => c.columnDef.meta?.total && filterTotals[c.id]);

  return (
    // Focusable so a keyboard can scroll it (its height is capped for the sticky header). A named
    // group, not a region: the section around a list is usually named as the list is, and two
    // landmarks of one name leave a screen reader's landmark list ambiguous (axe landmark-unique).
    // Positioned, so that a cell's visually hidden text (absolutely placed) scrolls with the table
    // instead of widening the page on a phone.
    <Table.ScrollContainer
      pos="relative"
      minWidth={minWidth}
      maxHeight="75vh"
      type="native"
      tabIndex={0}
      role="group"
      aria-label={label}
    >
      <Table
        stickyHeader
        highlightOnHover
        fz={fz}
        aria-busy={loading || refreshing}
        aria-label={label}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
        data-testid={testId}
      >
        <Table.Thead style={{ zIndex: 2 }}>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const order = sortOf(column);
                const content = flexRender(column.columnDef.header, header.getContext());
                return (
                  <Table.Th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      order
                        ? order.active
                          ? order.descending
                            ? 'descending'
                            : 'ascending'
                          : 'none'
                        : undefined
                    }
                    style={cellStyle(column)}
                  >
                    {order ? <SortButton label={columnLabel(column)} {...order} /> : content}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        {loading ? (
          <TableSkeleton columns={visible.length} />
        ) : (
          <>
            <Table.Tbody>
              {table.getRowModel().rows.map((row) => (
                <Fragment key={row.id}>
                  <Table.Tr {...rowProps?.(row.original)}>
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                      return meta?.rowHeader ? (
                        <Table.Th key={cell.id} scope="row" fw={400} style={cellStyle(cell.column)}>
                          {content}
                        </Table.Th>
                      ) : (
                        <Table.Td key={cell.id} style={cellStyle(cell.column)}>
                          {content}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                  {expansion?.(row.original, visible.length)}
                </Fragment>
              ))}
            </Table.Tbody>
            {totalled && data.length > 0 ? (
              <Table.Tfoot>
                {totalsRow('shown')}
                {showFilterTotals ? totalsRow('filter') : null}
              </Table.Tfoot>
            ) : null}
          </>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
