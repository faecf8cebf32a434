import {
  allowedTransitions,
  checkTransition,
  describeTransitionFailure,
  resumptionTargets,
  STAGE_LABELS,
} from '@hstf/domain';
import type { Stage, TransitionCheck } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { lockVersioned, updateVersioned } from '../common/concurrency/versioned-update';
import { limitOf, Page, PageQuery, pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc, worded } from '../compliance';
import { lockFundLedger } from '../fund';
import { assertEarmarksHonoured, ReceiptsRepository } from '../receipts';
import { ReportsService } from '../reports';
import { ReviewRoundsService } from '../reviews';
import {
  TransitionDto,
  TransitionFailureDto,
  TransitionOptionsDto,
  TransitionRequest,
  TransitionResultDto,
} from './lifecycle.dto';
import { LifecycleRepository, ProjectRow, toTransitionDto as toDto } from './lifecycle.repository';
import { gatherFacts } from './transition-facts';

const ENTITY = 'project';

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
    private readonly repository: LifecycleRepository,
    private readonly audit: AuditService,
    private readonly compliance: ComplianceService,
    private readonly reports: ReportsService,
    private readonly reviewRounds: ReviewRoundsService,
    private readonly receipts: ReceiptsRepository,
  ) {}

  async transition(
    ctx: RequestContext,
    projectId: string,
    expectedVersion: number,
    request: TransitionRequest,
  ): Promise<TransitionResultDto> {
    if (request.reason !== undefined && request.to !== 'suspended') {
      throw Problem.validation([{ field: 'reason', message: 'is given only with a move to suspended' }]);
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const project = await lockVersioned<ProjectRow>(manager, {
        table: 'projects',
        entityLabel: ENTITY,
        id: projectId,
        expectedVersion,
        absent: (row) => row.deleted_at !== null,
      });
      const decidedOn = await this.decisionDate(manager, projectId, request.decidedOn);
      // Two approvals racing for the last of the available balance: the second one reads the
      // balance only once the first has committed (or rolled back), so both cannot pass.
      if (request.to === 'approved') await lockFundLedger(manager);
      const gathered = (
        await gatherFacts(
          manager,
          this.repository,
          this.compliance,
          project,
          [request.to],
          decidedOn,
          request,
        )
      )[request.to]!;
      const check = checkTransition(project.stage, request.to, gathered.facts);
      if (!check.allowed) throw refusal(check, project.code);
      if (request.to === 'approved') {
        await assertEarmarksHonoured(manager, this.receipts, projectId, String(project.approved_budget));
      }

      await updateVersioned(manager, {
        table: 'projects',
        entityLabel: ENTITY,
        id: projectId,
        expectedVersion,
        set: { stage: request.to },
      });
      // The reports the project owes follow from its approved dates, laid out with the decision.
      if (request.to === 'approved') await this.reports.layOutSchedule(manager, projectId);
      const row = await this.repository.insert(manager, {
        projectId,
        from: project.stage,
        to: request.to,
        note: request.note,
        decidedOn,
        actorId: ctx.user?.id ?? null,
        evidence: { gate: gateOf(project.stage, request.to), ...gathered.evidence },
      });
      // Returning a proposal for revision closes its review round; resubmitting it opens the next.
      const reviewRound = await this.reviewRounds.onTransition(manager, projectId, project.stage, request.to);
      const transition = toDto(row, true);
      const version = project.version + 1;
      await this.audit.record(manager, ctx, {
        action: 'transition',
        entity: ENTITY,
        entityId: projectId,
        before: { stage: project.stage, version: project.version },
        after: { stage: request.to, version, transition, ...(reviewRound ? { reviewRound } : {}) },
      });
      return { projectId, stage: request.to, version, transition };
    });
    return result;
  }

  /** Every move open from the current stage, checked now, without changing anything. */
  async options(projectId: string): Promise<TransitionOptionsDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.repository.readOnly(manager);
      const project = await this.repository.project(manager, projectId);
      if (!project) throw Problem.notFound('The project');
      const on = todayUtc();
      // A suspended project is offered only its way back: the stage it was suspended from.
      const targets =
        project.stage === 'suspended'
          ? resumptionTargets(await this.repository.suspendedFrom(manager, projectId))
          : allowedTransitions(project.stage);
      const gathered = await gatherFacts(manager, this.repository, this.compliance, project, targets, on);
      return {
        projectId,
        stage: project.stage,
        version: project.version,
        on,
        options: targets.map((to) => {
          const check = checkTransition(project.stage, to, gathered[to]!.facts);
          // The reason of a suspension comes with the decision, like its note: not a gate to show now.
          const failures = failuresOf(check).filter((f) => f.code !== 'suspension_reason_missing');
          return { to, allowed: failures.length === 0, failures };
        }),
      };
    });
  }

  /** The transitions of a project, oldest first; donors see the moves and their dates only. */
  async history(ctx: RequestContext, projectId: string, query: PageQuery): Promise<Page<TransitionDto>> {
    if (!(await this.repository.projectExists(projectId))) throw Problem.notFound('The project');
    const rows = await this.repository.history(projectId, query, limitOf(query));
    return pageOf(
      rows,
      query,
      (row) => [row.occurred_at_key, row.id],
      (row) => toDto(row, seesEverything(ctx)),
    );
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
    const last = await this.repository.lastDecisionDate(manager, projectId);
    if (last && decidedOn < last) {
      throw Problem.validation([
        {
          field: 'decidedOn',
          message: `must not be before ${last}, the date of the previous decision`,
        },
      ]);
    }
    return decidedOn;
  }
}

function gateOf(from: Stage, to: Stage): string | null {
  if (from === 'suspended') return 'resumption';
  if (to === 'suspended') return 'suspension';
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
