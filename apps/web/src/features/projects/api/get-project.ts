import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { projectKeys } from './keys';
import type { Project } from './types';

/** GET /api/v1/projects/:id */
export function projectQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: async ({ signal }): Promise<Project> =>
      unwrap(await fetchClient.GET('/api/v1/projects/{id}', { params: { path: { id } }, signal })),
  });
}

export function useProject(id: string) {
  return useQuery(projectQueryOptions(id));
}
