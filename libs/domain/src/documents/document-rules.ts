import type { Role } from '../accounts/roles';

/** The records a document can be attached to. */
export const DOCUMENT_RECORD_KINDS = ['consent', 'project', 'report', 'revision'] as const;
export type DocumentRecordKind = (typeof DOCUMENT_RECORD_KINDS)[number];

/** What a document is, by the record it belongs to: the consent letter of a recipient State, a proposal… */
export const DOCUMENT_KINDS: Record<DocumentRecordKind, readonly string[]> = {
  consent: ['consent_letter', 'note_verbale', 'other'],
  project: ['concept_note', 'proposal', 'agreement', 'other'],
  report: ['narrative_report', 'financial_report', 'other'],
  revision: ['justification', 'other'],
};

export const ALL_DOCUMENT_KINDS: readonly string[] = [...new Set(Object.values(DOCUMENT_KINDS).flat())];

/** The default upload bound: 20 MiB, enough for a scanned letter or a proposal with its annexes. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The files letters, proposals, agreements and reports arrive as, by the type read from their
 * content (never their name): PDF, images of a scanned page, word-processor documents and
 * spreadsheets (Office Open XML and OpenDocument), and plain text.
 */
export const DOCUMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
} as const;

export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[keyof typeof DOCUMENT_MEDIA_TYPES];

export type DocumentContentVerdict =
  | { ok: true; mediaType: DocumentMediaType }
  | { ok: false; code: 'document-too-large'; facts: { size: number; maxBytes: number } }
  | { ok: false; code: 'document-empty'; facts: Record<string, never> }
  | { ok: false; code: 'document-type-not-accepted'; facts: { detected: string | null } };

/**
 * Whether a file may be kept, from what its content is: `detected` is the extension a signature
 * reader found (null when none matched), `isText` whether the bytes are UTF-8 text without control
 * characters. A file no reader recognises is accepted only as plain text.
 */
export function judgeDocumentContent(content: {
  size: number;
  detected: string | null;
  isText: boolean;
  maxBytes: number;
}): DocumentContentVerdict {
  if (content.size > content.maxBytes) {
    return {
      ok: false,
      code: 'document-too-large',
      facts: { size: content.size, maxBytes: content.maxBytes },
    };
  }
  if (content.size === 0) return { ok: false, code: 'document-empty', facts: {} };
  if (content.detected === null) {
    return content.isText
      ? { ok: true, mediaType: DOCUMENT_MEDIA_TYPES.txt }
      : { ok: false, code: 'document-type-not-accepted', facts: { detected: null } };
  }
  const mediaType = (DOCUMENT_MEDIA_TYPES as Record<string, DocumentMediaType>)[content.detected];
  if (!mediaType || content.detected === 'txt') {
    return { ok: false, code: 'document-type-not-accepted', facts: { detected: content.detected } };
  }
  return { ok: true, mediaType };
}

/** Whether a document kind belongs to that kind of record (a proposal is not a consent letter). */
export function isDocumentKindOf(recordKind: DocumentRecordKind, documentKind: string): boolean {
  return DOCUMENT_KINDS[recordKind].includes(documentKind);
}

/**
 * Who reads the documents of each kind of record (DESIGN.md §5): staff and admin all of them; a
 * project's own documents also donors (who read the portfolio) and the reviewers assigned to it
 * (who read the proposal). A consent's letter, a report's and a revision's papers: staff and admin
 * only, as the records themselves. Where a reviewer is assigned is checked against the database.
 */
export function documentReaders(recordKind: DocumentRecordKind): readonly Role[] {
  return recordKind === 'project' ? ['admin', 'staff', 'reviewer', 'donor'] : ['admin', 'staff'];
}

/** Who attaches and removes documents: the roles that write the records. */
export function mayChangeDocuments(role: Role): boolean {
  return role === 'admin' || role === 'staff';
}
