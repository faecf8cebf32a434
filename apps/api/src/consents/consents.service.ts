import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned } from '../common/concurrency/versioned-update';
import { decodeCursor, limitOf, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { dateOnly } from '../common/validation/calendar-date';
import { preparedQuery } from '../database/prepared-query';
import {
  changeConsent,
  type ConsentRuleError,
  describeConsentRuleError,
  ConsentField,
  ConsentFields,
  ConsentOutcome,
  ConsentStatus,
  startConsent,
} from '@hstf/domain';
import {
  ConsentDto,
  ConsentEventDto,
  ConsentQuery,
  CreateConsentRequest,
  UpdateConsentRequest,
} from './consents.dto';

interface ConsentRow {
  id: string;
  project_id: string;
  country_iso3: string;
  status: ConsentStatus;
  requested_on: Date | string | null;
  granted_on: Date | string | null;
  valid_until: Date | string | null;
  withdrawn_on: Date | string | null;
  withdrawal_reason: string | null;
  issuing_office: string | null;
  signatory: string | null;
  document_reference: string | null;
  scope: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface ConsentEventRow {
  id: string;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor: a JS Date keeps only milliseconds. */
  occurred_at_key: string;
  actor_id: string | null;
  status: ConsentStatus;
  record: ConsentDto;
}

const ENTITY = 'consent record';
const AUDIT_ENTITY = 'consent_record';

const COLUMNS: Record<ConsentField | 'status', string> = {
  status: 'status',
  requestedOn: 'requested_on',
  grantedOn: 'granted_on',
  validUntil: 'valid_until',
  withdrawnOn: 'withdrawn_on',
  withdrawalReason: 'withdrawal_reason',
  issuingOffice: 'issuing_office',
  signatory: 'signatory',
  documentReference: 'document_reference',
  scope: 'scope',
};

/** The project is assigned to the reviewer $2, who did not declare a conflict with it. */
const ASSIGNED_REVIEWER = `AND EXISTS (SELECT 1 FROM reviews r WHERE r.project_id = p.id AND r.reviewer_id = $2
                                       AND r.status <> 'declined_conflict')`;

/** All that reviewers and donors may read of a consent record (DESIGN.md §5). */
const PUBLIC_FIELDS = ['id', 'countryIso3', 'status', 'requestedOn', 'grantedOn', 'validUntil'] as const;

@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, projectId: string, query: ConsentQuery): Promise<Page<ConsentDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const reviewer = ctx.user?.role === 'reviewer';
    if (reviewer) param(ctx.user.id);
    const where = ['c.project_id = p.id'];
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.country) where.push(`c.country_iso3 = ${param(query.country)}`);
    // One record per recipient country: the country is the key.
    const cursor = decodeCursor(query.cursor, 1);
    if (cursor) where.push(`c.country_iso3 > ${param(cursor[0])}`);
    // The project's check (assertProject's) and the page in one statement: no row means no project
    // this caller may read; a row without a record, an empty page.
    const rows = await preparedQuery<ConsentRow | { id: null }>(
      this.dataSource,
      `SELECT c.* FROM projects p
       LEFT JOIN LATERAL (SELECT c.* FROM consent_records c WHERE ${where.join(' AND ')}
                          ORDER BY c.country_iso3 LIMIT ${param(limit + 1)}) c ON true
       WHERE p.id = $1 AND p.deleted_at IS NULL ${reviewer ? ASSIGNED_REVIEWER : ''}
       ORDER BY c.country_iso3`,
      params,
    );
    if (!rows.length) throw Problem.notFound('The project');
    const records = rows.filter((row): row is ConsentRow => row.id !== null);
    const page = toPage(records, limit, (row) => [row.country_iso3]);
    return { ...page, items: page.items.map((row) => forCaller(ctx, toDto(row))) };
  }

  async get(ctx: RequestContext, projectId: string, id: string): Promise<ConsentDto> {
    await this.assertProject(this.dataSource.manager, projectId, false, ctx);
    return forCaller(ctx, await this.read(this.dataSource.manager, projectId, id));
  }

  /** Every change of the record, oldest first: in full for staff and admin only. */
  async history(
    ctx: RequestContext,
    projectId: string,
    id: string,
    query: PageQuery,
  ): Promise<Page<ConsentEventDto>> {
    await this.assertProject(this.dataSource.manager, projectId, false, ctx);
    await this.read(this.dataSource.manager, projectId, id);
    const limit = limitOf(query);
    const params: unknown[] = [id];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['consent_id = $1'];
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) {
      where.push(`(occurred_at, id) > (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    }
    const rows = await this.dataSource.query<ConsentEventRow[]>(
      `SELECT id, occurred_at, actor_id, status, record,
              to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
       FROM consent_events WHERE ${where.join(' AND ')}
       ORDER BY occurred_at, id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.occurred_at_key, row.id]);
    return { ...page, items: page.items.map((row) => eventForCaller(ctx, row)) };
  }

  async create(ctx: RequestContext, projectId: string, request: CreateConsentRequest): Promise<ConsentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertProject(manager, projectId, true);
      const [facts] = await manager.query<{ recipient: boolean; existing: string | null }[]>(
        `SELECT EXISTS (SELECT 1 FROM project_countries WHERE project_id = $1 AND country_iso3 = $2) AS recipient,
                (SELECT id FROM consent_records WHERE project_id = $1 AND country_iso3 = $2) AS existing`,
        [projectId, request.countryIso3],
      );
      const { countryIso3, ...initial } = request;
      const outcome = startConsent(initial);
      const errors: FieldError[] = [];
      if (!facts?.recipient) {
        errors.push({ field: 'countryIso3', message: 'is not a recipient country of this project' });
      }
      if (!outcome.ok && outcome.kind === 'fields') errors.push(...fieldErrorsOf(outcome.errors));
      if (errors.length) throw Problem.validation(errors);
      const record = accepted(outcome);
      if (facts?.existing) {
        throw Problem.conflict(
          'duplicate-consent',
          `This project already has a consent record for ${countryIso3}; change that one instead.`,
          { existingId: facts.existing },
        );
      }
      const fields = Object.keys(COLUMNS) as (keyof ConsentFields)[];
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO consent_records (project_id, country_iso3, ${fields.map((f) => COLUMNS[f]).join(', ')})
         VALUES ($1, $2, ${fields.map((_, index) => `$${index + 3}`).join(', ')}) RETURNING id`,
        [projectId, countryIso3, ...fields.map((field) => record[field])],
      );
      const created = await this.read(manager, projectId, row!.id);
      await this.recordHistory(manager, ctx, created);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: AUDIT_ENTITY,
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
  }

  async update(
    ctx: RequestContext,
    projectId: string,
    id: string,
    expectedVersion: number,
    request: UpdateConsentRequest,
  ): Promise<ConsentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertProject(manager, projectId, true);
      return changeVersioned<ConsentRow, ConsentDto>(manager, this.audit, ctx, {
        table: 'consent_records',
        entityLabel: ENTITY,
        auditEntity: AUDIT_ENTITY,
        id,
        expectedVersion,
        absent: (row) => row.project_id !== projectId,
        read: toDto,
        decide: (_, current) => {
          const { version: _version, ...change } = request;
          const before = fieldsOf(current);
          const record = accepted(changeConsent(before, change));
          const set: Record<string, unknown> = {};
          for (const field of Object.keys(COLUMNS) as (keyof ConsentFields)[]) {
            if (record[field] !== before[field]) set[COLUMNS[field]] = record[field];
          }
          return { set };
        },
        recorded: (_, after) => this.recordHistory(manager, ctx, after),
      });
    });
  }

  /** The history entry of a change, in the change's own transaction (beside its audit entry). */
  private async recordHistory(manager: EntityManager, ctx: RequestContext, after: ConsentDto): Promise<void> {
    await manager.query(
      `INSERT INTO consent_events (consent_id, actor_id, status, record) VALUES ($1, $2, $3, $4::jsonb)`,
      [after.id, ctx.user?.id ?? null, after.status, JSON.stringify(after)],
    );
  }

  /**
   * A soft-deleted or unknown project answers 404 on every nested route. Writers hold the project
   * row (FOR SHARE) so it cannot be deleted under them. A reviewer reads the consents of the projects
   * they are assigned to and did not withdraw from for a conflict (DESIGN.md §5); any other is 404.
   */
  private async assertProject(
    manager: EntityManager,
    projectId: string,
    forWrite: boolean,
    reader?: RequestContext,
  ): Promise<void> {
    const reviewer = reader?.user?.role === 'reviewer';
    const rows = await manager.query<{ id: string }[]>(
      `SELECT p.id FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL
       ${reviewer ? ASSIGNED_REVIEWER : ''} ${forWrite ? 'FOR SHARE' : ''}`,
      reviewer ? [projectId, reader.user.id] : [projectId],
    );
    if (!rows.length) throw Problem.notFound('The project');
  }

  private async read(manager: EntityManager, projectId: string, id: string): Promise<ConsentDto> {
    const [row] = await manager.query<ConsentRow[]>(
      `SELECT * FROM consent_records WHERE id = $1 AND project_id = $2`,
      [id, projectId],
    );
    if (!row) throw Problem.notFound('The consent record');
    return toDto(row);
  }
}

/** The record the rules accepted; otherwise 422 for a status change not allowed, 400 for fields. */
function accepted(outcome: ConsentOutcome): ConsentFields {
  if (outcome.ok) return outcome.record;
  if (outcome.kind === 'fields') throw Problem.validation(fieldErrorsOf(outcome.errors));
  throw new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'consent-status-change',
    'Status change not allowed',
    `A consent record cannot go from ${outcome.from} to ${outcome.to}. From ${outcome.from} it can go to: ` +
      `${outcome.allowed.join(', ')}.`,
    { from: outcome.from, to: outcome.to, allowed: outcome.allowed },
  );
}

function fieldErrorsOf(errors: readonly ConsentRuleError[]): FieldError[] {
  return errors.map((error) => ({ field: error.field, message: describeConsentRuleError(error) }));
}

function seesEverything(ctx: RequestContext): boolean {
  return ctx.user?.role === 'admin' || ctx.user?.role === 'staff';
}

function publicView(record: ConsentDto): ConsentDto {
  const view: Partial<ConsentDto> = {};
  for (const field of PUBLIC_FIELDS) Object.assign(view, { [field]: record[field] ?? null });
  return view as ConsentDto;
}

function forCaller(ctx: RequestContext, record: ConsentDto): ConsentDto {
  return seesEverything(ctx) ? record : publicView(record);
}

/** Staff and admin: all of it. Reviewers: the status fields of the record. Donors: status and date only. */
function eventForCaller(ctx: RequestContext, row: ConsentEventRow): ConsentEventDto {
  const event: ConsentEventDto = {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    status: row.status,
  };
  if (seesEverything(ctx)) return { ...event, actorId: row.actor_id, record: row.record };
  if (ctx.user?.role === 'reviewer') return { ...event, record: publicView(row.record) };
  return event;
}

function fieldsOf(record: ConsentDto): ConsentFields {
  return {
    status: record.status,
    requestedOn: record.requestedOn,
    grantedOn: record.grantedOn,
    validUntil: record.validUntil,
    withdrawnOn: record.withdrawnOn ?? null,
    withdrawalReason: record.withdrawalReason ?? null,
    issuingOffice: record.issuingOffice ?? null,
    signatory: record.signatory ?? null,
    documentReference: record.documentReference ?? null,
    scope: record.scope ?? null,
  };
}

function toDto(row: ConsentRow): ConsentDto {
  return {
    id: row.id,
    countryIso3: row.country_iso3,
    status: row.status,
    requestedOn: dateOnly(row.requested_on),
    grantedOn: dateOnly(row.granted_on),
    validUntil: dateOnly(row.valid_until),
    projectId: row.project_id,
    withdrawnOn: dateOnly(row.withdrawn_on),
    withdrawalReason: row.withdrawal_reason,
    issuingOffice: row.issuing_office,
    signatory: row.signatory,
    documentReference: row.document_reference,
    scope: row.scope,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
