import type { components, paths } from '@hstf/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { allPages, ensureOk, unwrap } from '../../../lib/request';
import { documentKeys } from './keys';

export type AttachedDocument = components['schemas']['DocumentDto'];
export type DocumentRecordKind = AttachedDocument['recordKind'];
type UploadForm = paths['/api/v1/documents']['post']['requestBody']['content']['multipart/form-data'];
export type DocumentKind = UploadForm['documentKind'];

/** The record a section of documents belongs to, and the project that record is part of. */
export interface DocumentRecord {
  projectId: string;
  recordKind: DocumentRecordKind;
  recordId: string;
}

/** Where a document is downloaded from: a plain link, so the browser saves it under its own name. */
export function documentHref(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/content`;
}

/** Every document attached to the record, newest first. */
export function useDocuments({ projectId, recordKind, recordId }: DocumentRecord) {
  return useQuery({
    queryKey: documentKeys.record(projectId, recordKind, recordId),
    queryFn: ({ signal }) =>
      allPages(async (cursor) =>
        unwrap(
          await fetchClient.GET('/api/v1/documents', {
            params: { query: { recordKind, recordId, limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

function useRefresh(record: DocumentRecord) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({
      queryKey: documentKeys.record(record.projectId, record.recordKind, record.recordId),
    });
    void client.invalidateQueries({ queryKey: documentKeys.timeline(record.projectId) });
  };
}

/** Attaches a file: the API reads its type from its content. */
export function useAttachDocument(record: DocumentRecord) {
  const refresh = useRefresh(record);
  return useMutation({
    mutationFn: async ({ documentKind, file }: { documentKind: DocumentKind; file: File }) => {
      const form = new FormData();
      form.append('recordKind', record.recordKind);
      form.append('recordId', record.recordId);
      form.append('documentKind', documentKind);
      form.append('file', file);
      return unwrap(
        await fetchClient.POST('/api/v1/documents', {
          // Sent as it is: the browser writes the multipart body and its boundary.
          body: form as unknown as UploadForm,
        }),
      );
    },
    onSuccess: refresh,
  });
}

/** Removes an attachment, with the version read. */
export function useRemoveDocument(record: DocumentRecord) {
  const refresh = useRefresh(record);
  return useMutation({
    mutationFn: async (document: AttachedDocument) =>
      ensureOk(
        await fetchClient.DELETE('/api/v1/documents/{id}', {
          params: { path: { id: document.id } },
          headers: { 'If-Match': `"${document.version}"` },
        }),
      ),
    onSettled: refresh,
  });
}
