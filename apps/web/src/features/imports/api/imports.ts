import type { components } from '@hstf/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import { importKeys } from './keys';

export type ImportRecord = components['schemas']['ImportDto'];
export type ImportSummary = components['schemas']['ImportSummaryDto'];
export type ImportKind = ImportRecord['kind'];
export const IMPORT_KINDS: readonly ImportKind[] = ['projects', 'contributions', 'consents', 'strategies'];

/** Still running on the server: checked or written in the background, so the screen polls it. */
export function isRunning(status: ImportRecord['status']): boolean {
  return status === 'checking' || status === 'importing';
}

/** The last imports, newest first. */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET('/api/v1/imports', { params: { query: { limit: 20 } }, signal })),
  });
}

/** One import, polled every second while it runs, so its progress moves on screen. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    enabled: id !== null,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET('/api/v1/imports/{id}', { params: { path: { id: id! } }, signal })),
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data.status) ? 1000 : false),
  });
}

/** Uploads a file and checks it (the dry run). */
export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, file }: { kind: ImportKind; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      return unwrap(
        await fetchClient.POST('/api/v1/imports', {
          // Sent as it is: the browser writes the multipart body and its boundary.
          body: form as unknown as { kind: ImportKind; file: string },
        }),
      );
    },
    onSuccess: (created) => {
      client.setQueryData(importKeys.one(created.id), created);
      void client.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}

/** Writes every row of a checked import, or none. */
export function useConfirmImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (record: ImportRecord) =>
      unwrap(
        await fetchClient.POST('/api/v1/imports/{id}/confirm', {
          params: { path: { id: record.id } },
          body: { version: record.version },
        }),
      ),
    onSuccess: (confirmed) => {
      client.setQueryData(importKeys.one(confirmed.id), confirmed);
    },
    onSettled: (_data, _error, record) => {
      // Whatever was written, every list may have new records.
      void client.invalidateQueries({ queryKey: importKeys.one(record.id) });
      void client.invalidateQueries({ queryKey: importKeys.list });
      void client.invalidateQueries();
    },
  });
}

/** The address of a kind's template, headers in the reader's language. */
export function templateHref(kind: ImportKind, format: 'csv' | 'xlsx', language: string): string {
  return `/api/v1/imports/templates/${kind}?format=${format}&lang=${encodeURIComponent(language)}`;
}
