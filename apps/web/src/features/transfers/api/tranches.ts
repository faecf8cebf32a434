import type { components } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { allPages, ensureOk, unwrap } from '../../../lib/request';
import { projectKeys } from '../../projects/api/keys';
import { reportKeys } from '../../reports/api/keys';

export type PlannedTranche = components['schemas']['PlannedTrancheDto'];
type Report = components['schemas']['ReportDto'];

/** Under the project's key: a transfer recorded or reversed refreshes the schedule it releases. */
export const trancheKeys = {
  list: (projectId: string) => [...projectKeys.one(projectId), 'tranches'] as const,
};

/** GET /api/v1/projects/:id/tranches: the planned schedule, by planned date. */
export function tranchesQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: trancheKeys.list(projectId),
    queryFn: ({ signal }): Promise<PlannedTranche[]> =>
      allPages(async (cursor) =>
        unwrap(
          await fetchClient.GET('/api/v1/projects/{projectId}/tranches', {
            params: { path: { projectId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

export function useTranches(projectId: string) {
  return useQuery(tranchesQueryOptions(projectId));
}

/** The reports a tranche may wait for (staff only, as the reports route is). */
export function useReportChoices(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.list(projectId),
    enabled,
    queryFn: ({ signal }): Promise<Report[]> =>
      allPages(async (cursor) =>
        unwrap(
          await fetchClient.GET('/api/v1/projects/{projectId}/reports', {
            params: { path: { projectId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

export interface TrancheInput {
  organizationId: string;
  plannedOn: string;
  amountUsd: string;
  condition: string;
  requiresReportId: string | null;
}

/** POST /projects/:id/tranches, or PATCH /tranches/:id at the version read. */
export function useSaveTranche(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      version,
      ...body
    }: TrancheInput & { id?: string; version?: number }): Promise<PlannedTranche> =>
      id && version
        ? unwrap(
            await fetchClient.PATCH('/api/v1/tranches/{id}', {
              params: { path: { id } },
              headers: ifMatch(version),
              body,
            }),
          )
        : unwrap(
            await fetchClient.POST('/api/v1/projects/{projectId}/tranches', {
              params: { path: { projectId } },
              body,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trancheKeys.list(projectId) }),
  });
}

/** DELETE /tranches/:id at the version read. */
export function useRemoveTranche(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }): Promise<void> =>
      ensureOk(
        await fetchClient.DELETE('/api/v1/tranches/{id}', {
          params: { path: { id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trancheKeys.list(projectId) }),
  });
}
