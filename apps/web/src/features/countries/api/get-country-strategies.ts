import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';

export type StrategyPage = components['schemas']['NationalStrategyPage'];
export type NationalStrategy = StrategyPage['items'][number];

export const COUNTRY_STRATEGIES_LIMIT = 200;

/** GET /api/v1/national-strategies?country=ISO3: the country's national strategies and plans. */
export function countryStrategiesQueryOptions(iso3: string) {
  return queryOptions({
    queryKey: ['national-strategies', 'list', { country: iso3, limit: COUNTRY_STRATEGIES_LIMIT }] as const,
    queryFn: async ({ signal }): Promise<StrategyPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/national-strategies', {
          params: { query: { country: iso3, limit: COUNTRY_STRATEGIES_LIMIT } },
          signal,
        }),
      );
    },
  });
}

export function useCountryStrategies(iso3: string) {
  return useQuery(countryStrategiesQueryOptions(iso3));
}
