import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { allPages, unwrap } from '../../../lib/request';
import type { Country, Organization } from './types';
import { organizationKeys } from '../../organizations/api/keys';
import { countryKeys } from '../../countries/api/keys';

/** Every organization (GET /api/v1/organizations, all pages): the choices of the form and the filter. */
export const organizationsQueryOptions = queryOptions({
  queryKey: organizationKeys.choices,
  queryFn: ({ signal }): Promise<Organization[]> =>
    allPages(async (cursor) =>
      unwrap(
        await fetchClient.GET('/api/v1/organizations', {
          params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    ),
  staleTime: 10 * 60_000,
});

export function useAllOrganizations() {
  return useQuery(organizationsQueryOptions);
}

/** Every country and area (GET /api/v1/countries, all pages). */
export const countriesQueryOptions = queryOptions({
  queryKey: countryKeys.choices,
  queryFn: ({ signal }): Promise<Country[]> =>
    allPages(async (cursor) =>
      unwrap(
        await fetchClient.GET('/api/v1/countries', {
          params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    ),
  staleTime: 60 * 60_000,
});

export function useAllCountries() {
  return useQuery(countriesQueryOptions);
}
