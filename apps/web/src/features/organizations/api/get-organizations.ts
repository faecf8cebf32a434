import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { OrganizationFilters } from '../lib/filters';
import { organizationKeys } from './keys';

type ListOrganizations = paths['/api/v1/organizations']['get'];
export type OrganizationsQuery = NonNullable<ListOrganizations['parameters']['query']>;
export type OrganizationsPage = ListOrganizations['responses'][200]['content']['application/json'];
export type Organization = OrganizationsPage['items'][number];

export const ORGANIZATIONS_PAGE_SIZE = 50;

export function organizationsQuery(filters: OrganizationFilters): OrganizationsQuery {
  const query: OrganizationsQuery = { limit: ORGANIZATIONS_PAGE_SIZE };
  if (filters.kind) query.kind = filters.kind;
  if (filters.q) query.q = filters.q;
  return query;
}

/** GET /api/v1/organizations, page by page along nextCursor. */
export function organizationsQueryOptions(filters: OrganizationFilters) {
  const query = organizationsQuery(filters);
  return infiniteQueryOptions({
    queryKey: organizationKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<OrganizationsPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/organizations', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useOrganizations(filters: OrganizationFilters) {
  return useInfiniteQuery(organizationsQueryOptions(filters));
}
