import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from '../../reviews/api/keys';

export type ReviewSummaryPage = components['schemas']['ReviewSummaryPage'];
export type ReviewSummary = ReviewSummaryPage['items'][number];

export const MY_REVIEWS_LIMIT = 200;

/** GET /api/v1/reviews/mine: the signed-in reviewer's queue. */
export const myReviewsQueryOptions = queryOptions({
  queryKey: reviewKeys.mine({ limit: MY_REVIEWS_LIMIT }),
  queryFn: async ({ signal }): Promise<ReviewSummaryPage> => {
    return unwrap(
      await fetchClient.GET('/api/v1/reviews/mine', {
        params: { query: { limit: MY_REVIEWS_LIMIT } },
        signal,
      }),
    );
  },
});

export function useMyReviews() {
  return useQuery(myReviewsQueryOptions);
}
