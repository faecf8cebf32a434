import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from './keys';

type ProjectReviews = paths['/api/v1/projects/{id}/reviews']['get'];
export type ProjectReviewPage = ProjectReviews['responses'][200]['content']['application/json'];
export type ProjectReview = ProjectReviewPage['items'][number];

/**
 * GET /api/v1/projects/:id/reviews, every page. Blind review: a reviewer gets 404 until their own
 * review is submitted.
 */
export function projectReviewsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: reviewKeys.ofProject(projectId),
    queryFn: async ({ signal }): Promise<ProjectReview[]> => {
      const items: ProjectReview[] = [];
      let cursor: string | undefined;
      do {
        const data = unwrap(
          await fetchClient.GET('/api/v1/projects/{id}/reviews', {
            params: { path: { id: projectId }, query: cursor ? { limit: 200, cursor } : { limit: 200 } },
            signal,
          }),
        );
        items.push(...data.items);
        cursor = data.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

export function useProjectReviews(projectId: string, enabled = true) {
  return useQuery({ ...projectReviewsQueryOptions(projectId), enabled });
}
