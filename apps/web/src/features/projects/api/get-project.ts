import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { Project } from './types';

export const projectKeys = {
  all: ['projects'] as const,
  lists: ['projects', 'list'] as const,
  one: (id: string) => ['projects', id] as const,
};

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
