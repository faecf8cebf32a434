import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { dashboardKeys } from './keys';

export type FundLedger = components['schemas']['FundLedger'];
export type LedgerYear = FundLedger['byYear'][number];

/** GET /api/v1/fund/ledger: the ledger overall and year by year. */
export const fundLedgerQueryOptions = queryOptions({
  queryKey: dashboardKeys.fundLedger,
  queryFn: async ({ signal }): Promise<FundLedger> => {
    return unwrap(await fetchClient.GET('/api/v1/fund/ledger', { signal }));
  },
});

export function useFundLedger() {
  return useQuery(fundLedgerQueryOptions);
}
