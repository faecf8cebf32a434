import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { type Review, type ReviewDetail } from './get-review';
import { reviewKeys } from './keys';

type Save = paths['/api/v1/reviews/{id}']['patch'];
export type ReviewDraftInput = Omit<Save['requestBody']['content']['application/json'], 'version'>;

/** PATCH /api/v1/reviews/:id with the version read: a stale one is 409 and changes nothing. */
export async function saveReview(id: string, version: number, draft: ReviewDraftInput): Promise<Review> {
  return unwrap(
    await fetchClient.PATCH('/api/v1/reviews/{id}', {
      params: { path: { id } },
      body: { ...draft, version },
    }),
  );
}

export function useSaveReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, draft }: { version: number; draft: ReviewDraftInput }) =>
      saveReview(id, version, draft),
    onSuccess: (review) => {
      queryClient.setQueryData<ReviewDetail>(reviewKeys.detail(id), (old) =>
        old ? { ...old, review } : old,
      );
      void queryClient.invalidateQueries({ queryKey: reviewKeys.mineAll });
    },
  });
}
