import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { CountryFilters } from '../lib/filters';
import { countryKeys } from './keys';

type ListCountries = paths['/api/v1/countries']['get'];
export type CountriesQuery = NonNullable<ListCountries['parameters']['query']>;
export type CountriesPage = ListCountries['responses'][200]['content']['application/json'];
export type Country = CountriesPage['items'][number];

export const COUNTRIES_PAGE_SIZE = 50;

/** The API's query string for the screen's filters; an unset filter is left out, never sent as false. */
export function countriesQuery(filters: CountryFilters): CountriesQuery {
  const query: CountriesQuery = { limit: COUNTRIES_PAGE_SIZE };
  if (filters.region) query.region = filters.region;
  if (filters.sids) query.sids = true;
  if (filters.ldc) query.ldc = true;
  if (filters.lldc) query.lldc = true;
  if (filters.q) query.q = filters.q;
  return query;
}

/** GET /api/v1/countries, page by page along nextCursor. */
export function countriesQueryOptions(filters: CountryFilters) {
  const query = countriesQuery(filters);
  return infiniteQueryOptions({
    queryKey: countryKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<CountriesPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/countries', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    // While a new filter loads, keep the previous rows on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export function useCountries(filters: CountryFilters) {
  return useInfiniteQuery(countriesQueryOptions(filters));
}
