import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ensureOk, unwrap } from '../../../lib/request';
import type { Contribution } from './get-contributions';
import { contributionKeys } from './keys';
import { dashboardKeys } from '../../overview/api/keys';

export type CreateContributionInput =
  paths['/api/v1/contributions']['post']['requestBody']['content']['application/json'];
export type UpdateContributionInput =
  paths['/api/v1/contributions/{id}']['patch']['requestBody']['content']['application/json'];

export function useCreateContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateContributionInput): Promise<Contribution> => {
      return unwrap(await fetchClient.POST('/api/v1/contributions', { body: input }));
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contributionKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}

export function useUpdateContribution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateContributionInput & { version: number }): Promise<Contribution> => {
      return unwrap(
        await fetchClient.PATCH('/api/v1/contributions/{id}', {
          params: { path: { id } },
          body: input,
        }),
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contributionKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}

export function useDeleteContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) => {
      ensureOk(
        await fetchClient.DELETE('/api/v1/contributions/{id}', {
          params: { path: { id } },
          headers: ifMatch(version),
        }),
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contributionKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}
