import { allowedTransitions, checkTransition, describeTransitionFailure, STAGE_LABELS } from '@hstf/domain';
import type { Stage, TransitionCheck } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { lockForUpdate, updateVersioned } from '../common/concurrency/versioned-update';
import { decodeCursor, limitOf, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc, worded } from '../compliance';
import {
  TransitionDto,
  TransitionFailureDto,
  TransitionOptionsDto,
  TransitionRequest,
  TransitionResultDto,
} from './lifecycle.dto';
import { gatherFacts, ProjectRow } from './transition-facts';

const ENTITY = 'project';

/**
 * The one lock every change of the Fund's available balance takes before reading it: approvals
 * here, and (migration 1763870000007) every write to contributions. Transaction-scoped, so it is
 * released by the commit or the rollback.
 */
export const FUND_LEDGER_LOCK = `SELECT pg_advisory_xact_lock(hashtext('fund-ledger'))`;

interface TransitionRow {
  id: string;
  project_id: string;
  from_stage: Stage;
  to_stage: Stage;
  note: string;
  decided_on: string;
  actor_id: string | null;
  actor_name: string | null;
  evidence: Record<string, unknown> | null;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor: a JS Date keeps only milliseconds. */
  occurred_at_key: string;
}

const SELECT_TRANSITIONS = `
  SELECT t.id, t.project_id, t.from_stage, t.to_stage, t.note, t.decided_on::text, t.actor_id,
         u.name AS actor_name, t.evidence, t.occurred_at,
         to_char(t.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
  FROM project_transitions t LEFT JOIN users u ON u.id = t.actor_id`;

function failuresOf(check: TransitionCheck): TransitionFailureDto[] {
  return check.failures.map((failure) => worded(failure, describeTransitionFailure));
}

function seesEverything(ctx: RequestContext): boolean {
  return ctx.user?.role === 'admin' || ctx.user?.role === 'staff';
}

/**
 * The lifecycle of DESIGN.md §4.3: a transition is checked by libs/domain's checkTransition on facts
 * gathered under the project's row lock (and, for an approval, the Fund's ledger lock), and is
 * applied with its history row and its audit entry in the same transaction, or not at all.
 */
