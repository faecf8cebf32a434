import type { components } from '@hstf/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { projectKeys } from '../../projects/api/keys';

export type ProjectPage = components['schemas']['ProjectPage'];
export type ProjectSummary = ProjectPage['items'][number];

export const COUNTRY_PROJECTS_PAGE = 50;

/** GET /api/v1/projects?country=ISO3: the projects with this recipient country, in the API's order (by code). */
export function countryProjectsQueryOptions(iso3: string) {
  const query = { country: [iso3], limit: COUNTRY_PROJECTS_PAGE };
  return infiniteQueryOptions({
    queryKey: projectKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<ProjectPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/projects', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
  });
}

export function useCountryProjects(iso3: string, enabled: boolean) {
  return useInfiniteQuery({ ...countryProjectsQueryOptions(iso3), enabled });
}
