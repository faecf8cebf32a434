import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { contributionKeys } from './keys';

type ListContributions = paths['/api/v1/contributions']['get'];
export type ContributionsQuery = NonNullable<ListContributions['parameters']['query']>;
export type ContributionPage = ListContributions['responses'][200]['content']['application/json'];
export type Contribution = ContributionPage['items'][number];
export type ContributionStatus = Contribution['status'];

export const CONTRIBUTIONS_PAGE_SIZE = 50;

/**
 * GET /api/v1/contributions?donorId=, by pledge date, page by page. A donor user gets its own
 * donor's only, whatever it asks.
 */
export function contributionsQueryOptions(donorId: string | null) {
  const query: ContributionsQuery = { limit: CONTRIBUTIONS_PAGE_SIZE };
  if (donorId) query.donorId = donorId;
  return infiniteQueryOptions({
    queryKey: contributionKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<ContributionPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/contributions', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
  });
}

export function useContributions(donorId: string | null) {
  return useInfiniteQuery(contributionsQueryOptions(donorId));
}

/** GET /api/v1/contributions/:id, read again after a 409 to say what changed. */
export function contributionQueryOptions(id: string) {
  return queryOptions({
    queryKey: contributionKeys.detail(id),
    queryFn: async ({ signal }): Promise<Contribution> => {
      return unwrap(
        await fetchClient.GET('/api/v1/contributions/{id}', {
          params: { path: { id } },
          signal,
        }),
      );
    },
    staleTime: 0,
  });
}
