import {
  COMMITTED_STAGES,
  isStageIn,
  projectMoney,
  refundProblem,
  reversalLowersAvailableBy,
  reversalProblem,
  receivedReductionProblem,
  transferProblem,
  trancheConditionProblem,
} from '@hstf/domain';
import type { MoneyCheckProblem } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { moneyOut } from '../common/money/money.decorators';
import { limitOf, Page, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc } from '../compliance';
import { availableBalance, lockFundLedger, moneyRefusal, OVER_COMMITTED } from '../fund';
import { ReportsService } from '../reports';
import { TranchesService } from '../tranches';
import { projectMoneyEntries } from './money-entries';
import { CreateTransferRequest, ReverseTransferRequest, TransferDto, TransferQuery } from './transfers.dto';
import { ProjectRow, TransferRow, TransfersRepository } from './transfers.repository';

const ENTITY = 'transfer';

/** The problem type each money rule is refused under. */
const SLUGS: Record<MoneyCheckProblem['code'], { slug: string; title: string }> = {
  received_reduction_exceeds_available: OVER_COMMITTED,
  transfer_amount_not_positive: { slug: 'transfer-refused', title: 'The transfer is refused' },
  transfer_stage_not_fundable: {
    slug: 'project-not-fundable',
    title: 'The project cannot receive transfers',
  },
  transfer_without_approved_budget: {
    slug: 'over-budget',
    title: 'The transfer exceeds the approved budget',
  },
  transfer_in_future: { slug: 'transfer-refused', title: 'The transfer is refused' },
  transfer_exceeds_remaining_budget: {
    slug: 'over-budget',
    title: 'The transfer exceeds the approved budget',
  },
  transfer_exceeds_organization_share: {
    slug: 'over-share',
    title: "The transfer exceeds the organization's share of the approved budget",
  },
  transfer_without_paragraph_6: {
    slug: 'paragraph-6-not-met',
    title: 'Paragraph 6 of resolution 66/290 does not hold',
  },
  reversal_target_is_reversal: { slug: 'reversal-refused', title: 'The reversal is refused' },
  entry_already_reversed: { slug: 'reversal-refused', title: 'The reversal is refused' },
  reversal_before_entry: { slug: 'reversal-refused', title: 'The reversal is refused' },
  refund_not_positive: { slug: 'refund-refused', title: 'The refund is refused' },
  refund_exceeds_transferred: { slug: 'refund-refused', title: 'The refund is refused' },
  money_entry_in_future: { slug: 'transfer-refused', title: 'The entry is refused' },
};

function refusal(problem: MoneyCheckProblem): Problem {
  const { slug, title } = SLUGS[problem.code];
  // The budget refusals keep the members clients read before the rules had codes.
  const extensions: Record<string, unknown> = {};
  if (problem.code === 'transfer_exceeds_remaining_budget') {
    Object.assign(extensions, {
      approvedBudget: problem.facts.approvedBudget,
      transferred: problem.facts.alreadyTransferred,
      remaining: problem.facts.remaining,
      errors: [{ field: 'amountUsd', message: `must be at most the remaining ${problem.facts.remaining}` }],
    });
  }
  if (problem.code === 'transfer_exceeds_organization_share') {
    extensions.remaining = problem.facts.remaining;
    extensions.errors = [
      {
        field: 'amountUsd',
        message: `must be at most the organization's remaining ${problem.facts.remaining}`,
      },
    ];
  }
  if (problem.code === 'transfer_without_approved_budget') extensions.remaining = '0.00';
  if (problem.code === 'transfer_stage_not_fundable') extensions.stage = problem.facts.stage;
  return moneyRefusal(problem, slug, title, extensions);
}

/**
 * Money exchanged with the organizations of a project: transfers out, refunds back, and reversals.
 * Every entry is decided under the project's row lock (FOR UPDATE) on the entries it already has, by
 * the rules of libs/domain, so concurrent entries for one project run one after the other. Entries
 * are append-only (the database refuses UPDATE and DELETE): a wrong one is reversed.
 */
