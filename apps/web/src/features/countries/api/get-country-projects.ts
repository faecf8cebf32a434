import type { components } from '@hstf/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ApiError } from '../../../lib/problem';

export type ProjectPage = components['schemas']['ProjectPage'];
export type ProjectSummary = ProjectPage['items'][number];

export const COUNTRY_PROJECTS_PAGE = 50;

/** GET /api/v1/projects?country=ISO3: the projects with this recipient country, in the API's order (by code). */
export function countryProjectsQueryOptions(iso3: string) {
  const query = { country: [iso3], limit: COUNTRY_PROJECTS_PAGE };
  return infiniteQueryOptions({
    queryKey: ['projects', 'list', query] as const,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<ProjectPage> => {
      const { data, error, response } = await fetchClient.GET('/api/v1/projects', {
        params: { query: pageParam ? { ...query, cursor: pageParam } : query },
        signal,
      });
      if (error !== undefined || data === undefined) throw ApiError.from(response, error);
      return data;
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
  });
}

export function useCountryProjects(iso3: string, enabled: boolean) {
  return useInfiniteQuery({ ...countryProjectsQueryOptions(iso3), enabled });
}
