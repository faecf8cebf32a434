import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { strategyKeys } from '../../strategies/api/keys';

export type StrategyPage = components['schemas']['NationalStrategyPage'];
export type NationalStrategy = StrategyPage['items'][number];

export const COUNTRY_STRATEGIES_LIMIT = 200;

/** GET /api/v1/national-strategies?country=ISO3: the country's national strategies and plans. */
export function countryStrategiesQueryOptions(iso3: string) {
  return queryOptions({
    queryKey: strategyKeys.ofCountry(iso3, COUNTRY_STRATEGIES_LIMIT),
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
