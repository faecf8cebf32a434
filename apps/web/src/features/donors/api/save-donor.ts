import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ApiError } from '../../../lib/problem';
import type { Donor } from './get-donors';

export type CreateDonorInput = paths['/api/v1/donors']['post']['requestBody']['content']['application/json'];
export type UpdateDonorInput =
  paths['/api/v1/donors/{id}']['patch']['requestBody']['content']['application/json'];

export function useCreateDonor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateDonorInput): Promise<Donor> => {
      const { data, error, response } = await fetchClient.POST('/api/v1/donors', { body: input });
      if (error !== undefined || data === undefined) throw ApiError.from(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['donors'] }),
  });
}

export function useUpdateDonor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateDonorInput & { version: number }): Promise<Donor> => {
      const { data, error, response } = await fetchClient.PATCH('/api/v1/donors/{id}', {
        params: { path: { id } },
        body: input,
      });
      if (error !== undefined || data === undefined) throw ApiError.from(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['donors'] }),
  });
}

/** DELETE with If-Match; refused (409) while the donor has contributions or user accounts. */
export function useDeleteDonor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) => {
      const { error, response } = await fetchClient.DELETE('/api/v1/donors/{id}', {
        params: { path: { id } },
        headers: ifMatch(version),
      });
      if (!response.ok) throw ApiError.from(response, error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['donors', 'list'] }),
  });
}
