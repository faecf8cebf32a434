import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@hstf/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit';
import type { ExportLanguage } from '../common/export/export-labels';
import { Page, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { validateRequest } from '../common/validation/validation-pipe';
import { ConsentsService } from '../consents';
import { ContributionsService } from '../contributions';
import { JobsService, QUEUES } from '../jobs';
import { ProjectsService } from '../projects';
import { StrategiesService } from '../strategies';
import { formatOf, ImportSheet, readSheet } from './import-file';
import {
  IMPORT_DEFINITIONS,
  ImportKind,
  ImportKindDefinition,
  ImportServices,
  REFERENCE_MESSAGES,
  resolveReference,
} from './import-kinds';
import { AuditedUpdate, cellValue, fieldChanges, mapHeaders, MappedColumn } from './import-columns';
import { importLabel } from './import-labels';
import { ImportChange, ImportDto, ImportQuery, ImportRowError, ImportSummaryDto } from './imports.dto';
import { ImportRow, ImportsRepository } from './imports.repository';

/** Files up to this many rows are checked and written while the request waits; larger ones in the background. */
export const SYNC_ROW_LIMIT = 1_000;
const MAX_ERRORS_KEPT = 5_000;
const MAX_CHANGES_SHOWN = 1_000;
const PROGRESS_EVERY = 200;
const ENTITY = 'import';

type Mode = 'check' | 'write';

interface JobActor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Bulk import of projects, contributions, consents and national strategies from CSV or Excel.
 *
 * A row that names an existing record by its kind's stable key (a project's code; a contribution's
 * donor and reference; a consent's project and country; a strategy's country and title) changes
 * that record through its feature's `update` (changeVersioned: one audit entry, none when nothing
 * differs); any other row creates one. Every row is created or changed by its feature's own service (the same DTO checks, domain rules, audit
 * entry and side effects as the single-record route), all in one transaction: the service's
 * `dataSource` is replaced, for the import only, by one whose `transaction` runs on the import's
 * transaction. Each row runs under a savepoint, so a refused row is undone alone and the following
 * rows are still checked against what the earlier ones created. A dry run rolls the whole
 * transaction back; a confirmed run commits only when no row is at fault, else writes nothing.
 */
