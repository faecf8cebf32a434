import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from './api-client';
import { unwrap } from './request';

export interface CountryOption {
  iso3: string;
  name: string;
}

/** Every country and area (GET /api/v1/countries, all pages): a short list that rarely changes. */
export const countryOptionsQueryOptions = queryOptions({
  queryKey: ['country-options'] as const,
  queryFn: async ({ signal }): Promise<CountryOption[]> => {
    const options: CountryOption[] = [];
    let cursor: string | undefined;
    do {
      const data = unwrap(
        await fetchClient.GET('/api/v1/countries', {
          params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      );
      options.push(...data.items.map((country) => ({ iso3: country.iso3, name: country.name })));
      cursor = data.nextCursor ?? undefined;
    } while (cursor);
    return options;
  },
  staleTime: 60 * 60_000,
});

export function useCountryOptions() {
  return useQuery(countryOptionsQueryOptions);
}
