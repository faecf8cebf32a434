import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned } from '../common/concurrency/versioned-update';
import { limitOf, Page, PageQuery, pageOf } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { assertProjectInScope } from '../projects';
import {
  changeConsent,
  type ConsentRuleError,
  describeConsentRuleError,
  ConsentFields,
  ConsentOutcome,
  startConsent,
} from '@hstf/domain';
import {
  ConsentDto,
  ConsentEventDto,
  ConsentQuery,
  CreateConsentRequest,
  UpdateConsentRequest,
} from './consents.dto';
import {
  CONSENT_COLUMNS,
  ConsentEventRow,
  ConsentRow,
  ConsentsRepository,
  toConsentDto as toDto,
} from './consents.repository';

const ENTITY = 'consent record';
const AUDIT_ENTITY = 'consent_record';

/** All that reviewers and donors may read of a consent record (DESIGN.md §5). */
const PUBLIC_FIELDS = ['id', 'countryIso3', 'status', 'requestedOn', 'grantedOn', 'validUntil'] as const;

@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ConsentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, projectId: string, query: ConsentQuery): Promise<Page<ConsentDto>> {
    const reviewerId = ctx.user?.role === 'reviewer' ? ctx.user.id : null;
    const records = await this.repository.listPage(projectId, reviewerId, query, limitOf(query));
    if (!records) throw Problem.notFound('The project');
    return pageOf(
      records,
      query,
      (row) => [row.country_iso3],
      (row) => forCaller(ctx, toDto(row)),
    );
  }

  async get(ctx: RequestContext, projectId: string, id: string): Promise<ConsentDto> {
    await assertProjectInScope(this.dataSource.manager, projectId, false, ctx);
    return forCaller(ctx, await this.read(this.dataSource.manager, projectId, id));
  }

  /** Every change of the record, oldest first: in full for staff and admin only. */
  async history(
    ctx: RequestContext,
    projectId: string,
    id: string,
    query: PageQuery,
  ): Promise<Page<ConsentEventDto>> {
    await assertProjectInScope(this.dataSource.manager, projectId, false, ctx);
    await this.read(this.dataSource.manager, projectId, id);
    const rows = await this.repository.history(id, query, limitOf(query));
    return pageOf(
      rows,
      query,
      (row) => [row.occurred_at_key, row.id],
      (row) => eventForCaller(ctx, row),
    );
  }

  async create(ctx: RequestContext, projectId: string, request: CreateConsentRequest): Promise<ConsentDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertProjectInScope(manager, projectId, true);
      const facts = await this.repository.countryFacts(manager, projectId, request.countryIso3);
      const { countryIso3, ...initial } = request;
      const outcome = startConsent(initial);
      const errors: FieldError[] = [];
      if (!facts.recipient) {
        errors.push({ field: 'countryIso3', message: 'is not a recipient country of this project' });
      }
      if (!outcome.ok && outcome.kind === 'fields') errors.push(...fieldErrorsOf(outcome.errors));
      if (errors.length) throw Problem.validation(errors);
      const record = accepted(outcome);
      if (facts.existing) {
        throw Problem.conflict(
          'duplicate-consent',
          `This project already has a consent record for ${countryIso3}; change that one instead.`,
          { existingId: facts.existing },
        );
      }
      const id = await this.repository.insert(manager, projectId, countryIso3, record);
      const created = await this.read(manager, projectId, id);
      await this.recordHistory(manager, ctx, created);
      await this.audit.recordCreation(manager, ctx, AUDIT_ENTITY, created);
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
      await assertProjectInScope(manager, projectId, true);
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
          for (const field of Object.keys(CONSENT_COLUMNS) as (keyof ConsentFields)[]) {
            if (record[field] !== before[field]) set[CONSENT_COLUMNS[field]] = record[field];
          }
          return { set };
        },
        recorded: (_, after) => this.recordHistory(manager, ctx, after),
      });
    });
  }

  /** The history entry of a change, in the change's own transaction (beside its audit entry). */
  private recordHistory(manager: EntityManager, ctx: RequestContext, after: ConsentDto): Promise<void> {
    return this.repository.insertEvent(manager, ctx.user?.id ?? null, after);
  }

  private async read(manager: EntityManager, projectId: string, id: string): Promise<ConsentDto> {
    const row = await this.repository.get(manager, projectId, id);
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