@Injectable()
export class ImportsService implements OnModuleInit {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ImportsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(QUEUES.imports.name, (data) => this.runJob(data));
  }

  async upload(
    ctx: RequestContext,
    kind: ImportKind,
    file: { buffer: Buffer; originalname: string } | undefined,
    language: ExportLanguage,
  ): Promise<ImportDto> {
    if (!file || file.buffer.length === 0) {
      throw Problem.validation([{ field: 'file', message: 'must be a CSV or Excel file with a header row' }]);
    }
    const format = await formatOf(file.buffer);
    const sheet = await readSheet(file.buffer, format);
    mapHeaders(IMPORT_DEFINITIONS[kind], sheet.headers, language);
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.imports.insert(manager, {
        kind,
        fileName: fileNameOf(file.originalname),
        format,
        content: file.buffer,
        totalRows: sheet.rows.length,
        userId: ctx.actor.id,
        userEmail: ctx.actor.email,
      });
      const created = await this.summary(manager, inserted);
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created.id;
    });
    await this.start(ctx, id, 'check', sheet.rows.length);
    return this.get(id);
  }

  /** Writes the rows of a checked import with no errors; 409 on a stale version or a wrong state. */
  async confirm(ctx: RequestContext, id: string, expectedVersion: number): Promise<ImportDto> {
    const total = await this.dataSource.transaction(async (manager) => {
      const current = await this.imports.lockedState(manager, id);
      if (!current) throw Problem.notFound('The import');
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      if (current.status !== 'checked') {
        throw Problem.conflict(
          'import-not-checked',
          `Only a checked import can be confirmed; this one is ${current.status}.`,
        );
      }
      if (current.error_count > 0) {
        throw new Problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'import-has-errors',
          'The file has errors',
          `${current.error_count} rows are at fault: correct the file and upload it again. Nothing was written.`,
        );
      }
      await this.imports.markImporting(manager, id);
      return current.total_rows;
    });
    await this.start(ctx, id, 'write', total);
    const after = await this.get(id);
    if (after.status === 'checked' && after.errorCount > 0) {
      // The records changed since the dry run: the write found errors, and wrote nothing.
      throw new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'import-has-errors',
        'The file has errors',
        `${after.errorCount} rows are at fault now; nothing was written. See the import's errors.`,
        { errors: after.errors.slice(0, 200).map(asFieldError) },
      );
    }
    return after;
  }

  async get(id: string): Promise<ImportDto> {
    const row = await this.imports.withDetail(id, MAX_CHANGES_SHOWN);
    if (!row) throw Problem.notFound('The import');
    return { ...toSummary(row), errors: row.errors ?? [], changes: row.changes ?? [] };
  }

  async list(query: ImportQuery): Promise<Page<ImportSummaryDto>> {
    const rows = await this.imports.page(query);
    return pageOf(rows, query, (row) => [row.created_at.toISOString(), row.id], toSummary);
  }

  /** Runs a pass now (a small file) or sends it to the background (a large one). */
  private async start(ctx: RequestContext, id: string, mode: Mode, rows: number): Promise<void> {
    if (rows <= SYNC_ROW_LIMIT) {
      await this.run(ctx, id, mode);
      return;
    }
    const actor: JobActor = {
      id: ctx.actor.id,
      email: ctx.actor.email,
      name: ctx.actor.name,
      role: ctx.actor.role,
    };
    await this.jobs.send(QUEUES.imports.name, { importId: id, mode, actor, requestId: ctx.requestId });
  }

  private async runJob(data: Record<string, unknown>): Promise<void> {
    const actor = data.actor as JobActor;
    const ctx = new RequestContext(
      typeof data.requestId === 'string' ? data.requestId : '',
      { ...actor, donorId: null, sessionId: '' },
      null,
    );
    await this.run(ctx, String(data.importId), data.mode === 'write' ? 'write' : 'check');
  }

  private async run(ctx: RequestContext, id: string, mode: Mode): Promise<void> {
    const stored = await this.imports.stored(id);
    // A job run twice (its worker lost before it was marked done) finds the pass already finished.
    if (!stored || stored.status !== (mode === 'check' ? 'checking' : 'importing')) return;
    const definition = IMPORT_DEFINITIONS[stored.kind];
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const sheet = await readSheet(stored.content, stored.file_format);
      const columns = mapHeaders(definition, sheet.headers, 'en');
      await runner.startTransaction();
      const outcome = await this.passOver(runner.manager, ctx, id, definition, columns, sheet);
      if (mode === 'write' && outcome.errors.length === 0) {
        await this.finish(runner.manager, ctx, id, outcome.changes);
        await runner.commitTransaction();
        return;
      }
      await runner.rollbackTransaction();
      await this.imports.markChecked(id, {
        errors: outcome.errors.slice(0, MAX_ERRORS_KEPT),
        rowsAtFault: new Set(outcome.errors.map((error) => error.row)).size,
        // Rolled back: the ids of the records the rows would create named nothing that exists.
        changes: outcome.changes.map((change) =>
          change.action === 'create' ? { ...change, id: null } : change,
        ),
      });
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Import ${id} failed: ${message}`);
      await this.imports.markFailed(id, message.slice(0, 2000));
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Every row through its feature's service, each under a savepoint, in the import's transaction. */
  private async passOver(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    definition: ImportKindDefinition,
    columns: MappedColumn[],
    sheet: ImportSheet,
  ): Promise<{ errors: ImportRowError[]; changes: ImportChange[] }> {
    const audited: AuditedUpdate[] = [];
    const services = this.servicesOn(manager, audited);
    const references = new Map<string, string | null>();
    const errors: ImportRowError[] = [];
    const changes: ImportChange[] = [];
    const headerOf = (field: string) =>
      columns.find((mapped) => mapped.column.field === field.split('.')[0])?.header ?? field;

    for (const [index, line] of sheet.rows.entries()) {
      if (index > 0 && index % PROGRESS_EVERY === 0) await this.progress(id, index);
      const rowErrors: ImportRowError[] = [];
      const plain: Record<string, unknown> = {};
      const args: Record<string, string> = {};
      const blank = new Set<string>();
      for (const { column, index: at, header } of columns) {
        const text = (line.cells[at] ?? '').trim();
        if (text === '') {
          if (column.required) {
            blank.add(column.field);
            rowErrors.push({ row: line.row, column: header, message: 'is required' });
          }
          continue;
        }
        if (column.cell === 'shares') {
          const shares = await this.sharesOf(manager, references, text);
          if (typeof shares === 'string') {
            blank.add(column.field);
            rowErrors.push({ row: line.row, column: header, message: shares });
          } else plain[column.field] = shares;
          continue;
        }
        if (column.reference) {
          const key = `${column.reference}:${text.toLowerCase()}`;
          let found = references.get(key);
          if (found === undefined) {
            found = await resolveReference(manager, column.reference, text);
            references.set(key, found);
          }
          if (!found) {
            blank.add(column.field);
            rowErrors.push({ row: line.row, column: header, message: REFERENCE_MESSAGES[column.reference] });
            continue;
          }
          if (column.argument) args[column.field] = found;
          else plain[column.field] = found;
          continue;
        }
        plain[column.field] = cellValue(column, column.upper ? text.toUpperCase() : text);
      }
      for (const { column } of columns) {
        // A column left out of the file is as a blank cell, for the arguments the DTO does not check.
        if (column.argument && column.required && !args[column.field] && !blank.has(column.field)) {
          rowErrors.push({ row: line.row, column: importLabel(column.label, 'en'), message: 'is required' });
        }
      }
      let existing: Awaited<ReturnType<ImportKindDefinition['existing']>> = null;
      if (!rowErrors.length) {
        existing = await definition.existing(manager, plain, args);
        if (typeof existing === 'string') {
          errors.push({ row: line.row, column: null, message: existing });
          continue;
        }
      }
      if (!existing) definition.prepare?.(plain);
      const { request, errors: fieldErrors } = await validateRequest(definition.request, plain);
      for (const error of fieldErrors) {
        if (blank.has(error.field.split('.')[0]!)) continue;
        rowErrors.push({ row: line.row, column: headerOf(error.field), message: error.message });
      }
      if (rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      await manager.query('SAVEPOINT import_row');
      try {
        if (existing) {
          audited.length = 0;
          const updated = await definition.update(services, ctx, manager, existing, request, args);
          const entry = audited.find((change) => change.entityId === existing.id);
          const fields = entry ? fieldChanges(definition, columns, entry) : [];
          changes.push({
            row: line.row,
            action: fields.length ? 'update' : 'unchanged',
            summary: updated.summary,
            id: existing.id,
            fields,
          });
        } else {
          const created = await definition.create(services, ctx, request, args);
          changes.push({
            row: line.row,
            action: 'create',
            summary: created.summary,
            id: created.id,
            fields: [],
          });
        }
        await manager.query('RELEASE SAVEPOINT import_row');
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT import_row');
        errors.push(...refusalOf(error, line.row, headerOf));
      }
    }
    await this.progress(id, sheet.rows.length);
    return { errors, changes };
  }

  /** A shares cell ("UNDP = 600000; WFP = 400000") as the request's organizations, or what is wrong. */
  private async sharesOf(
    manager: EntityManager,
    references: Map<string, string | null>,
    text: string,
  ): Promise<{ organizationId: string; budgetShare: string }[] | string> {
    const shares: { organizationId: string; budgetShare: string }[] = [];
    for (const item of text.split(';').map((part) => part.trim())) {
      if (item === '') continue;
      const at = item.lastIndexOf('=');
      const name = at > 0 ? item.slice(0, at).trim() : '';
      const amount = at > 0 ? item.slice(at + 1).trim() : '';
      if (!name || !amount) return `"${item}" must read organization = amount, such as UNDP = 600000.00`;
      const key = `organization:${name.toLowerCase()}`;
      let found = references.get(key);
      if (found === undefined) {
        found = await resolveReference(manager, 'organization', name);
        references.set(key, found);
      }
      if (!found) return `"${name}" ${REFERENCE_MESSAGES.organization}`;
      shares.push({ organizationId: found, budgetShare: amount });
    }
    return shares;
  }

  private async finish(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    changes: ImportChange[],
  ): Promise<void> {
    const before = await this.summary(manager, id);
    await this.imports.markImported(manager, id, changes);
    const after = await this.summary(manager, id);
    await this.audit.record(manager, ctx, { action: 'import', entity: ENTITY, entityId: id, before, after });
  }

  private progress(id: string, processed: number): Promise<void> {
    return this.imports.progress(id, processed);
  }

  private async summary(manager: EntityManager, id: string): Promise<ImportSummaryDto> {
    return toSummary((await this.imports.summary(manager, id))!);
  }

  /**
   * Each feature's service as it is, except that its `dataSource.transaction` joins the import's
   * transaction instead of opening one: the rows go through the exact code of the single-record routes.
   */
  private servicesOn(manager: EntityManager, audited: AuditedUpdate[]): ImportServices {
    const joined = joinedDataSource(this.dataSource, manager);
    // The same audit trail, also telling the import what each update changed (before and after).
    const audit = Object.create(this.audit, {
      recordUpdate: {
        value: (m: EntityManager, c: RequestContext, change: AuditedUpdate) => {
          audited.push(change);
          return this.audit.recordUpdate(m, c, change);
        },
      },
    }) as AuditService;
    const bound = <T extends object>(type: Type<T>): T => {
      const service = this.moduleRef.get(type, { strict: false });
      for (const property of ['dataSource', 'audit']) {
        if (!Object.prototype.hasOwnProperty.call(service, property)) {
          throw new Error(`${type.name} no longer keeps its ${property} as "${property}"`);
        }
      }
      return Object.create(service, { dataSource: { value: joined }, audit: { value: audit } }) as T;
    };
    return {
      projects: bound(ProjectsService),
      contributions: bound(ContributionsService),
      consents: bound(ConsentsService),
      strategies: bound(StrategiesService),
    };
  }
}

/** A DataSource whose transactions and queries run on `manager`'s transaction. */
function joinedDataSource(dataSource: DataSource, manager: EntityManager): DataSource {
  return new Proxy(dataSource, {
    get(target, property, receiver) {
      if (property === 'transaction') {
        return (first: unknown, second?: unknown) => {
          const work = (typeof first === 'function' ? first : second) as (m: EntityManager) => unknown;
          return work(manager);
        };
      }
      if (property === 'manager') return manager;
      if (property === 'query') return manager.query.bind(manager);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** A row refused by its service: the problem's field errors, or its detail for the row as a whole. */
function refusalOf(error: unknown, row: number, headerOf: (field: string) => string): ImportRowError[] {
  if (error instanceof Problem) {
    const fields = error.extensions.errors as FieldError[] | undefined;
    if (Array.isArray(fields) && fields.length) {
      return fields.map((field) => ({ row, column: headerOf(field.field), message: field.message }));
    }
    return [{ row, column: null, message: error.detail ?? error.title }];
  }
  if (error instanceof QueryFailedError) {
    const constraint = (error.driverError as { constraint?: string }).constraint;
    return [
      { row, column: null, message: `is refused by the database${constraint ? ` (${constraint})` : ''}` },
    ];
  }
  throw error;
}

function asFieldError(error: ImportRowError): FieldError {
  return { field: `row ${error.row}${error.column ? ` · ${error.column}` : ''}`, message: error.message };
}

function fileNameOf(name: string): string {
  // Only the last part of a path, without control characters, bounded.
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((char) => char >= ' ' && char !== '\u007F').join('');
  return printable.slice(0, 200) || 'import';
}

function toSummary(row: ImportRow): ImportSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    format: row.file_format,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    errorCount: row.error_count,
    changeCount: row.create_count + row.update_count,
    createCount: row.create_count,
    updateCount: row.update_count,
    unchangedCount: row.unchanged_count,
    failure: row.failure,
    createdByEmail: row.created_by_email,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
