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
import { notificationKeys } from './keys';

type List = paths['/api/v1/notifications']['get'];
export type NotificationPage = List['responses'][200]['content']['application/json'];
export type Notification = NotificationPage['items'][number];
export type NotificationSettings =
  paths['/api/v1/notifications/settings']['get']['responses'][200]['content']['application/json'];
export type SettingsChange = NonNullable<
  paths['/api/v1/notifications/settings']['patch']['requestBody']
>['content']['application/json'];

/** Asked again this often while a screen is open, so the bell shows what arrived meanwhile. */
const UNREAD_POLL_MS = 60_000;

export function notificationsQueryOptions(unread: boolean, limit = 20) {
  const query = { limit, ...(unread ? { unread: true } : {}) };
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<NotificationPage> =>
      unwrap(
        await fetchClient.GET('/api/v1/notifications', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
  });
}

export function useNotifications(unread: boolean, limit?: number) {
  return useInfiniteQuery(notificationsQueryOptions(unread, limit));
}

export function useUnreadCount() {
  return useQuery(
    queryOptions({
      queryKey: notificationKeys.unread,
      queryFn: async ({ signal }) =>
        unwrap(await fetchClient.GET('/api/v1/notifications/unread', { signal })).unread,
      refetchInterval: UNREAD_POLL_MS,
      staleTime: 0,
    }),
  );
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await fetchClient.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await fetchClient.POST('/api/v1/notifications/read')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET('/api/v1/notifications/settings', { signal })),
  });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SettingsChange) =>
      unwrap(await fetchClient.PATCH('/api/v1/notifications/settings', { body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(notificationKeys.settings, settings);
      // The notifications are worded in the user's language.
      return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
