import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The filters of the countries screen, kept in the address so a filtered list can be bookmarked and shared. */
export interface CountryFilters {
  /** UN M49 region code, e.g. "009" for Oceania. */
  region: string | null;
  sids: boolean;
  ldc: boolean;
  lldc: boolean;
  q: string;
}

export const FLAG_FILTERS = ['sids', 'ldc', 'lldc'] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export function parseCountryFilters(params: URLSearchParams): CountryFilters {
  return {
    region: params.get('region') || null,
    sids: params.get('sids') === 'true',
    ldc: params.get('ldc') === 'true',
    lldc: params.get('lldc') === 'true',
    q: params.get('q')?.trim() ?? '',
  };
}

export function writeCountryFilters(params: URLSearchParams, filters: CountryFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set('region', filters.region);
  for (const flag of FLAG_FILTERS) set(flag, filters[flag] ? 'true' : null);
  set('q', filters.q.trim() || null);
  return next;
}

export function hasActiveFilters(filters: CountryFilters): boolean {
  return Boolean(filters.region || filters.sids || filters.ldc || filters.lldc || filters.q);
}

export function useCountryFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseCountryFilters(params), [params]);
  const update = useCallback(
    (change: Partial<CountryFilters>) =>
      setParams((current) => writeCountryFilters(current, { ...parseCountryFilters(current), ...change }), {
        replace: true,
        // A checkbox or select bound to the address must show the change at once, not after a transition.
        flushSync: true,
      }),
    [setParams],
  );
  return [filters, update] as const;
}
