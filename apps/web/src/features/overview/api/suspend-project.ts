import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { projectKeys } from '../../projects/api/keys';
import { dashboardKeys } from './keys';

export interface SuspensionRequest {
  projectId: string;
  reason: string;
  note: string;
}

/**
 * The decision an alert proposes, in one click: suspend the project, with the alert as its reason. It
 * reads the project's version just before deciding, so the decision applies to the project as it is.
 */
export function useSuspendProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ projectId, reason, note }: SuspensionRequest) => {
      const path = { params: { path: { id: projectId } } };
      const project = unwrap(await fetchClient.GET('/api/v1/projects/{id}', path));
      return unwrap(
        await fetchClient.POST('/api/v1/projects/{id}/transitions', {
          ...path,
          body: { to: 'suspended', note, reason, version: project.version },
        }),
      );
    },
    onSettled: (_result, _error, { projectId }) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}
