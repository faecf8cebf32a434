import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from './keys';

type Reviewers = paths['/api/v1/reviewers']['get'];
export type Reviewer = Reviewers['responses'][200]['content']['application/json']['items'][number];

/** The most the API gives in one page. */
const PAGE_SIZE = 200;

/**
 * GET /api/v1/reviewers, every page: the active reviewer accounts with their workload, for staff
 * and admins choosing whom to assign. Keyed under 'reviews' so that assigning or unassigning, which
 * invalidates the reviews, refreshes the workload too.
 */
export const reviewerChoicesQueryOptions = queryOptions({
  queryKey: reviewKeys.reviewerChoices,
  queryFn: async ({ signal }): Promise<Reviewer[]> => {
    const reviewers: Reviewer[] = [];
    let cursor: string | undefined;
    do {
      const data = unwrap(
        await fetchClient.GET('/api/v1/reviewers', {
          params: { query: cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE } },
          signal,
        }),
      );
      reviewers.push(...data.items);
      cursor = data.nextCursor ?? undefined;
    } while (cursor);
    return reviewers;
  },
});

export function useReviewerChoices(enabled: boolean) {
  return useQuery({ ...reviewerChoicesQueryOptions, enabled });
}
