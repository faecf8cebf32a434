import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from './keys';

type MyReviews = paths['/api/v1/reviews/mine']['get'];
export type MyReviewsQuery = NonNullable<MyReviews['parameters']['query']>;
export type ReviewSummaryPage = MyReviews['responses'][200]['content']['application/json'];
export type ReviewSummary = ReviewSummaryPage['items'][number];
export type ReviewStatus = ReviewSummary['status'];

export const MY_REVIEWS_PAGE_SIZE = 50;

/** GET /api/v1/reviews/mine: the signed-in reviewer's queue, page by page along nextCursor. */
export function myReviewsQueryOptions(status: ReviewStatus | null, limit = MY_REVIEWS_PAGE_SIZE) {
  const query: MyReviewsQuery = status ? { limit, status } : { limit };
  return infiniteQueryOptions({
    queryKey: reviewKeys.mine(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<ReviewSummaryPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/reviews/mine', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useMyReviews(status: ReviewStatus | null, limit?: number) {
  return useInfiniteQuery(myReviewsQueryOptions(status, limit));
}
