import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fileTypeFromBuffer } from 'file-type';
import {
  DOCUMENT_KINDS,
  DOCUMENT_RECORD_KINDS,
  documentReaders,
  isDocumentKindOf,
  judgeDocumentContent,
  type DocumentRecordKind,
  type Role,
} from '@hstf/domain';
import { AuditService, type AuditedEntity } from '../audit';
import { removeVersioned } from '../common/concurrency/versioned-update';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { documentRecord, type DocumentRecord } from './document-record';
import { DOCUMENT_STORE, type DocumentStore } from './document-store';
import { isPlainText } from './plain-text';
import type { DocumentDto, DocumentQuery, UploadDocumentRequest } from './documents.dto';
import { DocumentReader, DocumentRow, DocumentsRepository } from './documents.repository';

/** A file as the upload hands it over (the upload interceptor's memory storage). */
export interface UploadedDocumentFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * The audit trail names an attachment by the record it belongs to, so each role's timeline shows the
 * documents it may read (a donor a project's papers, never a consent letter).
 */
export function auditEntityOf(recordKind: DocumentRecordKind): AuditedEntity {
  return `${recordKind}_document`;
}

const RECORD_LABEL: Record<DocumentRecordKind, string> = {
  consent: 'The consent record',
  project: 'The project',
  report: 'The report',
  revision: 'The revision',
};

/** What a reader of this role reaches: the record kinds whose documents it reads, and its assignments. */
function readerOf(ctx: RequestContext): DocumentReader {
  const role: Role = ctx.actor.role;
  return {
    recordKinds: DOCUMENT_RECORD_KINDS.filter((kind) => documentReaders(kind).includes(role)),
    reviewerId: role === 'reviewer' ? ctx.actor.id : null,
  };
}

function staff(ctx: RequestContext): boolean {
  return ctx.actor.role === 'admin' || ctx.actor.role === 'staff';
}

function toDto(row: DocumentRow, withCreator: boolean): DocumentDto {
  return { ...documentRecord(row), createdByName: withCreator ? row.created_by_name : null };
}

/**
 * The name a file is kept under: the last part of what the browser sent (some send a whole path),
 * without control characters, at most 255 characters; "document" when nothing is left.
 */
export function fileNameOf(original: string): string {
  const base = path.posix.basename(original.replace(/\\/g, '/'));
  const clean = Array.from(base.normalize('NFC'))
    .filter((character) => {
      const code = character.codePointAt(0)!;
      return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
    })
    .join('')
    .trim();
  return Array.from(clean || 'document')
    .slice(0, 255)
    .join('');
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DocumentsRepository,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(ctx: RequestContext, query: DocumentQuery): Promise<Page<DocumentDto>> {
    const project = await this.repository.projectOfRecord(
      this.dataSource.manager,
      query.recordKind,
      query.recordId,
      readerOf(ctx),
      false,
    );
    if (!project) throw Problem.notFound(RECORD_LABEL[query.recordKind]);
    const rows = await this.repository.list(query.recordKind, query.recordId, query.cursor, limitOf(query));
    return pageOf(
      rows,
      query,
      (row) => [row.created_at_key, row.id],
      (row) => toDto(row, staff(ctx)),
    );
  }

  /**
   * Checks the file by its content (type and size) and the request, then keeps the content under
   * its hash and records the attachment with its audit entry. Every refusal comes before anything
   * is written.
   */
  async attach(
    ctx: RequestContext,
    request: UploadDocumentRequest,
    file: UploadedDocumentFile | undefined,
  ): Promise<DocumentDto> {
    if (!file) throw Problem.validation([{ field: 'file', message: 'must be a file' }]);
    if (!isDocumentKindOf(request.recordKind, request.documentKind)) {
      throw Problem.validation([
        {
          field: 'documentKind',
          message: `must be one of ${DOCUMENT_KINDS[request.recordKind].join(', ')} for a ${request.recordKind}`,
        },
      ]);
    }
    const content = file.buffer;
    const detected = await fileTypeFromBuffer(content);
    const verdict = judgeDocumentContent({
      size: content.length,
      detected: detected?.ext ?? null,
      isText: detected ? false : isPlainText(content),
      maxBytes: this.config.documents.maxBytes,
    });
    if (!verdict.ok) throw refusal(verdict);
    const sha256 = createHash('sha256').update(content).digest('hex');

    return this.dataSource.transaction(async (manager) => {
      const projectId = await this.repository.projectOfRecord(
        manager,
        request.recordKind,
        request.recordId,
        readerOf(ctx),
        true,
      );
      if (!projectId) throw Problem.notFound(RECORD_LABEL[request.recordKind]);
      // Kept before the row is written: a row never names content the store lacks. Content kept
      // for an attachment that then rolls back is harmless, and reused by the next upload of it.
      await this.store.put(sha256, content);
      const row = await this.repository.insert(manager, {
        recordKind: request.recordKind,
        recordId: request.recordId,
        projectId,
        documentKind: request.documentKind,
        fileName: fileNameOf(file.originalname),
        mediaType: verdict.mediaType,
        sizeBytes: content.length,
        sha256,
        createdBy: ctx.user?.id ?? null,
      });
      await this.audit.recordCreation(manager, ctx, auditEntityOf(request.recordKind), documentRecord(row));
      return toDto(row, true);
    });
  }

  /** The document and its content, for a reader who may read its record; 404 for anyone else. */
  async content(ctx: RequestContext, id: string): Promise<{ document: DocumentDto; stream: Readable }> {
    const row = await this.repository.readable(this.dataSource.manager, id, readerOf(ctx));
    if (!row) throw Problem.notFound('The document');
    const stream = await this.store.get(row.sha256);
    if (!stream) {
      throw new Problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'document-content-missing',
        'Document content unavailable',
        'The document is recorded but its content cannot be read from the document store.',
      );
    }
    return { document: toDto(row, staff(ctx)), stream };
  }

  /**
   * Removes the attachment (with its audit entry). The content stays in the store: other records
   * may hold the same content, and the audit entry still names it by its hash.
   */
  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    const reader = readerOf(ctx);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.readable(manager, id, reader);
      if (!current) throw Problem.notFound('The document');
      if (!(await this.repository.projectLive(manager, current.project_id))) {
        throw Problem.notFound('The document');
      }
      await removeVersioned<{ version: number }, DocumentRecord>(manager, this.audit, ctx, {
        table: 'documents',
        entityLabel: 'document',
        auditEntity: auditEntityOf(current.record_kind),
        id,
        expectedVersion,
        read: async () => {
          const row = await this.repository.readable(manager, id, reader);
          return documentRecord(row!);
        },
        remove: () => this.repository.delete(manager, id),
      });
    });
  }
}

function refusal(verdict: Exclude<ReturnType<typeof judgeDocumentContent>, { ok: true }>): Problem {
  switch (verdict.code) {
    case 'document-too-large':
      return new Problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        verdict.code,
        'Document too large',
        `The file has ${verdict.facts.size} bytes; documents are at most ${verdict.facts.maxBytes} bytes.`,
      );
    case 'document-empty':
      return new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        verdict.code,
        'Empty document',
        'The file is empty: attach the document itself.',
      );
    case 'document-type-not-accepted':
      return new Problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        verdict.code,
        'Unsupported document type',
        `The file is ${verdict.facts.detected ? `a ${verdict.facts.detected.toUpperCase()} file` : 'neither a known document format nor text'}; ` +
          'attach a PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), OpenDocument text (.odt) or plain text file.',
      );
  }
}
