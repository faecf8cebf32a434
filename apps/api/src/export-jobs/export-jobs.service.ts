import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@hstf/domain';
import { DataSource } from 'typeorm';
import { exportStream, type ExportRequest } from '../common/export/export-file';
import type { ExportLanguage } from '../common/export/export-labels';
import { decodeCursor, limitOf, Page, PageQuery, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { validateRequest } from '../common/validation/validation-pipe';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService, QUEUES } from '../jobs';
import { PROJECT_LIST_ROLES, ProjectQuery, ProjectsService } from '../projects';
import {
  CreateExportRequest,
  ExportJobDto,
  ExportJobFormat,
  ExportJobState,
  ExportList,
} from './export-jobs.dto';

/** A list's query keys that page the JSON list and mean nothing to a whole-list file. */
const PAGING_KEYS = ['cursor', 'limit', 'format', 'lang'];

/** A running export older than its queue's expiry was cut off (its process stopped). */
const INTERRUPTED_AFTER_SECONDS = QUEUES.exportRun.expireInSeconds;

interface ExportJobRow {
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

/** The file of a finished export, as it is downloaded. */
export interface ExportJobFile {
  content: Buffer;
  type: string;
  filename: string;
  language: ExportLanguage;
}

/** Why an export was refused when it ran; its message is shown to the user who asked. */
class ExportRefused extends Error {}

/**
 * List exports prepared in the background: a request stores what to export and sends a job, which
 * writes the file with the same export code as the download in the request and keeps it in
 * PostgreSQL (any API process serves it) until it expires. The job runs as the user who asked: it
 * reads their role again, so one who lost the right to the list meanwhile gets no file.
 */
@Injectable()
export class ExportJobsService implements OnModuleInit {
  private readonly lists: Record<
    ExportList,
    {
      roles: readonly Role[];
      validate: (filters: Record<string, unknown>) => Promise<{ query: object; errors: FieldError[] }>;
      request: (query: object, format: ExportJobFormat) => ExportRequest<unknown>;
    }
  >;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    projects: ProjectsService,
  ) {
    this.lists = {
      projects: {
        roles: PROJECT_LIST_ROLES,
        validate: async (filters) => {
          const { request, errors } = await validateRequest(ProjectQuery, filters);
          return { query: request, errors };
        },
        request: (query, format) =>
          projects.exportRequest({ ...(query as ProjectQuery), format }) as ExportRequest<unknown>,
      },
    };
  }

  onModuleInit(): void {
    this.jobs.handle(QUEUES.exportRun.name, (data) => this.run(String(data.exportId)));
    this.jobs.handle(QUEUES.exportCleanup.name, () => this.removeExpired());
    this.jobs.scheduleOn(QUEUES.exportCleanup.name, '17 * * * *');
  }

