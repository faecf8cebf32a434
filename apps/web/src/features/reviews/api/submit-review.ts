import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { type Review, type ReviewDetail } from './get-review';
import { saveReview, type ReviewDraftInput } from './save-review';
import { reviewKeys } from './keys';

type Submit = paths['/api/v1/reviews/{id}/submit']['post'];
type Submitted = Submit['responses'][200]['content']['application/json'];

/**
 * Saves what is still unsaved, then POST /api/v1/reviews/:id/submit. The server refuses an
 * incomplete review with 422 and the list of what is missing (problem.missing).
 */
export function useSubmitReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      version,
      unsaved,
    }: {
      version: number;
      unsaved: ReviewDraftInput | null;
    }): Promise<Submitted> => {
      let current = version;
      if (unsaved) {
        const saved: Review = await saveReview(id, version, unsaved);
        queryClient.setQueryData<ReviewDetail>(reviewKeys.detail(id), (old) =>
          old ? { ...old, review: saved } : old,
        );
        current = saved.version;
      }
      return unwrap(
        await fetchClient.POST('/api/v1/reviews/{id}/submit', {
          params: { path: { id } },
          body: { version: current },
        }),
      );
    },
    onSuccess: async (review) => {
      queryClient.setQueryData<ReviewDetail>(reviewKeys.detail(id), (old) =>
        old ? { ...old, review } : old,
      );
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
}
