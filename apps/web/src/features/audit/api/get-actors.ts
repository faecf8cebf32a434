import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { auditKeys } from './keys';

export interface Actor {
  id: string;
  label: string;
}

/** Admins pick the actor among every account (GET /api/v1/users, all pages). */
export const actorsQueryOptions = queryOptions({
  queryKey: auditKeys.actors,
  queryFn: async ({ signal }): Promise<Actor[]> => {
    const actors: Actor[] = [];
    let cursor: string | undefined;
    do {
      const data = unwrap(
        await fetchClient.GET('/api/v1/users', {
          params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      );
      actors.push(...data.items.map((user) => ({ id: user.id, label: `${user.name} · ${user.email}` })));
      cursor = data.nextCursor ?? undefined;
    } while (cursor);
    return actors;
  },
  staleTime: 5 * 60_000,
});

export function useActors(enabled: boolean) {
  return useQuery({ ...actorsQueryOptions, enabled });
}
