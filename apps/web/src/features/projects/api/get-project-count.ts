import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { ProjectFilters } from '../lib/filters';
import { projectsQuery } from './get-projects';
import { projectKeys } from './keys';

/** GET /api/v1/projects/count: how many projects the screen's filters hold, beside the pages. */
export function projectCountQueryOptions(filters: ProjectFilters) {
  // The order, page size and the rows' extra fields do not change the count: one answer serves every sort.
  const { limit: _limit, sort: _sort, include: _include, ...query } = projectsQuery(filters);
  return queryOptions({
    queryKey: projectKeys.count(query),
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET('/api/v1/projects/count', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useProjectCount(filters: ProjectFilters) {
  return useQuery(projectCountQueryOptions(filters));
}
