import type { PrincipleId } from '@hstf/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from './keys';
import { unwrap } from '../../../lib/request';
import type { Assessment, ModerationNote, Review } from './types';

/**
 * GET /api/v1/projects/:id/assessment: indicators, scores, spread, disagreement, pass or fail, of the
 * latest review round, or (staff) of an earlier `round`, read-only.
 */
export function assessmentQueryOptions(id: string, round?: number) {
  return queryOptions({
    queryKey: round === undefined ? projectKeys.assessment(id) : [...projectKeys.assessment(id), round],
    queryFn: async ({ signal }): Promise<Assessment> =>
      unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/assessment', {
          params: { path: { id }, query: round === undefined ? {} : { round } },
          signal,
        }),
      ),
  });
}

export function useAssessment(id: string, enabled = true, round?: number) {
  return useQuery({ ...assessmentQueryOptions(id, round), enabled });
}

/** GET /api/v1/projects/:id/reviews: every review; the content of submitted ones. Donors: 403. */
export function reviewsQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.reviews(id),
    queryFn: async ({ signal }): Promise<Review[]> =>
      unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/reviews', {
          params: { path: { id }, query: { limit: 200 } },
          signal,
        }),
      ).items,
  });
}

export function useProjectReviews(id: string, enabled = true) {
  return useQuery({ ...reviewsQueryOptions(id), enabled });
}

/** PUT /api/v1/projects/:id/moderation-notes/:principle: how staff moderated a disagreement. */
export function useSaveModerationNote(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      principle: PrincipleId;
      note: string;
      version?: number;
    }): Promise<ModerationNote> =>
      unwrap(
        await fetchClient.PUT('/api/v1/projects/{id}/moderation-notes/{principle}', {
          params: { path: { id: projectId, principle: input.principle } },
          body: input.version ? { note: input.note, version: input.version } : { note: input.note },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
  });
}
