import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The filters of the national strategies screen, kept in the address. */
export interface StrategyFilters {
  country: string | null;
  q: string;
  /** Only strategies whose period covers this day (YYYY-MM-DD). */
  coversDate: string | null;
}

export function parseStrategyFilters(params: URLSearchParams): StrategyFilters {
  const country = params.get('country')?.toUpperCase() ?? null;
  const coversDate = params.get('coversDate');
  return {
    country: country && /^[A-Z]{3}$/.test(country) ? country : null,
    q: params.get('q')?.trim() ?? '',
    coversDate: coversDate && /^\d{4}-\d{2}-\d{2}$/.test(coversDate) ? coversDate : null,
  };
}

export function writeStrategyFilters(params: URLSearchParams, filters: StrategyFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set('country', filters.country);
  set('q', filters.q.trim() || null);
  set('coversDate', filters.coversDate);
  return next;
}

export function useStrategyFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseStrategyFilters(params), [params]);
  const update = useCallback(
    (change: Partial<StrategyFilters>) =>
      setParams((current) => writeStrategyFilters(current, { ...parseStrategyFilters(current), ...change }), {
        replace: true,
        flushSync: true,
      }),
    [setParams],
  );
  return [filters, update] as const;
}
