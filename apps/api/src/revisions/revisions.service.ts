import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  budgetRevisionProblems,
  decisionProblem,
  describeRevisionProblem,
  extensionProblems,
  organizationCaps,
  projectMoney,
  subtractMoney,
  toCents,
} from '@hstf/domain';
import type { BudgetShare, RevisionProblem } from '@hstf/domain';
import { AuditService } from '../audit';
import { lockVersioned } from '../common/concurrency/versioned-update';
import { moneyOut } from '../common/money/money.decorators';
import { encodeCursor, limitOf, PageQuery } from '../common/pagination/pagination';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc } from '../compliance';
import { availableBalance, lockFundLedger, OVER_COMMITTED } from '../fund';
import {
  CreateRevisionRequest,
  DecideRevisionRequest,
  RevisionDto,
  RevisionPage,
  RevisionShareDto,
} from './revisions.dto';
import { ReportsService } from '../reports';
import { assertEarmarksHonoured, ReceiptsRepository } from '../receipts';
import { projectMoneyEntries } from '../transfers';
import { RevisionProjectRow, RevisionRow, RevisionsRepository } from './revisions.repository';

const ENTITY = 'revision';

/** How each rule is answered: its status, problem type and the request field it is about. */
const ANSWERS: Record<
  RevisionProblem['code'],
  { status: HttpStatus; slug: string; title: string; field?: string }
> = {
  revision_stage_not_revisable: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-not-open',
    title: 'The project cannot be revised in its stage',
  },
  revision_decided_already: {
    status: HttpStatus.CONFLICT,
    slug: 'revision-decided',
    title: 'Already decided',
  },
  revision_decider_is_requester: {
    status: HttpStatus.FORBIDDEN,
    slug: 'four-eyes',
    title: 'Another staff member decides this request',
  },
  revision_outdated: {
    status: HttpStatus.CONFLICT,
    slug: 'revision-outdated',
    title: 'The project changed since the request',
  },
  budget_revision_changes_nothing: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The revision is refused',
    field: 'approvedBudget',
  },
  budget_revision_organizations_differ: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The revision is refused',
    field: 'shares',
  },
  budget_revision_shares_do_not_sum: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The revision is refused',
    field: 'shares',
  },
  budget_revision_below_transferred: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The revision is refused',
    field: 'shares',
  },
  budget_revision_raise_exceeds_available: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    ...OVER_COMMITTED,
    field: 'approvedBudget',
  },
  end_date_unchanged: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The end-date revision is refused',
    field: 'endDate',
  },
  end_date_not_after_start: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The end-date revision is refused',
    field: 'endDate',
  },
  end_date_before_transfer: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The end-date revision is refused',
    field: 'endDate',
  },
  end_date_before_accepted_report: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'revision-refused',
    title: 'The end-date revision is refused',
    field: 'endDate',
  },
  extension_consent_not_valid_through: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'paragraph-6-not-met',
    title: 'Paragraph 6 of resolution 66/290 does not hold through the new end date',
    field: 'endDate',
  },
};

/**
 * A refusal by the rules of libs/domain: the first problem sets the status and type; every problem
 * is worded in `detail`, listed with its code and facts (for the web to word), and put on its field.
 */
function refusal(problems: RevisionProblem[]): Problem {
  const first = problems[0]!;
  const answer = ANSWERS[first.code];
  const errors: FieldError[] = problems.flatMap((p) => {
    const field = ANSWERS[p.code].field;
    return field ? [{ field, message: describeRevisionProblem(p) }] : [];
  });
  return new Problem(
    answer.status,
    answer.slug,
    answer.title,
    problems.map(describeRevisionProblem).join(' '),
    {
      code: first.code,
      facts: first.facts,
      problems,
      ...(errors.length ? { errors } : {}),
    },
  );
}

function sharesDto(
  shares: RevisionRow['previous_shares'],
  approvedBudget: string | null,
): RevisionShareDto[] | null {
  if (!shares) return null;
  const parts = organizationCaps(approvedBudget ?? '0.00', shares);
  return shares.map((s) => ({ ...s, part: parts[s.organizationId] ?? '0.00' }));
}

