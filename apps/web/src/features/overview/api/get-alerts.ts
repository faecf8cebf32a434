import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { dashboardKeys } from './keys';

export type AlertPage = components['schemas']['AlertPage'];
export type ConsentAlert = AlertPage['items'][number];
export type AlertCode = ConsentAlert['code'];

/** As many alerts as one page holds; more than that is shown as "200+" (staff then work the list down). */
export const ALERTS_LIMIT = 200;

/** GET /api/v1/alerts: consents that need attention today (admin, staff). */
export const alertsQueryOptions = queryOptions({
  queryKey: dashboardKeys.alerts(ALERTS_LIMIT),
  queryFn: async ({ signal }): Promise<AlertPage> => {
    return unwrap(
      await fetchClient.GET('/api/v1/alerts', {
        params: { query: { limit: ALERTS_LIMIT } },
        signal,
      }),
    );
  },
});

export function useAlerts() {
  return useQuery(alertsQueryOptions);
}
