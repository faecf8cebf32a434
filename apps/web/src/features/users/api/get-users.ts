import type { paths } from '@hstf/api-client';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { UserFilters } from '../lib/filters';
import { userKeys } from './keys';

type ListUsers = paths['/api/v1/users']['get'];
export type UsersQuery = NonNullable<ListUsers['parameters']['query']>;
export type UserPage = ListUsers['responses'][200]['content']['application/json'];
export type UserAccount = UserPage['items'][number];

export const USERS_PAGE_SIZE = 50;

export function usersQuery(filters: UserFilters): UsersQuery {
  const query: UsersQuery = { limit: USERS_PAGE_SIZE };
  if (filters.role) query.role = filters.role;
  if (filters.q) query.q = filters.q;
  return query;
}

/** GET /api/v1/users (admin), page by page along nextCursor. */
export function usersQueryOptions(filters: UserFilters) {
  const query = usersQuery(filters);
  return infiniteQueryOptions({
    queryKey: userKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<UserPage> => {
      return unwrap(
        await fetchClient.GET('/api/v1/users', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      );
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery(usersQueryOptions(filters));
}

/** GET /api/v1/users/:id: the account as it is now, to tell what changed after a 409. */
export function userQueryOptions(id: string) {
  return queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: async ({ signal }): Promise<UserAccount> => {
      return unwrap(
        await fetchClient.GET('/api/v1/users/{id}', {
          params: { path: { id } },
          signal,
        }),
      );
    },
    staleTime: 0,
  });
}
