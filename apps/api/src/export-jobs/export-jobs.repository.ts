import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@hstf/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { ExportLanguage } from '../common/export/export-labels';
import { decodeCursor, limitOf, PageQuery } from '../common/pagination/pagination';
import { ExportJobFormat, ExportJobState, ExportList } from './export-jobs.dto';

/** An export as the table keeps it, without its file. */
export interface ExportJobRow {
  id: string;
  user_id: string;
  list: ExportList;
  format: ExportJobFormat;
  language: ExportLanguage;
  filters: Record<string, unknown>;
  state: ExportJobState;
  error: string | null;
  row_count: number | null;
  size_bytes: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

const COLUMNS = `id, user_id, list, format, language, filters, state, error, row_count, size_bytes,
  created_at, started_at, finished_at, expires_at`;

/** The SQL of background exports; ExportJobsService decides. */
@Injectable()
export class ExportJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    job: {
      userId: string;
      list: ExportList;
      format: ExportJobFormat;
      language: ExportLanguage;
      filters: Record<string, unknown>;
    },
  ): Promise<ExportJobRow> {
    const [row]: ExportJobRow[] = await manager.query(
      `INSERT INTO export_jobs (user_id, list, format, language, filters)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [job.userId, job.list, job.format, job.language, JSON.stringify(job.filters)],
    );
    return row!;
  }

  /** The user's exports, newest first, one more row than the page for its cursor. */
  pageOfUser(userId: string, query: PageQuery): Promise<ExportJobRow[]> {
    const cursor = decodeCursor(query.cursor, 2);
    const params: unknown[] = [userId];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(limitOf(query) + 1);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM export_jobs WHERE user_id = $1 ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** An unexpired export with its file, when the reader asked for it or is an admin. */
  async withFile(
    id: string,
    reader: { id: string; role: Role },
  ): Promise<(ExportJobRow & { content: Buffer | null }) | null> {
    const [row]: (ExportJobRow & { content: Buffer | null })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, content FROM export_jobs
       WHERE id = $1 AND (user_id = $2 OR $3) AND (expires_at IS NULL OR expires_at > now())`,
      [id, reader.id, reader.role === 'admin'],
    );
    return row ?? null;
  }

  /**
   * Takes a waiting export to running; null when it was not waiting. Being the one UPDATE that
   * finds it waiting is the lock against a second delivery of the same job.
   */
  async start(id: string): Promise<ExportJobRow | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [[job]]: [ExportJobRow[], number] = await this.dataSource.query(
      `UPDATE export_jobs SET state = 'running', started_at = now()
       WHERE id = $1 AND state = 'waiting' RETURNING ${COLUMNS}`,
      [id],
    );
    return job ?? null;
  }

  async finish(id: string, file: { content: Buffer; rows: number }, retentionHours: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE export_jobs SET state = 'done', content = $2, size_bytes = $3, row_count = $4,
         finished_at = now(), expires_at = now() + make_interval(hours => $5)
       WHERE id = $1 AND state = 'running'`,
      [id, file.content, file.content.length, file.rows, retentionHours],
    );
  }

  async fail(id: string, message: string, retentionHours: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE export_jobs SET state = 'failed', error = $2, finished_at = now(),
         expires_at = now() + make_interval(hours => $3)
       WHERE id = $1 AND state = 'running'`,
      [id, message.slice(0, 2000), retentionHours],
    );
  }

  /** The role of the user who asked, and whether the account is still active. */
  async requester(userId: string): Promise<{ role: Role; active: boolean } | null> {
    const [user]: { role: Role; active: boolean }[] = await this.dataSource.query(
      `SELECT role, active FROM users WHERE id = $1`,
      [userId],
    );
    return user ?? null;
  }

  /** Removes expired exports with their files, and fails those whose process stopped while running. */
  async removeExpired(retentionHours: number, interruptedAfterSeconds: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM export_jobs WHERE expires_at <= now()`);
    await this.dataSource.query(
      `UPDATE export_jobs SET state = 'failed', error = 'The export was interrupted; ask for it again.',
         finished_at = now(), expires_at = now() + make_interval(hours => $1)
       WHERE state = 'running' AND started_at < now() - make_interval(secs => $2)`,
      [retentionHours, interruptedAfterSeconds],
    );
  }
}
