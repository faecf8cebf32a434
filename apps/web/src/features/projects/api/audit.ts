import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../../lib/project-keys';
import { unwrap } from './request';
import type { AuditEntry } from './types';

/** GET /api/v1/audit?entity=project&entityId=: every change to the project record, newest first. */
export function projectAuditQueryOptions(projectId: string) {
  return infiniteQueryOptions({
    queryKey: [...projectKeys.one(projectId), 'audit'] as const,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<{ items: AuditEntry[]; nextCursor: string | null }> =>
      unwrap(
        await fetchClient.GET('/api/v1/audit', {
          params: {
            query: {
              entity: 'project',
              entityId: projectId,
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
