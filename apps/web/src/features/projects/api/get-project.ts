import { queryOptions, useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { projectKeys } from './keys';
import type { Project, ProjectCompliance } from './types';

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

/** The data blocks the API writes into a project's page it sends drawn (apps/api/src/projects/project-page.prerender.ts). */
export const PROJECT_DATA_ID = 'project-data';
export const PROJECT_COMPLIANCE_DATA_ID = 'project-compliance-data';

/** A data block's JSON, read once (the block is removed), or null when there is none or it is damaged. */
function takeDataBlock<T>(id: string): T | null {
  const block = document.getElementById(id);
  if (!block) return null;
  block.remove();
  try {
    return JSON.parse(block.textContent ?? '') as T;
  } catch {
    // A damaged block: the page asks the API, as it would without one.
    return null;
  }
}

/**
 * The project the API sent inside its page, with its paragraph 6 status, taken as the answers of
 * GET /projects/:id (under the address the page was opened at, `key`, its id or its code, and under
 * its id) and GET /projects/:id/compliance: the heading it drew stays as it is, and the tabs render
 * without a second round trip.
 */
export function adoptInlinedProject(queryClient: QueryClient, key: string): void {
  const project = takeDataBlock<Project>(PROJECT_DATA_ID);
  const compliance = takeDataBlock<ProjectCompliance>(PROJECT_COMPLIANCE_DATA_ID);
  // The API takes an id or a code in any case, as the address was typed.
  const address = key.toUpperCase();
  if (!project || (project.id.toUpperCase() !== address && project.code.toUpperCase() !== address)) return;
  queryClient.setQueryData(projectKeys.detail(project.id), project);
  if (key !== project.id) queryClient.setQueryData(projectKeys.detail(key), project);
  if (compliance?.projectId === project.id)
    queryClient.setQueryData(projectKeys.compliance(project.id), compliance);
}
