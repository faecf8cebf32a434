import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';

export type PublicFund = paths['/api/v1/public/fund']['get']['responses'][200]['content']['application/json'];

/** GET /api/v1/public/fund: what anyone may read, without signing in. */
export const publicFundQueryOptions = queryOptions({
  queryKey: ['public', 'fund'] as const,
  queryFn: async ({ signal }): Promise<PublicFund> =>
    unwrap(await fetchClient.GET('/api/v1/public/fund', { signal })),
});

export function usePublicFund() {
  return useQuery(publicFundQueryOptions);
}

/** The data block the API writes into /fund's page (apps/api/src/public-page/public-page.prerender.ts). */
export const PUBLIC_FUND_DATA_ID = 'public-fund-data';

/**
 * The public answer the API sent inside the page, taken as the query's data: the page needs no
 * second round trip before it shows its figures. Read once: a later visit to /fund in the same
 * session asks the API as usual.
 */
export function adoptInlinedPublicFund(queryClient: QueryClient): void {
  const block = document.getElementById(PUBLIC_FUND_DATA_ID);
  if (!block) return;
  block.remove();
  try {
    queryClient.setQueryData(
      publicFundQueryOptions.queryKey,
      JSON.parse(block.textContent ?? '') as PublicFund,
    );
  } catch {
    // A damaged block: the page asks the API, as it would without one.
  }
}
