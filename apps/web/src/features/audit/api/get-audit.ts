import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { endOfDay, startOfDay, type AuditFilters } from '../lib/filters';
import { auditKeys } from './keys';

type ListAudit = paths['/api/v1/audit']['get'];
export type AuditQuery = NonNullable<ListAudit['parameters']['query']>;
export type AuditPage = ListAudit['responses'][200]['content']['application/json'];
export type AuditEntry = AuditPage['items'][number];

export const AUDIT_PAGE_SIZE = 50;

/** The API's query for the screen's filters; days become the instants that bound them. */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = { limit: AUDIT_PAGE_SIZE };
  if (filters.entity) query.entity = filters.entity;
  if (filters.entityId) query.entityId = filters.entityId;
  if (filters.actorId) query.actorId = filters.actorId;
  if (filters.action) query.action = filters.action;
  if (filters.from) query.from = startOfDay(filters.from);
  if (filters.to) query.to = endOfDay(filters.to);
  return query;
}

/** GET /api/v1/audit, newest first, page by page along nextCursor. */
export function auditQueryOptions(filters: AuditFilters) {
  const query = auditQuery(filters);
  return infiniteQueryOptions({
    queryKey: auditKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<AuditPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/audit', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
