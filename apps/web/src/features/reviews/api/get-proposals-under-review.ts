import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { reviewKeys } from './keys';

type ListProjects = paths['/api/v1/projects']['get'];
export type ProjectPage = ListProjects['responses'][200]['content']['application/json'];
export type ProposalSummary = ProjectPage['items'][number];

export const PROPOSALS_PAGE_SIZE = 20;

/** GET /api/v1/projects?stage=under_review: the proposals reviewers are working on. */
export function proposalsUnderReviewQueryOptions() {
  const query = { stage: ['under_review'], limit: PROPOSALS_PAGE_SIZE, sort: 'code' } as const;
  return infiniteQueryOptions({
    queryKey: reviewKeys.proposals(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<ProjectPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/projects', {
          params: {
            query: {
              stage: [...query.stage],
              limit: query.limit,
              sort: query.sort,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
  });
}

export function useProposalsUnderReview() {
  return useInfiniteQuery(proposalsUnderReviewQueryOptions());
}
