import type { VisibilityState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

/** The address parameter that carries a view's visible columns, so a shared view shows the same table. */
export const COLUMNS_PARAM = 'columns';

export interface ChoosableColumn {
  id: string;
  /** Columns that identify a row (the code, the name) stay whatever the reader chooses. */
  hideable: boolean;
  hiddenByDefault: boolean;
}

const storageKey = (listId: string) => `hstf.table.${listId}.hidden`;

function readHidden(listId: string): string[] | null {
  try {
    const stored = window.localStorage.getItem(storageKey(listId));
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : null;
  } catch {
    // Storage refused (private mode, quota) or garbled: the list's defaults answer.
    return null;
  }
}

function writeHidden(listId: string, hidden: string[]) {
  try {
    window.localStorage.setItem(storageKey(listId), JSON.stringify(hidden));
  } catch {
    // The choice then lasts as long as the screen, which is all storage refused allows.
  }
}

/**
 * Which columns a list shows: the address's `columns` when a view names them, else the reader's last
 * choice for this list (kept in localStorage), else the list's defaults. A choice is remembered per
 * list and, when the address names columns, written back there so the address keeps describing the
 * table on screen.
 */
export function useColumnChoice(listId: string, columns: readonly ChoosableColumn[]) {
  const [params, setParams] = useSearchParams();
  const [stored, setStored] = useState<string[] | null>(() => readHidden(listId));
  const fromAddress = params.get(COLUMNS_PARAM);

  const visibility = useMemo<VisibilityState>(() => {
    const shown = fromAddress !== null ? new Set(fromAddress.split(',').filter(Boolean)) : null;
    const hidden = new Set(stored ?? columns.filter((c) => c.hiddenByDefault).map((c) => c.id));
    return Object.fromEntries(
      columns.map((column) => [
        column.id,
        !column.hideable || (shown ? shown.has(column.id) : !hidden.has(column.id)),
      ]),
    );
  }, [columns, fromAddress, stored]);

  const setVisible = useCallback(
    (id: string, visible: boolean) => {
      const next = { ...visibility, [id]: visible };
      const hidden = columns.filter((c) => c.hideable && !next[c.id]).map((c) => c.id);
      writeHidden(listId, hidden);
      setStored(hidden);
      if (fromAddress !== null) {
        setParams(
          (current) => {
            const updated = new URLSearchParams(current);
            updated.set(COLUMNS_PARAM, visibleIds(columns, next).join(','));
            return updated;
          },
          { replace: true },
        );
      }
    },
    [columns, fromAddress, listId, setParams, visibility],
  );

  return { visibility, setVisible };
}

/** The hideable columns shown, in the list's order: what a saved view writes in the address. */
export function visibleIds(columns: readonly ChoosableColumn[], visibility: VisibilityState): string[] {
  return columns.filter((c) => c.hideable && visibility[c.id] !== false).map((c) => c.id);
}
