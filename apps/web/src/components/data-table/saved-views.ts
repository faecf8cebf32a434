import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { COLUMNS_PARAM } from './column-choice';

/** A named view of a list: its filters, order and columns, as the address writes them. */
export interface SavedView {
  name: string;
  /** The address's query string, without the leading "?", its parameters sorted. */
  query: string;
}

const storageKey = (listId: string) => `hstf.table.${listId}.views`;

function readViews(listId: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(listId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (view): view is SavedView =>
            typeof view === 'object' &&
            view !== null &&
            typeof (view as SavedView).name === 'string' &&
            typeof (view as SavedView).query === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function writeViews(listId: string, views: SavedView[]) {
  try {
    window.localStorage.setItem(storageKey(listId), JSON.stringify(views));
  } catch {
    // Without storage the views last as long as the screen.
  }
}

/** The same parameters in one order, so a view and the address compare as text. */
export function canonicalQuery(params: URLSearchParams): string {
  const sorted = new URLSearchParams([...params].sort(([a], [b]) => a.localeCompare(b)));
  return sorted.toString();
}

/**
 * The reader's saved views of one list, kept in localStorage, and the one the address shows now.
 * The address alone describes a view (filters, order, `columns`), so a view's link can be shared;
 * saving names it and picking one writes it back into the address.
 */
export function useSavedViews(listId: string, currentColumns: () => string[]) {
  const [params, setParams] = useSearchParams();
  const [views, setViews] = useState<SavedView[]>(() => readViews(listId));

  const withColumns = useCallback(
    (source: URLSearchParams) => {
      const next = new URLSearchParams(source);
      next.set(COLUMNS_PARAM, currentColumns().join(','));
      return canonicalQuery(next);
    },
    [currentColumns],
  );

  const active = useMemo(() => {
    const here = canonicalQuery(params);
    const complete = withColumns(params);
    return views.find((view) => view.query === here || view.query === complete) ?? null;
  }, [params, views, withColumns]);

  const update = (next: SavedView[]) => {
    writeViews(listId, next);
    setViews(next);
  };

  const save = (name: string) => {
    const view = { name: name.trim(), query: withColumns(params) };
    update([...views.filter((v) => v.name !== view.name), view]);
    setParams(new URLSearchParams(view.query), { replace: true });
  };

  const pick = (view: SavedView) => setParams(new URLSearchParams(view.query));

  const remove = (name: string) => update(views.filter((view) => view.name !== name));

  return { views, active, save, pick, remove };
}
