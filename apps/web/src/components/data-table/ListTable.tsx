import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { PHONE_QUERY } from '../../lib/media';
import type { ListTotal } from '../ListFooter';
import { DataTable, type DataTableProps } from './DataTable';
import { RowCards } from './RowCards';
import { TableToolbar } from './TableToolbar';
import { useTableColumns } from './use-table-columns';

interface ListTableProps<T> extends Omit<DataTableProps<T>, 'visibility'> {
  /** Names the list for the reader's remembered columns and views ("contributions", "audit"). */
  listId: string;
  count?: { shown: number; total?: ListTotal; hasMore: boolean };
  /** For lists whose filters and order live in the address: named views of them. */
  views?: boolean;
  /** False for a short list whose few columns all matter: every column shows, with no menu. */
  columnChoice?: boolean;
  toolbar?: ReactNode;
  /** On a phone, a card a row instead of a table wider than the screen. */
  cards?: boolean;
}

/** A list's table with its toolbar: the row count, the column menu and, where the address holds the filters, views. */
export function ListTable<T>({
  listId,
  count,
  views,
  columnChoice = true,
  toolbar,
  cards = false,
  ...table
}: ListTableProps<T>) {
  const columns = useTableColumns(listId, table.columns);
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const visibility = columnChoice ? columns.visibility : {};
  return (
    <>
      <TableToolbar table={columns} count={count} views={views} columnChoice={columnChoice}>
        {toolbar}
      </TableToolbar>
      {cards && phone ? (
        <RowCards {...table} visibility={visibility} />
      ) : (
        <DataTable {...table} visibility={visibility} />
      )}
    </>
  );
}
