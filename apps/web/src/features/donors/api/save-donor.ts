import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ensureOk, unwrap } from '../../../lib/request';
import type { Donor } from './get-donors';
import { donorKeys } from './keys';

export type CreateDonorInput = paths['/api/v1/donors']['post']['requestBody']['content']['application/json'];
export type UpdateDonorInput =
  paths['/api/v1/donors/{id}']['patch']['requestBody']['content']['application/json'];

export function useCreateDonor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateDonorInput): Promise<Donor> => {
      return unwrap(await fetchClient.POST('/api/v1/donors', { body: input }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: donorKeys.all }),
  });
}

export function useUpdateDonor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateDonorInput & { version: number }): Promise<Donor> => {
      return unwrap(
        await fetchClient.PATCH('/api/v1/donors/{id}', {
          params: { path: { id } },
          body: input,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: donorKeys.all }),
  });
}

/** DELETE with If-Match; refused (409) while the donor has contributions or user accounts. */
export function useDeleteDonor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) => {
      ensureOk(
        await fetchClient.DELETE('/api/v1/donors/{id}', {
          params: { path: { id } },
          headers: ifMatch(version),
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: donorKeys.lists }),
  });
}
