import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { userKeys } from './keys';

export interface DonorOption {
  id: string;
  name: string;
}

/** Every donor (GET /api/v1/donors, all pages), to link a donor user to its donor. */
export const donorOptionsQueryOptions = queryOptions({
  queryKey: userKeys.donorChoices,
  queryFn: async ({ signal }): Promise<DonorOption[]> => {
    const options: DonorOption[] = [];
    let cursor: string | undefined;
    do {
      const data = unwrap(
        await fetchClient.GET('/api/v1/donors', {
          params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      );
      options.push(...data.items.map((donor) => ({ id: donor.id, name: donor.name })));
      cursor = data.nextCursor ?? undefined;
    } while (cursor);
    return options;
  },
  staleTime: 5 * 60_000,
});

export function useDonorOptions(enabled = true) {
  return useQuery({ ...donorOptionsQueryOptions, enabled });
}
