import type { Stage } from '@hstf/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../projects/api/keys';
import { unwrap } from '../../../lib/request';
import type { Transition, TransitionOptions } from '../../projects';
import { dashboardKeys } from '../../overview/api/keys';

/** GET /api/v1/projects/:id/transitions/options: every move open now, and why each would be refused. */
export function transitionOptionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.transitionOptions(id),
    queryFn: async ({ signal }): Promise<TransitionOptions> =>
      unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/transitions/options', {
          params: { path: { id } },
          signal,
        }),
      ),
    staleTime: 0,
  });
}

export function useTransitionOptions(id: string, enabled: boolean) {
  return useQuery({ ...transitionOptionsQueryOptions(id), enabled });
}

export interface TransitionInput {
  to: Stage;
  note: string;
  /** Why the project is suspended: sent with a move to suspended only. */
  reason?: string;
  decidedOn?: string;
  version: number;
}

/** POST /api/v1/projects/:id/transitions: a decision; 422 lists every gate that refused it. */
export function useTransitionProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TransitionInput) =>
      unwrap(await fetchClient.POST('/api/v1/projects/{id}/transitions', { params: { path: { id } }, body })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.one(id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}

/** GET /api/v1/projects/:id/history, oldest first. */
export function historyQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.history(id),
    queryFn: async ({ signal }): Promise<Transition[]> => {
      const page = unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/history', {
          params: { path: { id }, query: { limit: 200 } },
          signal,
        }),
      );
      return page.items;
    },
  });
}

export function useProjectHistory(id: string) {
  return useQuery(historyQueryOptions(id));
}
