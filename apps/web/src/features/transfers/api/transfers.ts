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
  kind?: 'transfer' | 'refund';
  organizationId: string;
  amountUsd: string;
  transferredOn: string;
  reference: string | null;
  overrideJustification?: string | null;
  /** The planned tranche this transfer releases. */
  plannedTrancheId?: string | null;
}

/** POST /api/v1/transfers: money leaving the Fund for a participating organization, or a refund back. */
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

export interface ReversalInput {
  id: string;
  transferredOn: string;
  reason: string;
}

/** POST /api/v1/transfers/:id/reversal: the correction of a wrong entry, which stays in the ledger. */
export function useReverseTransfer(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: ReversalInput): Promise<Transfer> =>
      unwrap(await fetchClient.POST('/api/v1/transfers/{id}/reversal', { params: { path: { id } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}
