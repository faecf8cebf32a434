import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { projectKeys } from './keys';
import type { Project } from './types';

/** GET /api/v1/projects/:id */
export function projectQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: async ({ signal }): Promise<Project> =>
      unwrap(await fetchClient.GET('/api/v1/projects/{id}', { params: { path: { id } }, signal })),
  });
}

export function useProject(id: string) {
  return useQuery(projectQueryOptions(id));
}

const PROJECT_CODE = /^HS-\d{4}-\d{4}$/i;

/** Whether an address names a project by its code (HS-2026-0004) rather than its id. */
export function isProjectCode(key: string): boolean {
  return PROJECT_CODE.test(key);
}

/**
 * A project addressed by its id or by its code, as a link or a typed address may give it. A code is
 * looked up once; the project is then read under its id, the key every save refreshes, so a page
 * opened by its code never shows a stage or version older than the last decision.
 */
export function useProjectAt(key: string): UseQueryResult<Project> {
  const byCode = isProjectCode(key);
  const lookup = useQuery({ ...projectQueryOptions(key), enabled: byCode });
  const id = byCode ? lookup.data?.id : key;
  const project = useQuery({
    ...projectQueryOptions(id ?? key),
    enabled: id !== undefined,
    placeholderData: lookup.data,
  });
  return byCode && !lookup.isSuccess ? lookup : project;
}
