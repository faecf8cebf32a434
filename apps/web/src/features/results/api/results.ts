import type { components } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/field-errors';
import { ensureOk, unwrap } from '../../../lib/request';
import { projectKeys } from '../../projects/api/keys';
import { resultKeys } from './keys';

type Schemas = components['schemas'];
export type ProjectResults = Schemas['ProjectResultsDto'];
export type Indicator = Schemas['ResultIndicatorDto'];
export type Outcome = Schemas['OutcomeDto'];
export type ReportResults = Schemas['ReportResultsDto'];
export type RecordResultsBody = Schemas['RecordResultsRequest'];
export type ResultsOverview = Schemas['ResultsOverviewDto'];
export type CreateIndicatorBody = Schemas['CreateIndicatorRequest'];

export function projectResultsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: resultKeys.project(projectId),
    queryFn: async ({ signal }): Promise<ProjectResults> =>
      unwrap(
        await fetchClient.GET('/api/v1/projects/{projectId}/results', {
          params: { path: { projectId } },
          signal,
        }),
      ),
  });
}

export function useProjectResults(projectId: string) {
  return useQuery(projectResultsQueryOptions(projectId));
}

export function useReportResults(projectId: string, reportId: string) {
  return useQuery({
    queryKey: resultKeys.report(projectId, reportId),
    queryFn: async ({ signal }): Promise<ReportResults> =>
      unwrap(
        await fetchClient.GET('/api/v1/reports/{id}/results', { params: { path: { id: reportId } }, signal }),
      ),
  });
}

export function useResultsOverview() {
  return useQuery({
    queryKey: resultKeys.overview,
    queryFn: async ({ signal }): Promise<ResultsOverview> =>
      unwrap(await fetchClient.GET('/api/v1/results/overview', { signal })),
  });
}

function useRefresh(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) }),
      queryClient.invalidateQueries({ queryKey: resultKeys.overview }),
    ]);
}

/** PATCH /api/v1/reports/:id/results: what a report due or returned records, replaced whole. */
export function useRecordResults(projectId: string, reportId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (body: RecordResultsBody): Promise<ReportResults> =>
      unwrap(
        await fetchClient.PATCH('/api/v1/reports/{id}/results', { params: { path: { id: reportId } }, body }),
      ),
    onSuccess: refresh,
  });
}

export function useCreateOutcome(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (body: Schemas['CreateOutcomeRequest']) =>
      unwrap(
        await fetchClient.POST('/api/v1/projects/{projectId}/outcomes', {
          params: { path: { projectId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useCreateOutput(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (body: Schemas['CreateOutputRequest']) =>
      unwrap(
        await fetchClient.POST('/api/v1/projects/{projectId}/outputs', {
          params: { path: { projectId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useCreateIndicator(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (body: CreateIndicatorBody) =>
      unwrap(
        await fetchClient.POST('/api/v1/projects/{projectId}/indicators', {
          params: { path: { projectId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export type ResultsRecordKind = 'outcome' | 'output' | 'indicator';

/** DELETE an outcome, an output or an indicator on the version read. */
export function useRemoveResultsRecord(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async ({ kind, id, version }: { kind: ResultsRecordKind; id: string; version: number }) => {
      const options = { params: { path: { id } }, headers: ifMatch(version) };
      ensureOk(
        kind === 'outcome'
          ? await fetchClient.DELETE('/api/v1/outcomes/{id}', options)
          : kind === 'output'
            ? await fetchClient.DELETE('/api/v1/outputs/{id}', options)
            : await fetchClient.DELETE('/api/v1/indicators/{id}', options),
      );
    },
    onSuccess: refresh,
  });
}
