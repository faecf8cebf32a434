import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../../lib/project-keys';
import { projectQueryOptions } from './get-project';
import { unwrap } from './request';
import type { CreateProjectBody, Project, UpdateProjectBody } from './types';

/** POST /api/v1/projects */
export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateProjectBody): Promise<Project> =>
      unwrap(await fetchClient.POST('/api/v1/projects', { body })),
    onSuccess: (project) => {
      queryClient.setQueryData(projectQueryOptions(project.id).queryKey, project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    },
  });
}

/** PATCH /api/v1/projects/:id with the version read; a stale one answers 409 and changes nothing. */
export function useUpdateProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateProjectBody & { version: number }): Promise<Project> =>
      unwrap(await fetchClient.PATCH('/api/v1/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: (project) => {
      queryClient.setQueryData(projectQueryOptions(id).queryKey, project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.one(id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    },
  });
}
