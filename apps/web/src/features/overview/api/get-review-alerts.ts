import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { dashboardKeys } from './keys';

export type ReviewAlertPage = components['schemas']['ReviewAlertPage'];
export type ReviewAlert = ReviewAlertPage['items'][number];

const LIMIT = 200;

/** GET /api/v1/alerts/reviews: proposals under review too long, reviews past their due date (admin, staff). */
export const reviewAlertsQueryOptions = queryOptions({
  queryKey: [...dashboardKeys.all, 'review-alerts', { limit: LIMIT }] as const,
  queryFn: async ({ signal }): Promise<ReviewAlertPage> =>
    unwrap(await fetchClient.GET('/api/v1/alerts/reviews', { params: { query: { limit: LIMIT } }, signal })),
});

export function useReviewAlerts() {
  return useQuery(reviewAlertsQueryOptions);
}
