import {
  trancheChangeProblem,
  tranchePlanProblem,
  trancheReleaseProblem,
  trancheStatus,
  formatMoney,
} from '@hstf/domain';
import type { TrancheProblem } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned, removeVersioned } from '../common/concurrency/versioned-update';
import { moneyOut } from '../common/money/money.decorators';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { todayUtc } from '../compliance';
import { reportName, ReportsService } from '../reports';
import {
  CreatePlannedTrancheRequest,
  PlannedTrancheDto,
  PlannedTrancheQuery,
  UpdatePlannedTrancheRequest,
} from './tranches.dto';
import { TrancheProjectRow, TrancheRow, TranchesRepository } from './tranches.repository';

const ENTITY = 'tranche';

function refusal(problem: TrancheProblem): Problem {
  switch (problem.code) {
    case 'tranche_project_not_approved':
      return new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'project-not-fundable',
        'The project has no tranches to plan',
        `The project is ${problem.facts.stage}: tranches are planned for projects that are ${problem.facts.stages.join(', ')} with an approved budget.`,
        problem,
      );
    case 'tranche_amount_not_positive':
      return Problem.validation([{ field: 'amountUsd', message: 'must be greater than zero' }]);
    case 'tranche_exceeds_organization_share':
      return new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'over-share',
        "The planned tranches exceed the organization's share of the approved budget",
        `With this tranche the organization's planned tranches would exceed its share of the approved budget: ${formatMoney(problem.facts.remaining)} remains to plan (share ${formatMoney(problem.facts.share)}, ${formatMoney(problem.facts.alreadyPlanned)} already planned).`,
        {
          ...problem,
          errors: [
            {
              field: 'amountUsd',
              message: `must be at most the organization's remaining ${problem.facts.remaining}`,
            },
          ],
        },
      );
    case 'tranche_released':
      return new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'tranche-released',
        'The tranche is released',
        'A transfer was recorded against this tranche: it stays as it was released. Reverse the transfer to plan it again.',
        problem,
      );
    case 'tranche_organization_mismatch':
      return Problem.validation([
        {
          field: 'plannedTrancheId',
          message: 'is planned for another organization than the transfer goes to',
        },
      ]);
  }
}

/**
 * The planned tranche schedule of an approved project (libs/domain's tranche rules): what each
 * organization is expected to receive, when, and on what condition; separate from the transfers
 * made. Plans are decided under the project's row lock, the lock transfers take, so a plan and a
 * transfer that releases it never cross.
 */
@Injectable()
export class TranchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TranchesRepository,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  async list(projectId: string, query: PlannedTrancheQuery): Promise<Page<PlannedTrancheDto>> {
    const manager = this.dataSource.manager;
    if (!(await this.repository.projectExists(manager, projectId))) throw Problem.notFound('The project');
    const rows = await this.repository.list(manager, projectId, query.cursor, limitOf(query));
    const on = query.on ?? todayUtc();
    return pageOf(
      rows,
      query,
      (row) => [row.planned_on, row.id],
      (row) => toDto(row, on),
    );
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlannedTrancheDto> {
    const row = await this.repository.find(manager, id);
    if (!row) throw Problem.notFound('The tranche');
    return toDto(row, todayUtc());
  }

