import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { ReviewSummary } from './get-my-reviews';
import { reviewKeys } from './keys';

type ReviewQueue = paths['/api/v1/reviews']['get'];
export type ReviewQueueQuery = Omit<NonNullable<ReviewQueue['parameters']['query']>, 'cursor' | 'limit'>;

/**
 * GET /api/v1/reviews (staff and admin), every page: the reviews of one proposal, or every declared
 * conflict with ?status=declined_conflict.
 */
export function reviewQueueQueryOptions(query: ReviewQueueQuery) {
  return queryOptions({
    queryKey: reviewKeys.queue(query),
    queryFn: async ({ signal }): Promise<ReviewSummary[]> => {
      const items: ReviewSummary[] = [];
      let cursor: string | undefined;
      do {
        const data = unwrap(
          await fetchClient.GET('/api/v1/reviews', {
            params: { query: { ...query, limit: 200, ...(cursor ? { cursor } : {}) } },
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

export function useReviewQueue(query: ReviewQueueQuery, enabled = true) {
  return useQuery({ ...reviewQueueQueryOptions(query), enabled });
}
