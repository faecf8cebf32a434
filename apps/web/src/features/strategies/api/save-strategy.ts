import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ApiError } from '../../../lib/problem';
import type { Strategy } from './get-strategies';

export type CreateStrategyInput =
  paths['/api/v1/national-strategies']['post']['requestBody']['content']['application/json'];
export type UpdateStrategyInput =
  paths['/api/v1/national-strategies/{id}']['patch']['requestBody']['content']['application/json'];

export function useCreateStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateStrategyInput): Promise<Strategy> => {
      const { data, error, response } = await fetchClient.POST('/api/v1/national-strategies', {
        body: input,
      });
      if (error !== undefined || data === undefined) throw ApiError.from(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['strategies'] }),
  });
}

export function useUpdateStrategy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateStrategyInput & { version: number }): Promise<Strategy> => {
      const { data, error, response } = await fetchClient.PATCH('/api/v1/national-strategies/{id}', {
        params: { path: { id } },
        body: input,
      });
      if (error !== undefined || data === undefined) throw ApiError.from(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['strategies'] }),
  });
}

/** DELETE with If-Match; refused (409) while project alignments refer to the strategy. */
export function useDeleteStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) => {
      const { error, response } = await fetchClient.DELETE('/api/v1/national-strategies/{id}', {
        params: { path: { id } },
        headers: ifMatch(version),
      });
      if (!response.ok) throw ApiError.from(response, error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['strategies'] }),
  });
}