  create(
    ctx: RequestContext,
    projectId: string,
    request: CreatePlannedTrancheRequest,
  ): Promise<PlannedTrancheDto> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.repository.lockProject(manager, projectId);
      if (!project) throw Problem.notFound('The project');
      const terms = {
        organizationId: request.organizationId,
        plannedOn: request.plannedOn,
        amountUsd: request.amountUsd,
        condition: request.condition,
        requiresReportId: request.requiresReportId ?? null,
      };
      await this.check(manager, project, null, terms);
      const id = await this.repository.insert(manager, project.id, terms);
      const created = await this.get(id, manager);
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created;
    });
  }

  update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdatePlannedTrancheRequest,
  ): Promise<PlannedTrancheDto> {
    return this.dataSource.transaction(async (manager) => {
      // The project first, as a transfer takes it, then the tranche: one order, no deadlock.
      const project = await this.lockProjectOf(manager, id);
      return changeVersioned<{ version: number }, PlannedTrancheDto>(manager, this.audit, ctx, {
        table: 'planned_tranches',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: () => this.get(id, manager),
        decide: async (_, before) => {
          const released = trancheChangeProblem({ id, releasedBy: before.releasedByTransferId });
          if (released) throw refusal(released);
          const terms = {
            organizationId: request.organizationId ?? before.organizationId,
            plannedOn: request.plannedOn ?? before.plannedOn,
            amountUsd: request.amountUsd ?? before.amountUsd,
            condition: request.condition ?? before.condition,
            requiresReportId:
              request.requiresReportId === undefined ? before.requiresReportId : request.requiresReportId,
          };
          await this.check(manager, project, id, terms);
          return {
            set: {
              organization_id: terms.organizationId,
              planned_on: terms.plannedOn,
              amount_usd: terms.amountUsd,
              condition: terms.condition,
              requires_report_id: terms.requiresReportId,
            },
          };
        },
      });
    });
  }

  remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockProjectOf(manager, id);
      await removeVersioned<{ version: number }, PlannedTrancheDto>(manager, this.audit, ctx, {
        table: 'planned_tranches',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: () => this.get(id, manager),
        remove: async (_, before) => {
          const released = trancheChangeProblem({ id, releasedBy: before.releasedByTransferId });
          if (released) throw refusal(released);
          if (await this.hasTransfers(manager, id)) {
            throw new Problem(
              HttpStatus.UNPROCESSABLE_ENTITY,
              'tranche-has-transfers',
              'The tranche is named by a transfer',
              'A transfer (since reversed) was recorded against this tranche, so the tranche stays in the record: change its terms instead.',
              { code: 'tranche_has_transfers', facts: { trancheId: id } },
            );
          }
          await this.repository.delete(manager, id);
        },
      });
    });
  }

  /**
   * For a transfer that releases a planned tranche, in the transfer's transaction (the project is
   * already locked): the tranche's report condition, or a refusal when the tranche is not the
   * project's, is already released, or is planned for another organization.
   */
  async releaseFor(
    manager: EntityManager,
    projectId: string,
    trancheId: string,
    organizationId: string,
  ): Promise<{ requiresReportId: string | null }> {
    const row = await this.repository.find(manager, trancheId);
    if (!row || row.project_id !== projectId) {
      throw Problem.validation([
        { field: 'plannedTrancheId', message: 'is not a planned tranche of this project' },
      ]);
    }
    const problem = trancheReleaseProblem(
      { id: row.id, organizationId: row.organization_id, releasedBy: row.released_by },
      organizationId,
    );
    if (problem) throw refusal(problem);
    return { requiresReportId: row.requires_report_id };
  }

  private async lockProjectOf(manager: EntityManager, id: string): Promise<TrancheProjectRow> {
    const projectId = await this.repository.projectOf(manager, id);
    const project = projectId ? await this.repository.lockProject(manager, projectId) : undefined;
    if (!project) throw Problem.notFound('The tranche');
    return project;
  }

  private async hasTransfers(manager: EntityManager, id: string): Promise<boolean> {
    return (await this.repository.find(manager, id))?.has_transfers ?? false;
  }

  private async check(
    manager: EntityManager,
    project: TrancheProjectRow,
    exceptId: string | null,
    terms: { organizationId: string; amountUsd: string; requiresReportId: string | null },
  ): Promise<void> {
    const shares = await this.repository.shares(manager, project.id);
    if (!shares.some((s) => s.organization_id === terms.organizationId)) {
      throw Problem.validation([
        {
          field: 'organizationId',
          message: `is not a participating organization of project ${project.code}`,
        },
      ]);
    }
    if (
      terms.requiresReportId &&
      !(await this.reports.requiredReport(manager, project.id, terms.requiresReportId))
    ) {
      throw Problem.validation([{ field: 'requiresReportId', message: 'is not a report of this project' }]);
    }
    const others = await this.repository.others(manager, project.id, exceptId);
    const problem = tranchePlanProblem({
      stage: project.stage,
      approvedBudget: moneyOut(project.approved_budget),
      shares: shares.map((s) => ({ organizationId: s.organization_id, budgetShare: s.budget_share })),
      others: others.map((o) => ({ organizationId: o.organization_id, amount: o.amount_usd })),
      organizationId: terms.organizationId,
      amount: terms.amountUsd,
    });
    if (problem) throw refusal(problem);
  }
}

function toDto(row: TrancheRow, on: string): PlannedTrancheDto {
  return {
    id: row.id,
    projectId: row.project_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    plannedOn: row.planned_on,
    amountUsd: moneyOut(row.amount_usd)!,
    condition: row.condition,
    requiresReportId: row.requires_report_id,
    requiresReportName:
      row.report_kind && row.report_sequence !== null
        ? reportName({ kind: row.report_kind, sequence: row.report_sequence, projectCode: row.project_code })
        : null,
    requiresReportKind: row.report_kind,
    requiresReportSequence: row.report_sequence,
    requiresReportStatus: row.report_status,
    status: trancheStatus({ plannedOn: row.planned_on, releasedBy: row.released_by }, on),
    releasedByTransferId: row.released_by,
    releasedOn: row.released_on,
    releasedAmountUsd: moneyOut(row.released_amount),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
