import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../projects/api/keys';
import { allPages, unwrap } from '../../../lib/request';
import type { Transfer } from '../../projects';
import { dashboardKeys } from '../../overview/api/keys';

/** GET /api/v1/transfers?projectId=: every transfer to the project, by date. */
export function transfersQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectKeys.transfers(projectId),
    queryFn: ({ signal }): Promise<Transfer[]> =>
      allPages(async (cursor) =>
        unwrap(
          await fetchClient.GET('/api/v1/transfers', {
            params: { query: { projectId, limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

export function useTransfers(projectId: string) {
  return useQuery(transfersQueryOptions(projectId));
}

export interface TransferInput {
  organizationId: string;
  amountUsd: string;
  transferredOn: string;
  reference: string | null;
}

/** POST /api/v1/transfers: money leaving the Fund for a participating organization. */
export function useCreateTransfer(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TransferInput): Promise<Transfer> =>
      unwrap(await fetchClient.POST('/api/v1/transfers', { body: { projectId, ...input } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}
