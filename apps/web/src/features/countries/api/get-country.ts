import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { countryKeys } from './keys';

export type CountryDetail = components['schemas']['CountryDto'];

/** GET /api/v1/countries/{iso3}: one country's reference data. */
export function countryQueryOptions(iso3: string) {
  return queryOptions({
    queryKey: countryKeys.detail(iso3),
    queryFn: async ({ signal }): Promise<CountryDetail> => {
      return unwrap(
        await fetchClient.GET('/api/v1/countries/{iso3}', {
          params: { path: { iso3 } },
          signal,
        }),
      );
    },
    staleTime: 10 * 60_000,
  });
}

export function useCountry(iso3: string) {
  return useQuery(countryQueryOptions(iso3));
}
