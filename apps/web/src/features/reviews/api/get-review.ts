import type { paths } from '@hstf/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from './keys';

type GetReview = paths['/api/v1/reviews/{id}']['get'];
export type ReviewDetail = GetReview['responses'][200]['content']['application/json'];
export type Review = ReviewDetail['review'];
export type Proposal = ReviewDetail['proposal'];
export type ProposalPrinciple = NonNullable<Proposal['principles']>[number];
export type Indicator = ProposalPrinciple['indicators']['indicators'][number];

/** GET /api/v1/reviews/:id: the review and the proposal as its reviewer may see it. */
export function reviewQueryOptions(id: string) {
  return queryOptions({
    queryKey: reviewKeys.detail(id),
    queryFn: async ({ signal }): Promise<ReviewDetail> => {
      return unwrap(
        await fetchClient.GET('/api/v1/reviews/{id}', {
          params: { path: { id } },
          signal,
        }),
      );
    },
    // A draft being typed must not be replaced under the reviewer's fingers by a background refetch.
    staleTime: Infinity,
  });
}

export function useReview(id: string) {
  return useQuery(reviewQueryOptions(id));
}
