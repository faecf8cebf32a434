import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, limitOf, PageQuery } from '../common/pagination/pagination';
import type { ImportFormat } from './import-file';
import type { ImportKind } from './import-kinds';
import type { ImportChange, ImportRowError, ImportStatus } from './imports.dto';

export interface ImportRow {
  id: string;
  kind: ImportKind;
  file_name: string;
  file_format: ImportFormat;
  status: ImportStatus;
  total_rows: number;
  processed_rows: number;
  error_count: number;
  errors?: ImportRowError[];
  changes?: ImportChange[];
  create_count: number;
  update_count: number;
  unchanged_count: number;
  failure: string | null;
  created_by_email: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The file as uploaded, with what a pass needs to know before it reads it. */
export interface StoredImport {
  kind: ImportKind;
  file_format: ImportFormat;
  content: Buffer;
  status: ImportStatus;
}

const countOf = (action: string) =>
  `(SELECT count(*) FROM jsonb_array_elements(changes) AS c WHERE c->>'action' = '${action}')::int`;

const SUMMARY_COLUMNS = `id, kind, file_name, file_format, status, total_rows, processed_rows, error_count,
  ${countOf('create')} AS create_count, ${countOf('update')} AS update_count,
  ${countOf('unchanged')} AS unchanged_count, failure, created_by_email, version, created_at, updated_at`;

/** The SQL of imports and their passes; ImportsService decides. */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    upload: {
      kind: ImportKind;
      fileName: string;
      format: ImportFormat;
      content: Buffer;
      totalRows: number;
      userId: string;
      userEmail: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO imports (kind, file_name, file_format, content, status, total_rows, created_by,
                            created_by_email)
       VALUES ($1, $2, $3, $4, 'checking', $5, $6, $7) RETURNING id`,
      [
        upload.kind,
        upload.fileName,
        upload.format,
        upload.content,
        upload.totalRows,
        upload.userId,
        upload.userEmail,
      ],
    );
    return rows[0]!.id;
  }

  async summary(manager: EntityManager, id: string): Promise<ImportRow | null> {
    const rows: ImportRow[] = await manager.query(`SELECT ${SUMMARY_COLUMNS} FROM imports WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** The summary with the errors and the first `changesShown` changes. */
  async withDetail(id: string, changesShown: number): Promise<ImportRow | null> {
    const rows: ImportRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, errors, jsonb_path_query_array(changes, '$[0 to ${changesShown - 1}]') AS changes
       FROM imports WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Newest first, one more row than the page for its cursor. */
  page(query: PageQuery): Promise<ImportRow[]> {
    const cursor = decodeCursor(query.cursor, 2);
    const params: unknown[] = [];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `WHERE (created_at, id) < ($1::timestamptz, $2::uuid)`;
    }
    params.push(limitOf(query) + 1);
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM imports ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** What confirming needs to judge, locked for the caller's transaction. */
  async lockedState(
    manager: EntityManager,
    id: string,
  ): Promise<{ status: ImportStatus; version: number; error_count: number; total_rows: number } | null> {
    const rows: { status: ImportStatus; version: number; error_count: number; total_rows: number }[] =
      await manager.query(
        `SELECT status, version, error_count, total_rows FROM imports WHERE id = $1 FOR UPDATE`,
        [id],
      );
    return rows[0] ?? null;
  }

  async markImporting(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE imports SET status = 'importing', processed_rows = 0, version = version + 1,
                          updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async stored(id: string): Promise<StoredImport | null> {
    const rows: StoredImport[] = await this.dataSource.query(
      `SELECT kind, file_format, content, status FROM imports WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A pass that wrote nothing: its errors (counted by row) and what the rows would change. */
  async markChecked(
    id: string,
    outcome: { errors: ImportRowError[]; rowsAtFault: number; changes: ImportChange[] },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'checked', processed_rows = total_rows, errors = $2, error_count = $3,
                          changes = $4, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, JSON.stringify(outcome.errors), outcome.rowsAtFault, JSON.stringify(outcome.changes)],
    );
  }

  async markFailed(id: string, failure: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'failed', failure = $2, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, failure],
    );
  }

  async markImported(manager: EntityManager, id: string, changes: ImportChange[]): Promise<void> {
    await manager.query(
      `UPDATE imports SET status = 'imported', processed_rows = total_rows, errors = '[]', error_count = 0,
                          changes = $2, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, JSON.stringify(changes)],
    );
  }

  /** Progress, written beside the import's transaction so that others see it while it runs. */
  async progress(id: string, processed: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET processed_rows = LEAST($2, total_rows), updated_at = now() WHERE id = $1`,
      [id, processed],
    );
  }
}
