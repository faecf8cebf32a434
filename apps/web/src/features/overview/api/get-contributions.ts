import type { components } from '@hstf/api-client';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { contributionKeys } from '../../contributions/api/keys';

export type ContributionPage = components['schemas']['ContributionPage'];
export type Contribution = ContributionPage['items'][number];
export type ContributionTotal = components['schemas']['ContributionTotalDto'];

export const CONTRIBUTIONS_PAGE_SIZE = 50;

/** GET /api/v1/contributions: a donor user gets its own donor's contributions only (the API scopes them). */
export const contributionsQueryOptions = infiniteQueryOptions({
  queryKey: contributionKeys.list({ limit: CONTRIBUTIONS_PAGE_SIZE }),
  initialPageParam: null as string | null,
  queryFn: async ({ pageParam, signal }): Promise<ContributionPage> => {
    return unwrap(
      await fetchClient.GET('/api/v1/contributions', {
        params: {
          query: pageParam
            ? { limit: CONTRIBUTIONS_PAGE_SIZE, cursor: pageParam }
            : { limit: CONTRIBUTIONS_PAGE_SIZE },
        },
        signal,
      }),
    );
  },
  getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
});

export function useContributions() {
  return useInfiniteQuery(contributionsQueryOptions);
}

/** GET /api/v1/contributions/totals: USD totals per donor and year, for every donor. */
export const contributionTotalsQueryOptions = queryOptions({
  queryKey: contributionKeys.totals,
  queryFn: async ({ signal }): Promise<ContributionTotal[]> => {
    const data = unwrap(await fetchClient.GET('/api/v1/contributions/totals', { signal }));
    return data.items;
  },
});

export function useContributionTotals() {
  return useQuery(contributionTotalsQueryOptions);
}
