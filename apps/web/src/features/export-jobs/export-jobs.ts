import type { components } from '@hstf/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../lib/api-client';
import type { EXPORT_FORMATS, QueryValue } from '../../lib/export-href';
import { unwrap } from '../../lib/request';

export type ExportJob = components['schemas']['ExportJobDto'];
type ExportList = components['schemas']['CreateExportRequest']['list'];

const exportJobKeys = { all: ['export-jobs'] as const };

/** Waiting or running on the server, so the screen asks again. */
export function isPending(job: ExportJob): boolean {
  return job.state === 'waiting' || job.state === 'running';
}

/** The list's filters as the export request takes them: no paging, no empty values. */
export function exportFilters(query: Readonly<Record<string, QueryValue>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([name, value]) =>
        name !== 'limit' && name !== 'cursor' && value !== undefined && value !== null && value !== '',
    ),
  );
}

/** The reader's exports, newest first, polled every two seconds while one is being written. */
export function useExportJobs() {
  return useQuery({
    queryKey: exportJobKeys.all,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET('/api/v1/exports', { params: { query: { limit: 10 } }, signal })),
    refetchInterval: (query) => (query.state.data?.items.some(isPending) ? 2000 : false),
  });
}

/** Asks for a list's export to be prepared in the background. */
export function useRequestExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      list: ExportList;
      format: (typeof EXPORT_FORMATS)[number];
      filters: Record<string, unknown>;
      lang: string;
    }) =>
      unwrap(
        await fetchClient.POST('/api/v1/exports', {
          body: { ...body, lang: body.lang as components['schemas']['CreateExportRequest']['lang'] },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: exportJobKeys.all }),
  });
}

export const exportFileHref = (job: ExportJob) => `/api/v1/exports/${job.id}/file`;
