import type { DocumentDto } from './documents.dto';
import type { DocumentRow } from './documents.repository';

/** What the audit trail keeps of an attachment: the record as answered, without who (the entry says). */
export type DocumentRecord = Omit<DocumentDto, 'createdByName'>;

/** The stored columns of an attachment, as an insert returns them. */
export type DocumentRecordRow = Omit<DocumentRow, 'created_by_name' | 'created_at_key'>;

/**
 * An attachment as the API answers and audits it. The demo data writes its documents' audit entries
 * with it too, so the seeded timeline reads as one written through the API.
 */
export function documentRecord(row: DocumentRecordRow): DocumentRecord {
  return {
    id: row.id,
    recordKind: row.record_kind,
    recordId: row.record_id,
    projectId: row.project_id,
    documentKind: row.document_kind,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
