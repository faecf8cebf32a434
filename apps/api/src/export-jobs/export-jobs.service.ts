import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROJECT_LIST_ROLES, type Role } from '@hstf/domain';
import { DataSource } from 'typeorm';
import { exportStream, type ExportRequest } from '../common/export/export-file';
import type { ExportLanguage } from '../common/export/export-labels';
import { Page, PageQuery, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { validateRequest } from '../common/validation/validation-pipe';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService, QUEUES } from '../jobs';
import { ProjectQuery, ProjectsService } from '../projects';
import { CreateExportRequest, ExportJobDto, ExportJobFormat, ExportList } from './export-jobs.dto';
import { ExportJobRow, ExportJobsRepository } from './export-jobs.repository';

/** A list's query keys that page the JSON list and mean nothing to a whole-list file. */
const PAGING_KEYS = ['cursor', 'limit', 'format', 'lang'];

/** A running export older than its queue's expiry was cut off (its process stopped). */
const INTERRUPTED_AFTER_SECONDS = QUEUES.exportRun.expireInSeconds;

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
    private readonly exports: ExportJobsRepository,
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
      const row = await this.exports.insert(manager, {
        userId: user.id,
        list: body.list,
        format: body.format,
        language,
        filters,
      });
      await this.jobs.send(QUEUES.exportRun.name, { exportId: row.id }, {}, manager);
      return toDto(row);
    });
  }

  /** The caller's exports, newest first. */
  async list(ctx: RequestContext, query: PageQuery): Promise<Page<ExportJobDto>> {
    const rows = await this.exports.pageOfUser(ctx.actor.id, query);
    return pageOf(rows, query, (row) => [row.created_at.toISOString(), row.id], toDto);
  }

  /**
   * A finished export's file, for the user who asked or an admin; anyone else, like an expired
   * export, gets 404 (whether the export exists is not theirs to know).
   */
  async file(ctx: RequestContext, id: string): Promise<ExportJobFile> {
    const row = await this.exports.withFile(id, ctx.actor);
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
    const job = await this.exports.start(exportId);
    if (!job) return;
    const retentionHours = this.config.jobs.exportRetentionHours;
    try {
      await this.exports.finish(job.id, await this.write(job), retentionHours);
    } catch (error) {
      const message =
        error instanceof ExportRefused
          ? error.message
          : `The export could not be written: ${messageOf(error)}`;
      await this.exports.fail(job.id, message, retentionHours);
    }
  }

  private async write(job: ExportJobRow): Promise<{ content: Buffer; rows: number }> {
    const list = this.lists[job.list];
    const user = await this.exports.requester(job.user_id);
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
  removeExpired(): Promise<void> {
    return this.exports.removeExpired(this.config.jobs.exportRetentionHours, INTERRUPTED_AFTER_SECONDS);
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
