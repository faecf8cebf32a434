import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ensureOk, unwrap } from '../../../lib/request';
import { projectKeys } from '../../projects/api/keys';
import { reviewKeys } from './keys';

/** The review board, the reviewers' workload and the project page's scorecard all show the change. */
async function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>, projectId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
    queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
  ]);
}

/** POST /api/v1/projects/:id/reviews: staff assign a reviewer to the open round, with its due date. */
export function useAssignReviewer(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reviewerId, dueOn }: { reviewerId: string; dueOn: string }) => {
      return unwrap(
        await fetchClient.POST('/api/v1/projects/{id}/reviews', {
          params: { path: { id: projectId } },
          body: { reviewerId, dueOn },
        }),
      );
    },
    onSuccess: () => refreshAfterChange(queryClient, projectId),
  });
}

/** DELETE /api/v1/projects/:id/reviews/:reviewId with the version read; a submitted review stays. */
export function useUnassignReviewer(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reviewId, version }: { reviewId: string; version: number }) => {
      ensureOk(
        await fetchClient.DELETE('/api/v1/projects/{id}/reviews/{reviewId}', {
          params: { path: { id: projectId, reviewId } },
          headers: ifMatch(version),
        }),
      );
    },
    onSettled: () => refreshAfterChange(queryClient, projectId),
  });
}
