import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../projects/api/keys';
import { unwrap } from '../../../lib/request';
import type { Consent, CreateConsentBody, UpdateConsentBody } from '../../projects';
import { dashboardKeys } from '../../overview/api/keys';

/** GET /api/v1/projects/:id/consents: one record per recipient country, in full for staff. */
export function consentsQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.consents(id),
    queryFn: async ({ signal }): Promise<Consent[]> =>
      unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/consents', {
          params: { path: { id }, query: { limit: 200 } },
          signal,
        }),
      ).items,
  });
}

export function useConsents(id: string, enabled = true) {
  return useQuery({ ...consentsQueryOptions(id), enabled });
}

/** POST or PATCH a consent record; either way paragraph 6 and the decisions open are read again. */
export function useSaveConsent(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      input:
        | { kind: 'create'; body: CreateConsentBody }
        | { kind: 'update'; consentId: string; body: UpdateConsentBody & { version: number } },
    ): Promise<Consent> =>
      input.kind === 'create'
        ? unwrap(
            await fetchClient.POST('/api/v1/projects/{id}/consents', {
              params: { path: { id: projectId } },
              body: input.body,
            }),
          )
        : unwrap(
            await fetchClient.PATCH('/api/v1/projects/{id}/consents/{consentId}', {
              params: { path: { id: projectId, consentId: input.consentId } },
              body: input.body,
            }),
          ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}
