import type { paths } from '@hstf/api-client';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { DonorFilters } from '../lib/filters';
import { donorKeys } from './keys';

type ListDonors = paths['/api/v1/donors']['get'];
export type DonorsQuery = NonNullable<ListDonors['parameters']['query']>;
export type DonorPage = ListDonors['responses'][200]['content']['application/json'];
export type Donor = DonorPage['items'][number];

export const DONORS_PAGE_SIZE = 50;

/** GET /api/v1/donors, by name, page by page. */
export function donorsQueryOptions(filters: DonorFilters) {
  const query: DonorsQuery = { limit: DONORS_PAGE_SIZE };
  if (filters.kind) query.kind = filters.kind;
  if (filters.q) query.q = filters.q;
  return infiniteQueryOptions({
    queryKey: donorKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<DonorPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/donors', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useDonors(filters: DonorFilters) {
  return useInfiniteQuery(donorsQueryOptions(filters));
}

/** GET /api/v1/donors/:id. */
export function donorQueryOptions(id: string) {
  return queryOptions({
    queryKey: donorKeys.detail(id),
    queryFn: async ({ signal }): Promise<Donor> => {
      return unwrap(
        await fetchClient.GET('/api/v1/donors/{id}', {
          params: { path: { id } },
          signal,
        }),
      );
    },
  });
}

export function useDonor(id: string | null) {
  return useQuery({ ...donorQueryOptions(id ?? ''), enabled: Boolean(id) });
}
