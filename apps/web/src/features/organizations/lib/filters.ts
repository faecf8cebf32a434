import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const ORGANIZATION_KINDS = ['un_entity', 'government', 'ngo', 'regional_body', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export function isOrganizationKind(value: unknown): value is OrganizationKind {
  return typeof value === 'string' && (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

/** The filters of the organizations screen, kept in the address. */
export interface OrganizationFilters {
  kind: OrganizationKind | null;
  q: string;
}

export function parseOrganizationFilters(params: URLSearchParams): OrganizationFilters {
  const kind = params.get('kind');
  return { kind: isOrganizationKind(kind) ? kind : null, q: params.get('q')?.trim() ?? '' };
}

export function writeOrganizationFilters(
  params: URLSearchParams,
  filters: OrganizationFilters,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (filters.kind) next.set('kind', filters.kind);
  else next.delete('kind');
  if (filters.q.trim()) next.set('q', filters.q.trim());
  else next.delete('q');
  return next;
}

export function useOrganizationFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseOrganizationFilters(params), [params]);
  const update = useCallback(
    (change: Partial<OrganizationFilters>) =>
      setParams(
        (current) => writeOrganizationFilters(current, { ...parseOrganizationFilters(current), ...change }),
        // A select bound to the address must show the change at once, not after a transition.
        { replace: true, flushSync: true },
      ),
    [setParams],
  );
  return [filters, update] as const;
}
