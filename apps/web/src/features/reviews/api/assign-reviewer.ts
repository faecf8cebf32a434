import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ApiError } from '../../../lib/problem';
import { projectKeys } from '../../../lib/project-keys';

/** The review board, the reviewers' workload and the project page's scorecard all show the change. */
async function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>, projectId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['reviews'] }),
    queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
  ]);
}

/** POST /api/v1/projects/:id/reviews: staff assign a reviewer to a proposal under review. */
export function useAssignReviewer(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reviewerId: string) => {
      const { data, error, response } = await fetchClient.POST('/api/v1/projects/{id}/reviews', {
        params: { path: { id: projectId } },
        body: { reviewerId },
      });
      if (error !== undefined || data === undefined) throw ApiError.from(response, error);
      return data;
    },
    onSuccess: () => refreshAfterChange(queryClient, projectId),
  });
}

/** DELETE /api/v1/projects/:id/reviews/:reviewId with the version read; a submitted review stays. */
export function useUnassignReviewer(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reviewId, version }: { reviewId: string; version: number }) => {
      const { error, response } = await fetchClient.DELETE('/api/v1/projects/{id}/reviews/{reviewId}', {
        params: { path: { id: projectId, reviewId } },
        headers: ifMatch(version),
      });
      if (!response.ok) throw ApiError.from(response, error);
    },
    onSettled: () => refreshAfterChange(queryClient, projectId),
  });
}
