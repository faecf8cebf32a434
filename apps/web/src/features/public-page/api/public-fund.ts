import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
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