  /**
   * Stores the request and sends its job in one transaction. No audit entry: an export reads the
   * list, and reads are not audited (the request in the list's route leaves none either).
   */
  async request(
    ctx: RequestContext,
    body: CreateExportRequest,
    language: ExportLanguage,
  ): Promise<ExportJobDto> {
    const user = ctx.actor;
    const list = this.lists[body.list];
    if (!list.roles.includes(user.role)) throw Problem.forbidden();
    const filters = Object.fromEntries(
      Object.entries(body.filters ?? {}).filter(([key]) => !PAGING_KEYS.includes(key)),
    );
    const { errors } = await list.validate(filters);
    if (errors.length) {
      throw Problem.validation(errors.map((error) => ({ ...error, field: `filters.${error.field}` })));
    }
    return this.dataSource.transaction(async (manager) => {
      const [row]: ExportJobRow[] = await manager.query(
        `INSERT INTO export_jobs (user_id, list, format, language, filters)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [user.id, body.list, body.format, language, JSON.stringify(filters)],
      );
      await this.jobs.send(QUEUES.exportRun.name, { exportId: row!.id }, {}, manager);
      return toDto(row!);
    });
  }

  /** The caller's exports, newest first. */
  async list(ctx: RequestContext, query: PageQuery): Promise<Page<ExportJobDto>> {
    const cursor = decodeCursor(query.cursor, 2);
    const params: unknown[] = [ctx.actor.id];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(limitOf(query) + 1);
    const rows: ExportJobRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM export_jobs WHERE user_id = $1 ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return pageOf(rows, query, (row) => [row.created_at.toISOString(), row.id], toDto);
  }

  /**
   * A finished export's file, for the user who asked or an admin; anyone else, like an expired
   * export, gets 404 (whether the export exists is not theirs to know).
   */
  async file(ctx: RequestContext, id: string): Promise<ExportJobFile> {
    const user = ctx.actor;
    const [row]: (ExportJobRow & { content: Buffer | null })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, content FROM export_jobs
       WHERE id = $1 AND (user_id = $2 OR $3) AND (expires_at IS NULL OR expires_at > now())`,
      [id, user.id, user.role === 'admin'],
    );
    if (!row) throw Problem.notFound('The export');
    if (row.state !== 'done' || !row.content) {
      throw Problem.conflict('export-not-ready', `The export has no file: it is ${row.state}.`);
    }
    const date = row.created_at.toISOString().slice(0, 10);
    return {
      content: row.content,
      type: row.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
      filename: `${row.list}-${date}.${row.format}`,
      language: row.language,
    };
  }

  /**
   * Runs one export. Taking it from waiting to running is the lock: a second delivery of the same
   * job finds it running and does nothing. A refusal or an error fails the export with its message
   * rather than the job, which has nothing to retry.
   */
  async run(exportId: string): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [[job]]: [ExportJobRow[], number] = await this.dataSource.query(
      `UPDATE export_jobs SET state = 'running', started_at = now()
       WHERE id = $1 AND state = 'waiting' RETURNING ${COLUMNS}`,
      [exportId],
    );
    if (!job) return;
    try {
      const { content, rows } = await this.write(job);
      await this.dataSource.query(
        `UPDATE export_jobs SET state = 'done', content = $2, size_bytes = $3, row_count = $4,
           finished_at = now(), expires_at = now() + make_interval(hours => $5)
         WHERE id = $1 AND state = 'running'`,
        [job.id, content, content.length, rows, this.config.jobs.exportRetentionHours],
      );
    } catch (error) {
      const message =
        error instanceof ExportRefused
          ? error.message
          : `The export could not be written: ${messageOf(error)}`;
      await this.dataSource.query(
        `UPDATE export_jobs SET state = 'failed', error = $2, finished_at = now(),
           expires_at = now() + make_interval(hours => $3)
         WHERE id = $1 AND state = 'running'`,
        [job.id, message.slice(0, 2000), this.config.jobs.exportRetentionHours],
      );
    }
  }

  private async write(job: ExportJobRow): Promise<{ content: Buffer; rows: number }> {
    const list = this.lists[job.list];
    const [user]: { role: Role; active: boolean }[] = await this.dataSource.query(
      `SELECT role, active FROM users WHERE id = $1`,
      [job.user_id],
    );
    if (!user?.active || !list.roles.includes(user.role)) {
      throw new ExportRefused('Your role no longer allows reading this list.');
    }
    const { query, errors } = await list.validate(job.filters);
    if (errors.length) throw new ExportRefused('The filters are no longer valid.');
    const spec = list.request(query, job.format);
    let rows = 0;
    async function* counted(): AsyncGenerator<unknown> {
      for await (const row of spec.rows) {
        rows += 1;
        yield row;
      }
    }
    const { stream } = exportStream({ ...spec, rows: counted() }, job.language);
    const chunks: Buffer[] = [];
    for await (const chunk of stream)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return { content: Buffer.concat(chunks), rows };
  }

  /** Removes expired exports with their files, and fails those whose process stopped while running. */
  async removeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM export_jobs WHERE expires_at <= now()`);
    await this.dataSource.query(
      `UPDATE export_jobs SET state = 'failed', error = 'The export was interrupted; ask for it again.',
         finished_at = now(), expires_at = now() + make_interval(hours => $1)
       WHERE state = 'running' AND started_at < now() - make_interval(secs => $2)`,
      [this.config.jobs.exportRetentionHours, INTERRUPTED_AFTER_SECONDS],
    );
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function toDto(row: ExportJobRow): ExportJobDto {
  return {
    id: row.id,
    list: row.list,
    format: row.format,
    filters: row.filters,
    state: row.state,
    error: row.error,
    rows: row.row_count,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
