import type { components } from '@hstf/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { projectKeys } from '../../projects/api/keys';

export type TimelineEvent = components['schemas']['TimelineEventDto'];

const PAGE = 50;

/**
 * GET /api/v1/projects/:id/timeline, newest first, a page at a time. Under the project's keys, so
 * every change to the project or its records refreshes it.
 */
export function timelineQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: [...projectKeys.one(id), 'timeline'] as const,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/timeline', {
          params: { path: { id }, query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useProjectTimeline(id: string) {
  return useInfiniteQuery(timelineQueryOptions(id));
}
