import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../../lib/project-keys';
import { unwrap } from './request';
import type { Project } from './types';

/** GET /api/v1/projects/:id */
export function projectQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...projectKeys.one(id), 'detail'] as const,
    queryFn: async ({ signal }): Promise<Project> =>
      unwrap(await fetchClient.GET('/api/v1/projects/{id}', { params: { path: { id } }, signal })),
  });
}

export function useProject(id: string) {
  return useQuery(projectQueryOptions(id));
}