@Injectable()
export class LifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly compliance: ComplianceService,
  ) {}

  async transition(
    ctx: RequestContext,
    projectId: string,
    expectedVersion: number,
    request: TransitionRequest,
  ): Promise<TransitionResultDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const project = await lockForUpdate<ProjectRow>(manager, 'projects', ENTITY, projectId);
      if (project.deleted_at) throw Problem.notFound('The project');
      if (project.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, project.version);
      }
      const decidedOn = await this.decisionDate(manager, projectId, request.decidedOn);
      // Two approvals racing for the last of the available balance: the second one reads the
      // balance only once the first has committed (or rolled back), so both cannot pass.
      if (request.to === 'approved') await manager.query(FUND_LEDGER_LOCK);
      const gathered = (await gatherFacts(manager, this.compliance, project, [request.to], decidedOn))[
        request.to
      ]!;
      const check = checkTransition(project.stage, request.to, gathered.facts);
      if (!check.allowed) throw refusal(check, project.code);

      await updateVersioned(manager, {
        table: 'projects',
        entityLabel: ENTITY,
        id: projectId,
        expectedVersion,
        set: { stage: request.to },
      });
      const [inserted] = await manager.query<{ id: string }[]>(
        `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on, actor_id, evidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
        [
          projectId,
          project.stage,
          request.to,
          request.note,
          decidedOn,
          ctx.user?.id ?? null,
          JSON.stringify({ gate: gateOf(request.to), ...gathered.evidence }),
        ],
      );
      const [row] = await manager.query<TransitionRow[]>(`${SELECT_TRANSITIONS} WHERE t.id = $1`, [
        inserted!.id,
      ]);
      const transition = toDto(row!, true);
      const version = project.version + 1;
      await this.audit.record(manager, ctx, {
        action: 'transition',
        entity: ENTITY,
        entityId: projectId,
        before: { stage: project.stage, version: project.version },
        after: { stage: request.to, version, transition },
      });
      return { projectId, stage: request.to, version, transition };
    });
    return result;
  }

  /** Every move open from the current stage, checked now, without changing anything. */
  async options(projectId: string): Promise<TransitionOptionsDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const [project] = await manager.query<ProjectRow[]>(
        `SELECT * FROM projects WHERE id = $1 AND deleted_at IS NULL`,
        [projectId],
      );
      if (!project) throw Problem.notFound('The project');
      const on = todayUtc();
      const targets = allowedTransitions(project.stage);
      const gathered = await gatherFacts(manager, this.compliance, project, targets, on);
      return {
        projectId,
        stage: project.stage,
        version: project.version,
        on,
        options: targets.map((to) => {
          const check = checkTransition(project.stage, to, gathered[to]!.facts);
          return { to, allowed: check.allowed, failures: failuresOf(check) };
        }),
      };
    });
  }

  /** The transitions of a project, oldest first; donors see the moves and their dates only. */
  async history(ctx: RequestContext, projectId: string, query: PageQuery): Promise<Page<TransitionDto>> {
    const [project] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL`,
      [projectId],
    );
    if (!project) throw Problem.notFound('The project');
    const limit = limitOf(query);
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['t.project_id = $1'];
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) {
      where.push(`(t.occurred_at, t.id) > (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    }
    const rows = await this.dataSource.query<TransitionRow[]>(
      `${SELECT_TRANSITIONS} WHERE ${where.join(' AND ')}
       ORDER BY t.occurred_at, t.id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.occurred_at_key, row.id]);
    return { ...page, items: page.items.map((row) => toDto(row, seesEverything(ctx))) };
  }

  /**
   * The decision date: today unless given; never in the future, never before the previous decision,
   * so the history reads in order.
   */
  private async decisionDate(manager: EntityManager, projectId: string, given?: string): Promise<string> {
    const today = todayUtc();
    const decidedOn = given ?? today;
    if (decidedOn > today) {
      throw Problem.validation([{ field: 'decidedOn', message: `must not be after today (${today})` }]);
    }
    const [last] = await manager.query<{ decided_on: string }[]>(
      `SELECT max(decided_on)::text AS decided_on FROM project_transitions WHERE project_id = $1`,
      [projectId],
    );
    if (last?.decided_on && decidedOn < last.decided_on) {
      throw Problem.validation([
        {
          field: 'decidedOn',
          message: `must not be before ${last.decided_on}, the date of the previous decision`,
        },
      ]);
    }
    return decidedOn;
  }
}

function gateOf(to: Stage): string | null {
  return to === 'under_review'
    ? 'proposal'
    : to === 'approved'
      ? 'approval'
      : to === 'active'
        ? 'activation'
        : null;
}

/** 422 with every failed gate; the transaction rolls back, so nothing is changed. */
function refusal(check: TransitionCheck, code: string): Problem {
  const failures = failuresOf(check);
  return new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'transition-refused',
    'Transition refused',
    `Project ${code} cannot move from ${STAGE_LABELS[check.from].toLowerCase()} to ` +
      `${STAGE_LABELS[check.to].toLowerCase()}. ${failures.map((f) => f.message).join(' ')}`,
    { from: check.from, to: check.to, failures },
  );
}

function toDto(row: TransitionRow, staff: boolean): TransitionDto {
  const dto: TransitionDto = {
    id: row.id,
    projectId: row.project_id,
    from: row.from_stage,
    to: row.to_stage,
    decidedOn: row.decided_on,
    occurredAt: row.occurred_at.toISOString(),
  };
  if (!staff) return dto;
  return { ...dto, note: row.note, actorId: row.actor_id, actorName: row.actor_name, evidence: row.evidence };
}
