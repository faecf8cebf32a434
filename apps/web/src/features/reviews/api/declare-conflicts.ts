import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { type ReviewDetail } from './get-review';
import { reviewKeys } from './keys';

type Declare = paths['/api/v1/reviews/{id}/conflict']['post'];
export type ConflictDeclarationInput = Declare['requestBody']['content']['application/json'];
type Reviewed = Declare['responses'][200]['content']['application/json'];

/** POST /api/v1/reviews/:id/conflict: declared true withdraws the reviewer; false opens the proposal. */
export function useDeclareConflicts(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ConflictDeclarationInput): Promise<Reviewed> => {
      return unwrap(
        await fetchClient.POST('/api/v1/reviews/{id}/conflict', {
          params: { path: { id } },
          body: input,
        }),
      );
    },
    onSuccess: async (review) => {
      // The proposal's content is sent only once it is open: read it again.
      queryClient.setQueryData<ReviewDetail>(reviewKeys.detail(id), (old) =>
        old ? { ...old, review } : old,
      );
      await queryClient.invalidateQueries({ queryKey: reviewKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: reviewKeys.mineAll });
    },
  });
}
