import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DocumentRecordKind } from '@hstf/domain';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';

export interface DocumentRow {
  id: string;
  record_kind: DocumentRecordKind;
  record_id: string;
  project_id: string;
  document_kind: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  created_by_name: string | null;
  created_at: Date;
  created_at_key: string;
  version: number;
}

/**
 * Who is reading, as the queries check it: the record kinds the role reads documents of, and the
 * reviewer whose assignments bound the projects read (null for other roles).
 */
export interface DocumentReader {
  recordKinds: readonly DocumentRecordKind[];
  reviewerId: string | null;
}

/** Each kind of record, and where the project it belongs to is read from. */
const RECORD_PROJECT: Record<DocumentRecordKind, string> = {
  consent: 'SELECT project_id FROM consent_records WHERE id = $1',
  project: 'SELECT id AS project_id FROM projects WHERE id = $1',
  report: 'SELECT project_id FROM reports WHERE id = $1',
  revision: 'SELECT project_id FROM project_revisions WHERE id = $1',
};

const COLUMNS = `d.id, d.record_kind, d.record_id, d.project_id, d.document_kind, d.file_name, d.media_type,
  d.size_bytes, d.sha256, u.name AS created_by_name, d.created_at, d.version,
  to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key`;

/** A live project, and for a reviewer one assigned to them and not withdrawn from for a conflict. */
const PROJECT_READABLE = (reviewerParam: string) => `p.deleted_at IS NULL
  AND (${reviewerParam}::uuid IS NULL OR EXISTS (
    SELECT 1 FROM reviews r WHERE r.project_id = p.id AND r.reviewer_id = ${reviewerParam}::uuid
      AND r.status <> 'declined_conflict'))`;

@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The project of a record the reader may see, or null: the record missing, its project deleted, or
   * the record out of the reader's reach. With `forWrite` the project is held FOR SHARE, so it
   * cannot be deleted before the attachment commits.
   */
  async projectOfRecord(
    manager: EntityManager,
    recordKind: DocumentRecordKind,
    recordId: string,
    reader: DocumentReader,
    forWrite: boolean,
  ): Promise<string | null> {
    if (!reader.recordKinds.includes(recordKind)) return null;
    const rows = await preparedQuery<{ id: string }>(
      manager,
      `SELECT p.id FROM projects p
       WHERE p.id = (${RECORD_PROJECT[recordKind]}) AND ${PROJECT_READABLE('$2')}
       ${forWrite ? 'FOR SHARE OF p' : ''}`,
      [recordId, reader.reviewerId],
    );
    return rows[0]?.id ?? null;
  }

  /** A record's documents, newest first; one more row than `limit`, for the cursor. */
  list(
    recordKind: DocumentRecordKind,
    recordId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<DocumentRow[]> {
    const params: unknown[] = [recordKind, recordId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['d.record_kind = $1', 'd.record_id = $2'];
    const key = decodeCursor(cursor, 2);
    if (key) where.push(`(d.created_at, d.id) < (${param(key[0])}::timestamptz, ${param(key[1])}::uuid)`);
    return preparedQuery<DocumentRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM documents d LEFT JOIN users u ON u.id = d.created_by
       WHERE ${where.join(' AND ')}
       ORDER BY d.created_at DESC, d.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  /** A document, when the reader may read the record it belongs to; null otherwise. */
  async readable(manager: EntityManager, id: string, reader: DocumentReader): Promise<DocumentRow | null> {
    const rows = await preparedQuery<DocumentRow>(
      manager,
      `SELECT ${COLUMNS} FROM documents d
       JOIN projects p ON p.id = d.project_id
       LEFT JOIN users u ON u.id = d.created_by
       WHERE d.id = $1 AND d.record_kind = ANY($3::text[]) AND ${PROJECT_READABLE('$2')}`,
      [id, reader.reviewerId, reader.recordKinds],
    );
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    document: {
      recordKind: DocumentRecordKind;
      recordId: string;
      projectId: string;
      documentKind: string;
      fileName: string;
      mediaType: string;
      sizeBytes: number;
      sha256: string;
      createdBy: string | null;
    },
  ): Promise<DocumentRow> {
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO documents (record_kind, record_id, project_id, document_kind, file_name, media_type,
         size_bytes, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        document.recordKind,
        document.recordId,
        document.projectId,
        document.documentKind,
        document.fileName,
        document.mediaType,
        document.sizeBytes,
        document.sha256,
        document.createdBy,
      ],
    );
    const [created] = await preparedQuery<DocumentRow>(
      manager,
      `SELECT ${COLUMNS} FROM documents d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1`,
      [row!.id],
    );
    return created!;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await preparedQuery(manager, `DELETE FROM documents WHERE id = $1`, [id]);
  }

  /** Whether the project of a document is live (a deleted project's documents are not removed one by one). */
  async projectLive(manager: EntityManager, projectId: string): Promise<boolean> {
    const rows = await preparedQuery(
      manager,
      `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL FOR SHARE`,
      [projectId],
    );
    return rows.length > 0;
  }
}
