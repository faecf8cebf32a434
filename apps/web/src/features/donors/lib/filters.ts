import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const DONOR_KINDS = [
  'member_state',
  'regional_organization',
  'private_sector',
  'foundation',
  'other',
] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

export function isDonorKind(value: unknown): value is DonorKind {
  return typeof value === 'string' && (DONOR_KINDS as readonly string[]).includes(value);
}

export interface DonorFilters {
  kind: DonorKind | null;
  q: string;
}

export function parseDonorFilters(params: URLSearchParams): DonorFilters {
  const kind = params.get('kind');
  return { kind: isDonorKind(kind) ? kind : null, q: params.get('q')?.trim() ?? '' };
}

export function writeDonorFilters(params: URLSearchParams, filters: DonorFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  if (filters.kind) next.set('kind', filters.kind);
  else next.delete('kind');
  if (filters.q.trim()) next.set('q', filters.q.trim());
  else next.delete('q');
  return next;
}

export function useDonorFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseDonorFilters(params), [params]);
  const update = useCallback(
    (change: Partial<DonorFilters>) =>
      setParams((current) => writeDonorFilters(current, { ...parseDonorFilters(current), ...change }), {
        replace: true,
        flushSync: true,
      }),
    [setParams],
  );
  return [filters, update] as const;
}