function toDto(row: RevisionRow): RevisionDto {
  const previousBudget = moneyOut(row.previous_approved_budget);
  const proposedBudget = moneyOut(row.proposed_approved_budget);
  return {
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    status: row.status,
    justification: row.justification,
    previousApprovedBudget: previousBudget,
    proposedApprovedBudget: proposedBudget,
    previousShares: sharesDto(row.previous_shares, previousBudget),
    proposedShares: sharesDto(row.proposed_shares, proposedBudget),
    previousEndDate: row.previous_end_date,
    proposedEndDate: row.proposed_end_date,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    requestedAt: new Date(row.created_at).toISOString(),
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decisionComment: row.decision_comment,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const sameShares = (a: readonly BudgetShare[], b: readonly BudgetShare[]) =>
  a.length === b.length &&
  a.every((s) =>
    b.some((t) => t.organizationId === s.organizationId && toCents(t.budgetShare) === toCents(s.budgetShare)),
  );

/**
 * Budget revisions and no-cost extensions: requested by staff with a justification, decided by another
 * staff member. Only an approved request changes the project's approved budget, split or end date; the
 * rules of libs/domain (the available balance and donors' earmarks included) are checked when the
 * request is made and again, under the project's lock and the Fund's ledger lock, when it is approved.
 */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RevisionsRepository,
    private readonly audit: AuditService,
    private readonly compliance: ComplianceService,
    private readonly reports: ReportsService,
    private readonly receipts: ReceiptsRepository,
  ) {}

  async list(projectId: string, query: PageQuery): Promise<RevisionPage> {
    if (!(await this.repository.projectExists(projectId))) throw Problem.notFound('The project');
    const limit = limitOf(query);
    const rows = await this.repository.list(projectId, query.cursor, limit);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map(toDto),
      nextCursor: last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  async get(projectId: string, id: string): Promise<RevisionDto> {
    const row = await this.repository.find(this.dataSource, projectId, id);
    if (!row) throw Problem.notFound('The revision');
    return toDto(row);
  }

  async create(ctx: RequestContext, projectId: string, request: CreateRevisionRequest): Promise<RevisionDto> {
    assertShape(request);
    return this.dataSource.transaction(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      let values: Parameters<RevisionsRepository['insert']>[1];
      if (request.kind === 'budget') {
        const shares = await this.repository.shares(manager, projectId);
        const proposal = {
          approvedBudget: request.approvedBudget!,
          shares: request.shares ?? shares,
        };
        await this.checkBudget(manager, project, shares, proposal);
        values = {
          projectId,
          kind: 'budget',
          justification: request.justification,
          previousApprovedBudget: project.approved_budget,
          proposedApprovedBudget: proposal.approvedBudget,
          previousShares: shares,
          proposedShares: [...proposal.shares],
          previousEndDate: null,
          proposedEndDate: null,
          requestedBy: ctx.actor.id,
        };
      } else {
        await this.checkExtension(manager, project, request.endDate!);
        values = {
          projectId,
          kind: 'extension',
          justification: request.justification,
          previousApprovedBudget: null,
          proposedApprovedBudget: null,
          previousShares: null,
          proposedShares: null,
          previousEndDate: project.end_date,
          proposedEndDate: request.endDate!,
          requestedBy: ctx.actor.id,
        };
      }
      const id = await this.repository.insert(manager, values);
      const created = toDto((await this.repository.find(manager, projectId, id))!);
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created;
    });
  }

  /**
   * Approves or rejects a pending request, once, by someone other than its requester. An approval
   * re-checks the request on the project as it is now (refused when the figure it started from has
   * changed since) and applies it; a rejection changes nothing else.
   */
  async decide(
    ctx: RequestContext,
    projectId: string,
    id: string,
    expectedVersion: number,
    request: DecideRevisionRequest,
  ): Promise<RevisionDto> {
    return this.dataSource.transaction(async (manager) => {
      await lockVersioned<{ version: number; project_id: string }>(manager, {
        table: 'project_revisions',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        absent: (row) => row.project_id !== projectId,
      });
      const before = toDto((await this.repository.find(manager, projectId, id))!);
      const problem = decisionProblem({
        status: before.status,
        requestedBy: before.requestedBy.id,
        decidedBy: ctx.actor.id,
      });
      if (problem) throw refusal([problem]);
      if (request.decision === 'approve') {
        const project = await this.lockProject(manager, projectId);
        if (before.kind === 'budget') await this.applyBudget(manager, project, before);
        else {
          await this.applyExtension(manager, project, before);
          // The reports owed follow the new end date; those handed in stay as they are.
          await this.reports.layOutSchedule(manager, projectId);
        }
      }
      await this.repository.decide(manager, id, {
        status: request.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: ctx.actor.id,
        comment: request.comment,
      });
      const after = toDto((await this.repository.find(manager, projectId, id))!);
      await this.audit.record(manager, ctx, {
        action: request.decision,
        entity: ENTITY,
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async lockProject(manager: EntityManager, projectId: string): Promise<RevisionProjectRow> {
    const project = await this.repository.lockProject(manager, projectId);
    if (!project) throw Problem.notFound('The project');
    return project;
  }

  /** The budget rules on the project as it is now, with the Fund's available balance read now. */
  private async checkBudget(
    manager: EntityManager,
    project: RevisionProjectRow,
    shares: BudgetShare[],
    proposal: { approvedBudget: string; shares: readonly BudgetShare[] },
  ): Promise<void> {
    const entries = await projectMoneyEntries(manager, project.id);
    const money = projectMoney(
      {
        id: project.id,
        stage: project.stage,
        approvedBudget: moneyOut(project.approved_budget),
        approvedOn: null,
        startDate: null,
        completedOn: null,
        endDate: null,
      },
      entries,
    );
    const transferredNet = Object.fromEntries(
      Object.entries(money.organizations).map(([organizationId, o]) => [
        organizationId,
        subtractMoney(o.transferred, o.refunded),
      ]),
    );
    const problems = budgetRevisionProblems({
      stage: project.stage,
      requestedBudget: project.requested_budget,
      approvedBudget: project.approved_budget ?? '0.00',
      shares,
      transferredNet,
      available: await availableBalance(manager),
      proposal,
    });
    if (problems.length) throw refusal(problems);
    // A raise draws on the Fund as an approval does: never on money donors earmarked elsewhere.
    const increase = toCents(proposal.approvedBudget) - toCents(project.approved_budget ?? '0.00');
    if (increase > 0n) {
      await assertEarmarksHonoured(
        manager,
        this.receipts,
        project.id,
        subtractMoney(proposal.approvedBudget, project.approved_budget ?? '0.00'),
        'raise',
      );
    }
  }

  private async checkExtension(manager: EntityManager, project: RevisionProjectRow, newEndDate: string) {
    const [records] = await this.compliance.records(manager, [project.id]);
    const problems = extensionProblems({
      stage: project.stage,
      startDate: project.start_date,
      endDate: project.end_date,
      newEndDate,
      lastTransferOn: project.last_transfer_on,
      lastAcceptedPeriodEnd: project.last_accepted_period_end,
      recipientCountries: records!.countries.map((c) => c.iso3),
      consents: records!.consents,
      today: todayUtc(),
    });
    if (problems.length) throw refusal(problems);
  }

  private async applyBudget(manager: EntityManager, project: RevisionProjectRow, revision: RevisionDto) {
    const shares = await this.repository.shares(manager, project.id);
    const previous = (revision.previousShares ?? []).map(({ organizationId, budgetShare }) => ({
      organizationId,
      budgetShare,
    }));
    if (
      moneyOut(project.approved_budget) !== revision.previousApprovedBudget ||
      !sameShares(shares, previous)
    ) {
      throw refusal([
        {
          code: 'revision_outdated',
          facts: {
            field: 'approvedBudget',
            requestedFrom: revision.previousApprovedBudget,
            now: moneyOut(project.approved_budget),
          },
        },
      ]);
    }
    const proposal = {
      approvedBudget: revision.proposedApprovedBudget!,
      shares: (revision.proposedShares ?? []).map(({ organizationId, budgetShare }) => ({
        organizationId,
        budgetShare,
      })),
    };
    // Two raises racing for the last of the available balance: the second reads it only once the
    // first has committed, as approvals and money entries do.
    await lockFundLedger(manager);
    await this.checkBudget(manager, project, shares, proposal);
    await this.repository.applyBudget(manager, project.id, proposal.approvedBudget, proposal.shares);
  }

  private async applyExtension(manager: EntityManager, project: RevisionProjectRow, revision: RevisionDto) {
    if (project.end_date !== revision.previousEndDate) {
      throw refusal([
        {
          code: 'revision_outdated',
          facts: { field: 'endDate', requestedFrom: revision.previousEndDate, now: project.end_date },
        },
      ]);
    }
    await this.checkExtension(manager, project, revision.proposedEndDate!);
    await this.repository.applyEndDate(manager, project.id, revision.proposedEndDate!);
  }
}

/** What each kind of request must carry, and must not. */
function assertShape(request: CreateRevisionRequest): void {
  const errors: FieldError[] = [];
  if (request.kind === 'budget') {
    if (request.approvedBudget === undefined)
      errors.push({ field: 'approvedBudget', message: 'is required for a budget revision' });
    if (request.endDate !== undefined)
      errors.push({ field: 'endDate', message: 'is changed by an extension, not a budget revision' });
  } else {
    if (request.endDate === undefined)
      errors.push({ field: 'endDate', message: 'is required for an extension' });
    if (request.approvedBudget !== undefined)
      errors.push({ field: 'approvedBudget', message: 'is changed by a budget revision, not an extension' });
    if (request.shares !== undefined)
      errors.push({ field: 'shares', message: 'are changed by a budget revision, not an extension' });
  }
  if (errors.length) throw Problem.validation(errors);
}
