import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ensureOk, unwrap } from '../../../lib/request';
import type { Strategy } from './get-strategies';
import { strategyKeys } from './keys';

export type CreateStrategyInput =
  paths['/api/v1/national-strategies']['post']['requestBody']['content']['application/json'];
export type UpdateStrategyInput =
  paths['/api/v1/national-strategies/{id}']['patch']['requestBody']['content']['application/json'];

export function useCreateStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateStrategyInput): Promise<Strategy> => {
      return unwrap(
        await fetchClient.POST('/api/v1/national-strategies', {
          body: input,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: strategyKeys.all }),
  });
}

export function useUpdateStrategy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateStrategyInput & { version: number }): Promise<Strategy> => {
      return unwrap(
        await fetchClient.PATCH('/api/v1/national-strategies/{id}', {
          params: { path: { id } },
          body: input,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: strategyKeys.all }),
  });
}

/** DELETE with If-Match; refused (409) while project alignments refer to the strategy. */
export function useDeleteStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) => {
      ensureOk(
        await fetchClient.DELETE('/api/v1/national-strategies/{id}', {
          params: { path: { id } },
          headers: ifMatch(version),
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: strategyKeys.all }),
  });
}
