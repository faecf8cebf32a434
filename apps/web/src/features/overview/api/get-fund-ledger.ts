import type { components } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ApiError } from '../../../lib/problem';

export type FundLedger = components['schemas']['FundLedger'];
export type LedgerYear = FundLedger['byYear'][number];

/** GET /api/v1/fund/ledger: the ledger overall and year by year. */
export const fundLedgerQueryOptions = queryOptions({
  queryKey: ['fund', 'ledger'] as const,
  queryFn: async ({ signal }): Promise<FundLedger> => {
    const { data, error, response } = await fetchClient.GET('/api/v1/fund/ledger', { signal });
    if (error !== undefined || data === undefined) throw ApiError.from(response, error);
    return data;
  },
});

export function useFundLedger() {
  return useQuery(fundLedgerQueryOptions);
}
