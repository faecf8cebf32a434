import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from './keys';
import { unwrap } from '../../../lib/request';
import type { AuditEntry } from './types';

/** GET /api/v1/audit?projectId=: every change to the project and to the records of it, newest first. */
export function projectAuditQueryOptions(projectId: string) {
  return infiniteQueryOptions({
    queryKey: projectKeys.audit(projectId),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<{ items: AuditEntry[]; nextCursor: string | null }> =>
      unwrap(
        await fetchClient.GET('/api/v1/audit', {
          params: {
            query: {
              projectId,
              limit: 20,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? null,
  });
}

export function useProjectAudit(projectId: string, enabled: boolean) {
  return useInfiniteQuery({ ...projectAuditQueryOptions(projectId), enabled });
}
