import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { contributionKeys } from './keys';

type Totals = paths['/api/v1/contributions/totals']['get'];
export type ContributionTotal = Totals['responses'][200]['content']['application/json']['items'][number];

/** GET /api/v1/contributions/totals: USD pledged and received per donor and year, for every donor. */
export const contributionTotalsQueryOptions = queryOptions({
  queryKey: contributionKeys.totals,
  queryFn: async ({ signal }): Promise<ContributionTotal[]> => {
    const data = unwrap(await fetchClient.GET('/api/v1/contributions/totals', { signal }));
    return data.items;
  },
});

export function useContributionTotals() {
  return useQuery(contributionTotalsQueryOptions);
}
