import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from './request';

export interface ReviewerChoice {
  id: string;
  name: string;
  /** Shown beside the name when known (admins read it from the user list). */
  email: string | null;
}

/**
 * The reviewers a proposal can be assigned to. Admins read GET /api/v1/users?role=reviewer. Staff
 * may not list users, so they see the reviewers the review API already knows: the calibration list
 * and the staff queue (GET /api/v1/reviewers/calibration, GET /api/v1/reviews).
 */
export function reviewerChoicesQueryOptions(asAdmin: boolean) {
  return queryOptions({
    queryKey: ['reviewers', 'choices', asAdmin ? 'admin' : 'staff'] as const,
    queryFn: async ({ signal }): Promise<ReviewerChoice[]> => {
      if (asAdmin) {
        const users = unwrap(
          await fetchClient.GET('/api/v1/users', {
            params: { query: { role: 'reviewer', limit: 200 } },
            signal,
          }),
        );
        return users.items
          .filter((user) => user.active)
          .map((user) => ({ id: user.id, name: user.name, email: user.email }));
      }
      const [calibration, queue] = await Promise.all([
        fetchClient.GET('/api/v1/reviewers/calibration', { signal }).then(unwrap),
        fetchClient.GET('/api/v1/reviews', { params: { query: { limit: 200 } }, signal }).then(unwrap),
      ]);
      const byId = new Map<string, ReviewerChoice>();
      for (const item of calibration.items) {
        byId.set(item.reviewerId, { id: item.reviewerId, name: item.reviewerName, email: null });
      }
      for (const item of queue.items) {
        if (!byId.has(item.reviewerId)) {
          byId.set(item.reviewerId, { id: item.reviewerId, name: item.reviewerName, email: null });
        }
      }
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 5 * 60_000,
  });
}

export function useReviewerChoices(asAdmin: boolean, enabled: boolean) {
  return useQuery({ ...reviewerChoicesQueryOptions(asAdmin), enabled });
}
