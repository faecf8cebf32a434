import type { components } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { allPages, unwrap } from '../../../lib/request';
import { dashboardKeys } from '../../overview/api/keys';
import { projectKeys } from '../../projects/api/keys';
import { revisionKeys } from './keys';

export type Revision = components['schemas']['RevisionDto'];
export type RevisionRequestBody = components['schemas']['CreateRevisionRequest'];
export type RevisionDecisionBody = components['schemas']['DecideRevisionRequest'];

/** GET /api/v1/projects/:id/revisions: every request, newest first, with its decision. */
export function revisionsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: revisionKeys.list(projectId),
    queryFn: ({ signal }): Promise<Revision[]> =>
      allPages(async (cursor) =>
        unwrap(
          await fetchClient.GET('/api/v1/projects/{id}/revisions', {
            params: { path: { id: projectId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

export function useRevisions(projectId: string) {
  return useQuery(revisionsQueryOptions(projectId));
}

/** An approved request changes the project and the Fund's ledger: both are read again. */
function useRefresh(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
      queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
    ]);
}

/** POST /api/v1/projects/:id/revisions: a budget revision or an extension, pending a decision. */
export function useRequestRevision(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (body: RevisionRequestBody): Promise<Revision> =>
      unwrap(
        await fetchClient.POST('/api/v1/projects/{id}/revisions', {
          params: { path: { id: projectId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

/** POST …/revisions/:revisionId/decision: approve or reject, by someone other than the requester. */
export function useDecideRevision(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async ({
      revision,
      ...body
    }: Omit<RevisionDecisionBody, 'version'> & { revision: Revision }): Promise<Revision> =>
      unwrap(
        await fetchClient.POST('/api/v1/projects/{id}/revisions/{revisionId}/decision', {
          params: { path: { id: projectId, revisionId: revision.id } },
          headers: ifMatch(revision.version),
          body,
        }),
      ),
    onSuccess: refresh,
  });
}
