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
import type { MoneyCheckProblem, MoneyEntry, MoneyEntryKind, Stage } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { moneyOut } from '../common/money/money.decorators';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc } from '../compliance';
import { availableBalance, lockFundLedger, moneyRefusal, OVER_COMMITTED } from '../fund';
import { ReportsService } from '../reports';
import { TranchesService } from '../tranches';
import { CreateTransferRequest, ReverseTransferRequest, TransferDto, TransferQuery } from './transfers.dto';

interface TransferRow {
  id: string;
  project_id: string;
  project_code: string;
  organization_id: string;
  organization_name: string;
  kind: MoneyEntryKind;
  amount_usd: string;
  transferred_on: string;
  tranche: number | null;
  reference: string | null;
  reverses_id: string | null;
  reversed_by_id: string | null;
  reason: string | null;
  override_justification: string | null;
  requires_report_id: string | null;
  planned_tranche_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface ProjectRow {
  id: string;
  code: string;
  stage: Stage;
  approved_budget: string | null;
}

const ENTITY = 'transfer';

const SELECT = `
  SELECT t.id, t.project_id, p.code AS project_code, t.organization_id, o.name AS organization_name, t.kind,
         t.amount_usd, to_char(t.transferred_on, 'YYYY-MM-DD') AS transferred_on, t.tranche, t.reference,
         t.reverses_id, (SELECT r.id FROM transfers r WHERE r.reverses_id = t.id) AS reversed_by_id, t.reason,
         t.override_justification, t.requires_report_id, t.planned_tranche_id, t.version, t.created_at, t.updated_at
  FROM transfers t
  JOIN projects p ON p.id = t.project_id
  JOIN organizations o ON o.id = t.organization_id`;

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
    private readonly audit: AuditService,
    private readonly compliance: ComplianceService,
    private readonly reports: ReportsService,
    private readonly tranches: TranchesService,
  ) {}

  async list(ctx: RequestContext, query: TransferQuery): Promise<Page<TransferDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.projectId) where.push(`t.project_id = ${param(query.projectId)}`);
    if (query.organizationId) where.push(`t.organization_id = ${param(query.organizationId)}`);
    if (query.year !== undefined) {
      const year = param(query.year);
      where.push(`t.transferred_on >= make_date(${year}::int, 1, 1)`);
      where.push(`t.transferred_on < make_date(${year}::int + 1, 1, 1)`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor)
      where.push(`(t.transferred_on, t.id) > (${param(cursor[0])}::date, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<TransferRow[]>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.transferred_on, t.id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.transferred_on, row.id]);
    return { ...page, items: page.items.map((row) => toDto(row, seesOverrides(ctx))) };
  }

  async get(ctx: RequestContext, id: string): Promise<TransferDto> {
    const [row] = await this.dataSource.query<TransferRow[]>(`${SELECT} WHERE t.id = $1`, [id]);
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
      const project = await lockProject(manager, request.projectId);
      const shares = await manager.query<{ organization_id: string; budget_share: string }[]>(
        `SELECT organization_id, budget_share::text FROM project_organizations WHERE project_id = $1
         ORDER BY organization_id`,
        [project.id],
      );
      if (!shares.some((s) => s.organization_id === request.organizationId)) {
        throw Problem.validation([
          {
            field: 'organizationId',
            message: `is not a participating organization of project ${project.code}`,
          },
        ]);
      }
      const entries = await entriesOf(manager, project.id);
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
      const [inserted] = await manager.query<{ id: string }[]>(
        `INSERT INTO transfers (project_id, organization_id, kind, amount_usd, transferred_on, tranche, reference,
                                override_justification, requires_report_id, planned_tranche_id)
         VALUES ($1, $2, $3, $4, $5,
                 CASE WHEN $3 = 'transfer'
                      THEN (SELECT coalesce(max(tranche), 0) + 1 FROM transfers WHERE project_id = $1) END,
                 $6, $7, $8, $9)
         RETURNING id`,
        [
          project.id,
          request.organizationId,
          kind,
          request.amountUsd,
          request.transferredOn,
          request.reference ?? null,
          override,
          requiresReportId,
          request.plannedTrancheId ?? null,
        ],
      );
      const created = toDto((await findRow(manager, inserted!.id, false))!, true);
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
      const [target] = await manager.query<{ project_id: string }[]>(
        `SELECT project_id FROM transfers WHERE id = $1`,
        [id],
      );
      if (!target) throw Problem.notFound('The transfer');
      await lockProject(manager, target.project_id);
      const entries = await entriesOf(manager, target.project_id);
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
      const [inserted] = await manager.query<{ id: string }[]>(
        `INSERT INTO transfers (project_id, organization_id, kind, amount_usd, transferred_on, reverses_id, reason,
                                reference)
         VALUES ($1, $2, 'reversal', $3, $4, $5, $6, $7) RETURNING id`,
        [
          entry.projectId,
          entry.organizationId,
          entry.amount,
          request.transferredOn,
          id,
          request.reason,
          request.reference ?? null,
        ],
      );
      const created = toDto((await findRow(manager, inserted!.id, false))!, true);
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
    const [row] = await this.dataSource.query<{ kind: MoneyEntryKind }[]>(
      `SELECT kind FROM transfers WHERE id = $1`,
      [id],
    );
    if (!row) throw Problem.notFound('The transfer');
    const reversalRoute = `/api/v1/transfers/${id}/reversal`;
    throw new Problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'money-entries-append-only',
      'Money entries are never deleted',
      `The Fund's money entries are append-only: correct this ${row.kind} with a reversal (POST ${reversalRoute}), which the ledger shows beside it.`,
      { code: 'money_entries_append_only', facts: { entryId: id, kind: row.kind, reversalRoute } },
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

async function lockProject(manager: EntityManager, projectId: string): Promise<ProjectRow> {
  const [project] = await manager.query<ProjectRow[]>(
    `SELECT id, code, stage, approved_budget::text FROM projects WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [projectId],
  );
  if (!project) throw Problem.validation([{ field: 'projectId', message: 'is not a known project' }]);
  return project;
}

async function entriesOf(manager: EntityManager, projectId: string): Promise<MoneyEntry[]> {
  const rows = await manager.query<
    {
      id: string;
      organization_id: string;
      kind: MoneyEntryKind;
      amount_usd: string;
      on: string;
      reverses_id: string | null;
    }[]
  >(
    `SELECT id, organization_id, kind, amount_usd::text, transferred_on::text AS on, reverses_id
     FROM transfers WHERE project_id = $1`,
    [projectId],
  );
  return rows.map((r) => ({
    id: r.id,
    projectId,
    organizationId: r.organization_id,
    kind: r.kind,
    amount: r.amount_usd,
    on: r.on,
    reverses: r.reverses_id,
  }));
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

async function findRow(manager: EntityManager, id: string, lock: boolean): Promise<TransferRow | undefined> {
  const [row] = await manager.query<TransferRow[]>(
    `${SELECT} WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
    [id],
  );
  return row;
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
