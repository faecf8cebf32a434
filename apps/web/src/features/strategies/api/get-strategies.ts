import type { paths } from '@hstf/api-client';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { StrategyFilters } from '../lib/filters';
import { strategyKeys } from './keys';

type ListStrategies = paths['/api/v1/national-strategies']['get'];
export type StrategiesQuery = NonNullable<ListStrategies['parameters']['query']>;
export type StrategyPage = ListStrategies['responses'][200]['content']['application/json'];
export type Strategy = StrategyPage['items'][number];

export const STRATEGIES_PAGE_SIZE = 100;

export function strategiesQuery(filters: StrategyFilters): StrategiesQuery {
  const query: StrategiesQuery = { limit: STRATEGIES_PAGE_SIZE };
  if (filters.country) query.country = filters.country;
  if (filters.q) query.q = filters.q;
  if (filters.coversDate) query.coversDate = filters.coversDate;
  return query;
}

/** GET /api/v1/national-strategies, by country then period, page by page. */
export function strategiesQueryOptions(filters: StrategyFilters) {
  const query = strategiesQuery(filters);
  return infiniteQueryOptions({
    queryKey: strategyKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<StrategyPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/national-strategies', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useStrategies(filters: StrategyFilters) {
  return useInfiniteQuery(strategiesQueryOptions(filters));
}

/** GET /api/v1/national-strategies/:id, read again after a 409 to say what changed. */
export function strategyQueryOptions(id: string) {
  return queryOptions({
    queryKey: strategyKeys.detail(id),
    queryFn: async ({ signal }): Promise<Strategy> => {
      return unwrap(
        await fetchClient.GET('/api/v1/national-strategies/{id}', {
          params: { path: { id } },
          signal,
        }),
      );
    },
    staleTime: 0,
  });
}
