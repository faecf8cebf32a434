import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import type { ProjectFilters } from '../lib/filters';
import { unwrap } from '../../../lib/request';
import type { ProjectPage } from './types';
import { projectKeys } from './keys';

export type ProjectsQuery = NonNullable<paths['/api/v1/projects']['get']['parameters']['query']>;

export const PROJECTS_PAGE_SIZE = 25;

/** The API's query string for the screen's filters; an unset filter is left out. */
export function projectsQuery(filters: ProjectFilters): ProjectsQuery {
  // The list shows each row's paragraph 6 status, which the API judges only when asked.
  const query: ProjectsQuery = { limit: PROJECTS_PAGE_SIZE, include: 'paragraph6' };
  if (filters.q) query.q = filters.q;
  if (filters.stage.length) query.stage = filters.stage;
  if (filters.window) query.window = filters.window;
  if (filters.country.length) query.country = filters.country;
  if (filters.region) query.region = filters.region;
  if (filters.organization) query.organization = filters.organization;
  if (filters.dimension) query.dimension = filters.dimension;
  if (filters.group) query.group = filters.group;
  if (filters.sdg) query.sdg = filters.sdg;
  if (filters.fromYear) query.fromYear = filters.fromYear;
  if (filters.toYear) query.toYear = filters.toYear;
  if (filters.compliance.length) query.compliance = filters.compliance;
  if (filters.sort !== 'code' || filters.descending) {
    // The API takes "-field" for descending; the generated type lists the fields only.
    query.sort = `${filters.descending ? '-' : ''}${filters.sort}` as ProjectsQuery['sort'];
  }
  return query;
}

/** GET /api/v1/projects, page by page along nextCursor. */
export function projectsQueryOptions(filters: ProjectFilters) {
  const query = projectsQuery(filters);
  return infiniteQueryOptions({
    queryKey: projectKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<ProjectPage> =>
      unwrap(
        await fetchClient.GET('/api/v1/projects', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useProjects(filters: ProjectFilters) {
  return useInfiniteQuery(projectsQueryOptions(filters));
}
