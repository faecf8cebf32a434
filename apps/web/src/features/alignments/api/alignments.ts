import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { projectKeys } from '../../projects/api/keys';
import { ensureOk, unwrap } from '../../../lib/request';
import type { Alignment, CreateAlignmentBody, NationalStrategy, UpdateAlignmentBody } from '../../projects';
import { strategyKeys } from '../../strategies/api/keys';
import { dashboardKeys } from '../../overview/api/keys';

/** GET /api/v1/projects/:id/alignments */
export function alignmentsQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.alignments(id),
    queryFn: async ({ signal }): Promise<Alignment[]> =>
      unwrap(
        await fetchClient.GET('/api/v1/projects/{id}/alignments', {
          params: { path: { id }, query: { limit: 200 } },
          signal,
        }),
      ).items,
  });
}

export function useAlignments(id: string, enabled = true) {
  return useQuery({ ...alignmentsQueryOptions(id), enabled });
}

/** GET /api/v1/national-strategies?country=: the strategies an alignment may point to. */
export function strategiesQueryOptions(country: string) {
  return queryOptions({
    queryKey: strategyKeys.ofCountry(country, 200),
    queryFn: async ({ signal }): Promise<NationalStrategy[]> =>
      unwrap(
        await fetchClient.GET('/api/v1/national-strategies', {
          params: { query: { country, limit: 200 } },
          signal,
        }),
      ).items,
  });
}

export function useNationalStrategies(country: string | null) {
  return useQuery({ ...strategiesQueryOptions(country ?? ''), enabled: Boolean(country) });
}

type SaveAlignment =
  | { kind: 'create'; body: CreateAlignmentBody }
  | { kind: 'update'; alignmentId: string; body: UpdateAlignmentBody & { version: number } }
  | { kind: 'delete'; alignmentId: string; version: number };

/** POST, PATCH or DELETE an alignment; paragraph 6 and the indicators are read again after. */
export function useSaveAlignment(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SaveAlignment): Promise<Alignment | null> => {
      if (input.kind === 'create') {
        return unwrap(
          await fetchClient.POST('/api/v1/projects/{id}/alignments', {
            params: { path: { id: projectId } },
            body: input.body,
          }),
        );
      }
      if (input.kind === 'update') {
        return unwrap(
          await fetchClient.PATCH('/api/v1/projects/{id}/alignments/{alignmentId}', {
            params: { path: { id: projectId, alignmentId: input.alignmentId } },
            body: input.body,
          }),
        );
      }
      ensureOk(
        await fetchClient.DELETE('/api/v1/projects/{id}/alignments/{alignmentId}', {
          params: { path: { id: projectId, alignmentId: input.alignmentId } },
          headers: { 'If-Match': `"${input.version}"` },
        }),
      );
      return null;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}
