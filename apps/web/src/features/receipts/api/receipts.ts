import type { paths } from '@hstf/api-client';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { contributionKeys } from '../../contributions/api/keys';
import { dashboardKeys } from '../../overview/api/keys';
import { receiptKeys } from './keys';

type StatementRoute = paths['/api/v1/contributions/{id}/receipts'];
export type PledgeStatement = StatementRoute['get']['responses'][200]['content']['application/json'];
export type Receipt = PledgeStatement['items'][number];
export type EarmarkKind = Receipt['earmarkKind'];
export type RecordReceiptInput = StatementRoute['post']['requestBody']['content']['application/json'];
export type DonorTracing =
  paths['/api/v1/donors/{id}/tracing']['get']['responses'][200]['content']['application/json'];

/** GET /api/v1/contributions/:id/receipts: the pledge's receipts, outstanding and exchange difference. */
export function pledgeStatementQueryOptions(contributionId: string) {
  return queryOptions({
    queryKey: receiptKeys.statement(contributionId),
    queryFn: async ({ signal }): Promise<PledgeStatement> =>
      unwrap(
        await fetchClient.GET('/api/v1/contributions/{id}/receipts', {
          params: { path: { id: contributionId } },
          signal,
        }),
      ),
  });
}

export function usePledgeStatement(contributionId: string) {
  return useQuery(pledgeStatementQueryOptions(contributionId));
}

/** GET /api/v1/donors/:id/tracing: where the donor's money went, per project. */
export function useDonorTracing(donorId: string) {
  return useQuery({
    queryKey: receiptKeys.tracing(donorId),
    queryFn: async ({ signal }): Promise<DonorTracing> =>
      unwrap(
        await fetchClient.GET('/api/v1/donors/{id}/tracing', { params: { path: { id: donorId } }, signal }),
      ),
  });
}

type DonorReceiptsRoute = paths['/api/v1/donors/{id}/receipts']['get'];
export type DonorReceiptPage = DonorReceiptsRoute['responses'][200]['content']['application/json'];
export type DonorReceipt = DonorReceiptPage['items'][number];

/** GET /api/v1/donors/:id/receipts: the donor's receipts and reversals, oldest first, page by page. */
export function donorReceiptsQueryOptions(donorId: string) {
  return infiniteQueryOptions({
    queryKey: receiptKeys.donor(donorId),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<DonorReceiptPage> =>
      unwrap(
        await fetchClient.GET('/api/v1/donors/{id}/receipts', {
          params: {
            path: { id: donorId },
            query: pageParam ? { limit: 50, cursor: pageParam } : { limit: 50 },
          },
          signal,
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
  });
}

export function useDonorReceipts(donorId: string) {
  return useInfiniteQuery(donorReceiptsQueryOptions(donorId));
}

/** A receipt or its reversal moves the contribution, the ledger and the tracing: all are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: receiptKeys.all }),
      queryClient.invalidateQueries({ queryKey: contributionKeys.all }),
      queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
    ]);
}

export function useRecordReceipt(contributionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (input: RecordReceiptInput): Promise<Receipt> =>
      unwrap(
        await fetchClient.POST('/api/v1/contributions/{id}/receipts', {
          params: { path: { id: contributionId } },
          body: input,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useReverseReceipt(contributionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (input: { receiptId: string; reversedOn: string; reason: string }): Promise<Receipt> =>
      unwrap(
        await fetchClient.POST('/api/v1/contributions/{id}/receipts/{receiptId}/reversal', {
          params: { path: { id: contributionId, receiptId: input.receiptId } },
          body: { reversedOn: input.reversedOn, reason: input.reason },
        }),
      ),
    onSuccess: refresh,
  });
}
