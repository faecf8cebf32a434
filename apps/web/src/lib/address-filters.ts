import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A list's filters kept in the address: one choice of a fixed set (or none), and the search text. */
export type ChoiceFilters<Key extends string, Choice extends string> = Record<Key, Choice | null> & {
  q: string;
};

/**
 * The address filters of a list filtered by one choice (a donor's kind, a user's role) and a search:
 * read from the address, written back to it, and the hook a screen keeps them with. An unknown choice
 * in the address reads as none, so a stale link still opens the list.
 */
export function choiceFilters<Key extends string, Choice extends string>(
  key: Key,
  choices: readonly Choice[],
) {
  type Filters = ChoiceFilters<Key, Choice>;
  const isChoice = (value: unknown): value is Choice =>
    typeof value === 'string' && (choices as readonly string[]).includes(value);

  const parse = (params: URLSearchParams): Filters => {
    const choice = params.get(key);
    return { [key]: isChoice(choice) ? choice : null, q: params.get('q')?.trim() ?? '' } as Filters;
  };

  const write = (params: URLSearchParams, filters: Filters): URLSearchParams => {
    const next = new URLSearchParams(params);
    const choice: Choice | null = filters[key];
    if (choice) next.set(key, choice);
    else next.delete(key);
    if (filters.q.trim()) next.set('q', filters.q.trim());
    else next.delete('q');
    return next;
  };

  const useFilters = () => {
    const [params, setParams] = useSearchParams();
    const filters = useMemo(() => parse(params), [params]);
    const update = useCallback(
      (change: Partial<Filters>) =>
        setParams(
          (current) => write(current, { ...parse(current), ...change }),
          // A select bound to the address must show the change at once, not after a transition.
          { replace: true, flushSync: true },
        ),
      [setParams],
    );
    return [filters, update] as const;
  };

  return { isChoice, parse, write, useFilters };
}
