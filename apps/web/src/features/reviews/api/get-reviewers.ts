import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ApiError } from '../../../lib/problem';
import type { ReviewSummary } from './get-my-reviews';

export interface ReviewerOption {
  id: string;
  name: string;
  email: string | null;
}

/**
 * The reviewers staff can assign. Admins read the accounts with the reviewer role
 * (GET /api/v1/users?role=reviewer); the users API is closed to staff, so for them the reviewers
 * are those already known from the review queue (GET /api/v1/reviews).
 */
export function reviewerOptionsQueryOptions(isAdmin: boolean) {
  return queryOptions({
    queryKey: ['reviews', 'reviewer-options', isAdmin] as const,
    queryFn: async ({ signal }): Promise<ReviewerOption[]> => {
      const found = new Map<string, ReviewerOption>();
      let cursor: string | undefined;
      if (isAdmin) {
        do {
          const { data, error, response } = await fetchClient.GET('/api/v1/users', {
            params: { query: { role: 'reviewer', limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          });
          if (error !== undefined || data === undefined) throw ApiError.from(response, error);
          for (const user of data.items) {
            if (user.active) found.set(user.id, { id: user.id, name: user.name, email: user.email });
          }
          cursor = data.nextCursor ?? undefined;
        } while (cursor);
      } else {
        do {
          const { data, error, response } = await fetchClient.GET('/api/v1/reviews', {
            params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          });
          if (error !== undefined || data === undefined) throw ApiError.from(response, error);
          for (const review of data.items as ReviewSummary[]) {
            found.set(review.reviewerId, { id: review.reviewerId, name: review.reviewerName, email: null });
          }
          cursor = data.nextCursor ?? undefined;
        } while (cursor);
      }
      return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 5 * 60_000,
  });
}

export function useReviewerOptions(isAdmin: boolean, enabled: boolean) {
  return useQuery({ ...reviewerOptionsQueryOptions(isAdmin), enabled });
}
