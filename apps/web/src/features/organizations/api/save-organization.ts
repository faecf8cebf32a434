import type { paths } from '@hstf/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { Organization } from './get-organizations';
import { organizationKeys } from './keys';

export type CreateOrganizationInput =
  paths['/api/v1/organizations']['post']['requestBody']['content']['application/json'];
export type UpdateOrganizationInput =
  paths['/api/v1/organizations/{id}']['patch']['requestBody']['content']['application/json'];

/** GET /api/v1/organizations/:id: the latest, read when a save was refused as stale. */
export function organizationQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...organizationKeys.all, 'detail', id] as const,
    queryFn: async ({ signal }): Promise<Organization> =>
      unwrap(await fetchClient.GET('/api/v1/organizations/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateOrganizationInput): Promise<Organization> =>
      unwrap(await fetchClient.POST('/api/v1/organizations', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateOrganizationInput & { version: number }): Promise<Organization> =>
      unwrap(
        await fetchClient.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body: input }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
  });
}
