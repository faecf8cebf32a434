import type { paths } from '@hstf/api-client';
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { notificationKeys } from './keys';

type ListJobs = paths['/api/v1/jobs']['get'];
export type JobQuery = NonNullable<ListJobs['parameters']['query']>;
export type JobPage = ListJobs['responses'][200]['content']['application/json'];
export type Job = JobPage['items'][number];
export type JobState = Job['state'];
export type OutboxPage = paths['/api/v1/mail/outbox']['get']['responses'][200]['content']['application/json'];
export type OutboxMail = OutboxPage['items'][number];

export function useJobs(state: JobState | null) {
  const query: JobQuery = { limit: 50, ...(state ? { state } : {}) };
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: notificationKeys.jobs(query),
      initialPageParam: null as string | null,
      queryFn: async ({ pageParam, signal }): Promise<JobPage> =>
        unwrap(
          await fetchClient.GET('/api/v1/jobs', {
            params: { query: pageParam ? { ...query, cursor: pageParam } : query },
            signal,
          }),
        ),
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
      refetchInterval: 10_000,
    }),
  );
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await fetchClient.POST('/api/v1/jobs/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.allJobs }),
  });
}

export function useOutbox() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: notificationKeys.outbox,
      initialPageParam: null as string | null,
      queryFn: async ({ pageParam, signal }): Promise<OutboxPage> =>
        unwrap(
          await fetchClient.GET('/api/v1/mail/outbox', {
            params: { query: pageParam ? { limit: 50, cursor: pageParam } : { limit: 50 } },
            signal,
          }),
        ),
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    }),
  );
}
