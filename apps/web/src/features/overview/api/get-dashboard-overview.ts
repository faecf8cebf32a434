import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { dashboardKeys } from './keys';

export type DashboardOverview = components['schemas']['DashboardOverviewDto'];
export type LedgerFigures = DashboardOverview['ledger'];
export type StageFigures = DashboardOverview['pipeline'][number];
export type CountryFigures = DashboardOverview['countries'][number];
export type DonorYear = DashboardOverview['contributionsByYear'][number];
export type YearFigures = DashboardOverview['approvalsByYear'][number];
export type Breakdown = DashboardOverview['byRegion'][number];

/** GET /api/v1/dashboard/overview: the Fund at a glance, in one answer (admin, staff, donor). */
export const dashboardOverviewQueryOptions = queryOptions({
  queryKey: dashboardKeys.overview,
  queryFn: async ({ signal }): Promise<DashboardOverview> => {
    return unwrap(await fetchClient.GET('/api/v1/dashboard/overview', { signal }));
  },
});

export function useDashboardOverview() {
  return useQuery(dashboardOverviewQueryOptions);
}