@Injectable()
export class TransfersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transfers: TransfersRepository,
    private readonly audit: AuditService,
    private readonly compliance: ComplianceService,
    private readonly reports: ReportsService,
    private readonly tranches: TranchesService,
  ) {}

  async list(ctx: RequestContext, query: TransferQuery): Promise<Page<TransferDto>> {
    const limit = limitOf(query);
    const rows = await this.transfers.page(query, limit);
    const page = toPage(rows, limit, (row) => [row.transferred_on, row.id]);
    return { ...page, items: page.items.map((row) => toDto(row, seesOverrides(ctx))) };
  }

  async get(ctx: RequestContext, id: string): Promise<TransferDto> {
    const row = await this.transfers.find(id);
    if (!row) throw Problem.notFound('The transfer');
    return toDto(row, seesOverrides(ctx));
  }

  /**
   * A transfer or a refund. A transfer is capped per organization at its share of the approved
   * budget and in total at the approved budget, dated today at the latest, and refused while
   * paragraph 6 does not hold on its date unless an override justification is given.
   */
  async create(ctx: RequestContext, request: CreateTransferRequest): Promise<TransferDto> {
    const kind = request.kind ?? 'transfer';
    return this.dataSource.transaction(async (manager) => {
      const project = await this.lockProject(manager, request.projectId);
      const shares = await this.transfers.budgetShares(manager, project.id);
      if (!shares.some((s) => s.organization_id === request.organizationId)) {
        throw Problem.validation([
          {
            field: 'organizationId',
            message: `is not a participating organization of project ${project.code}`,
          },
        ]);
      }
      const entries = await projectMoneyEntries(manager, project.id);
      const money = projectMoney(ledgerProject(project), entries);
      const today = todayUtc();
      let override: string | null = null;
      let requiresReportId: string | null = null;
      if (kind === 'transfer') {
        override = request.overrideJustification?.trim() || null;
        const paragraph6 = await this.paragraph6(manager, project.id, request.transferredOn);
        const problem = transferProblem({
          stage: project.stage,
          approvedBudget: moneyOut(project.approved_budget),
          shares: shares.map((s) => ({ organizationId: s.organization_id, budgetShare: s.budget_share })),
          money,
          organizationId: request.organizationId,
          amount: request.amountUsd,
          on: request.transferredOn,
          today,
          paragraph6,
          override,
        });
        if (problem) throw refusal(problem);
        // A transfer against a planned tranche releases it, on the tranche's report condition too.
        const planned = request.plannedTrancheId
          ? await this.tranches.releaseFor(
              manager,
              project.id,
              request.plannedTrancheId,
              request.organizationId,
            )
          : null;
        requiresReportId = request.requiresReportId ?? planned?.requiresReportId ?? null;
        await this.assertReportCondition(manager, project.id, requiresReportId);
        // An override is kept only where it was needed: a transfer that paragraph 6 allows has none.
        if (paragraph6.holds) override = null;
      } else {
        if (request.requiresReportId) {
          throw Problem.validation([
            { field: 'requiresReportId', message: 'applies to a transfer, not a refund' },
          ]);
        }
        if (request.plannedTrancheId) {
          throw Problem.validation([
            { field: 'plannedTrancheId', message: 'applies to a transfer, not a refund' },
          ]);
        }
        if (!isStageIn(project.stage, COMMITTED_STAGES)) {
          throw refusal({
            code: 'transfer_stage_not_fundable',
            facts: { stage: project.stage, fundable: COMMITTED_STAGES },
          });
        }
        const problem = refundProblem(
          money,
          request.organizationId,
          request.amountUsd,
          request.transferredOn,
          today,
        );
        if (problem) throw refusal(problem);
      }
      const id = await this.transfers.insertEntry(manager, {
        projectId: project.id,
        organizationId: request.organizationId,
        kind,
        amountUsd: request.amountUsd,
        transferredOn: request.transferredOn,
        reference: request.reference ?? null,
        overrideJustification: override,
        requiresReportId,
        plannedTrancheId: request.plannedTrancheId ?? null,
      });
      const created = toDto((await this.transfers.find(id, manager))!, true);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
  }

  /**
   * The correction of a transfer or refund: a reversal entry naming it, for the same amount, project
   * and organization. A reversed refund takes money back out of the available balance, so it is
   * decided under the ledger lock on the balance read after it.
   */
  async reverse(ctx: RequestContext, id: string, request: ReverseTransferRequest): Promise<TransferDto> {
    return this.dataSource.transaction(async (manager) => {
      const projectId = await this.transfers.projectOfEntry(manager, id);
      if (!projectId) throw Problem.notFound('The transfer');
      await this.lockProject(manager, projectId);
      const entries = await projectMoneyEntries(manager, projectId);
      const entry = entries.find((e) => e.id === id)!;
      const existing = entries.find((e) => e.kind === 'reversal' && e.reverses === id) ?? null;
      const problem = reversalProblem(entry, existing, request.transferredOn, todayUtc());
      if (problem) throw refusal(problem);
      const lowers = reversalLowersAvailableBy(entry);
      if (lowers !== '0.00') {
        await lockFundLedger(manager);
        const short = receivedReductionProblem(await availableBalance(manager), lowers, '0.00');
        if (short) throw refusal(short);
      }
      const reversalId = await this.transfers.insertReversal(manager, entry, {
        transferredOn: request.transferredOn,
        reason: request.reason,
        reference: request.reference ?? null,
      });
      const created = toDto((await this.transfers.find(reversalId, manager))!, true);
      await this.audit.record(manager, ctx, {
        action: 'reverse',
        entity: ENTITY,
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
  }

  /** Entries are never deleted: 404 for an unknown one, else 422 pointing to its reversal. */
  async remove(id: string): Promise<never> {
    const kind = await this.transfers.kindOf(id);
    if (!kind) throw Problem.notFound('The transfer');
    const reversalRoute = `/api/v1/transfers/${id}/reversal`;
    throw new Problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'money-entries-append-only',
      'Money entries are never deleted',
      `The Fund's money entries are append-only: correct this ${kind} with a reversal (POST ${reversalRoute}), which the ledger shows beside it.`,
      { code: 'money_entries_append_only', facts: { entryId: id, kind, reversalRoute } },
    );
  }

  /**
   * A tranche conditional on a report goes only once the report is accepted: 422 naming the report
   * otherwise, 400 when the report is not one of the project's.
   */
  private async assertReportCondition(manager: EntityManager, projectId: string, reportId: string | null) {
    if (!reportId) return;
    const report = await this.reports.requiredReport(manager, projectId, reportId);
    if (!report) {
      throw Problem.validation([{ field: 'requiresReportId', message: 'is not a report of this project' }]);
    }
    const problem = trancheConditionProblem(report);
    if (problem) {
      throw new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'tranche-report-not-accepted',
        'The tranche waits on a report',
        `This tranche is conditional on ${report.name}, which is ${report.status}: it is released once the report is accepted.`,
        { code: problem.code, facts: { ...problem.facts, reportName: report.name } },
      );
    }
  }

  private async lockProject(manager: EntityManager, projectId: string): Promise<ProjectRow> {
    const project = await this.transfers.lockedProject(manager, projectId);
    if (!project) throw Problem.validation([{ field: 'projectId', message: 'is not a known project' }]);
    return project;
  }

  /** Paragraph 6 for the project on the date, as the compliance feature judges it. */
  private async paragraph6(
    manager: EntityManager,
    projectId: string,
    on: string,
  ): Promise<{ holds: boolean; failingCountries: string[] }> {
    const [records] = await this.compliance.records(manager, [projectId]);
    const result = this.compliance.evaluate(records!, on);
    return {
      holds: result.status === 'compliant',
      failingCountries: result.countries.filter((c) => c.status !== 'compliant').map((c) => c.country),
    };
  }
}

function ledgerProject(project: ProjectRow) {
  return {
    id: project.id,
    stage: project.stage,
    approvedBudget: moneyOut(project.approved_budget),
    approvedOn: null,
    startDate: null,
    completedOn: null,
    endDate: null,
  };
}

function seesOverrides(ctx: RequestContext): boolean {
  return ctx.user?.role === 'admin' || ctx.user?.role === 'staff';
}

function toDto(row: TransferRow, staff: boolean): TransferDto {
  return {
    id: row.id,
    projectId: row.project_id,
    projectCode: row.project_code,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    kind: row.kind,
    amountUsd: moneyOut(row.amount_usd)!,
    transferredOn: row.transferred_on,
    tranche: row.tranche,
    reference: row.reference,
    reversesId: row.reverses_id,
    reversedById: row.reversed_by_id,
    reason: row.reason,
    overrideJustification: staff ? row.override_justification : null,
    requiresReportId: row.requires_report_id,
    plannedTrancheId: row.planned_tranche_id,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
