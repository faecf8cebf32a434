import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useColumnChoice, type ChoosableColumn } from './column-choice';

export interface LabelledColumn extends ChoosableColumn {
  label: string;
}

/** The columns of a definition as the column menu lists them; each needs an id or an accessorKey. */
export function labelledColumns<T>(columns: readonly ColumnDef<T, never>[] | readonly ColumnDef<T>[]) {
  return (columns as readonly ColumnDef<T>[]).map((column): LabelledColumn => {
    const id = column.id ?? ('accessorKey' in column ? String(column.accessorKey) : '');
    const meta = column.meta;
    return {
      id,
      label: meta?.label ?? (typeof column.header === 'string' ? column.header : id),
      hideable: meta?.hideable !== false && !meta?.rowHeader,
      hiddenByDefault: meta?.hiddenByDefault ?? false,
    };
  });
}

/** A list's table state that lives outside the table: which columns show, remembered per list. */
export function useTableColumns<T>(
  listId: string,
  columns: readonly ColumnDef<T, never>[] | readonly ColumnDef<T>[],
) {
  const labelled = useMemo(() => labelledColumns(columns), [columns]);
  const choice = useColumnChoice(listId, labelled);
  return { listId, columns: labelled, ...choice };
}

export type TableColumns = ReturnType<typeof useTableColumns>;
