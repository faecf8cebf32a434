import {
  isReportOverdue,
  reportSchedule,
  rescheduleReports,
  reviewProblem,
  submissionProblem,
} from '@hstf/domain';
import type { ReportKind, ReportProblem } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned } from '../common/concurrency/versioned-update';
import { decodeCursor, encodeCursor, limitOf, Page, pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { todayUtc } from '../compliance';
import {
  OverdueReportPage,
  ReportDto,
  ReportingSettingsDto,
  ReportQuery,
  ReviewReportRequest,
  SubmitReportRequest,
  UpdateReportingSettingsRequest,
} from './reports.dto';
import { ReportRow, ReportsRepository, SettingsRow } from './reports.repository';

const ENTITY = 'report';
const SETTINGS_AUDIT_ENTITY = 'reporting_settings';

const KIND_WORDS: Record<ReportKind, string> = {
  progress: 'progress report',
  final_narrative: 'final narrative report',
  final_financial: 'certified final financial statement',
};

/** A report named in a sentence: "the progress report 2 of HS-2026-0042". */
export function reportName(report: { kind: ReportKind; sequence: number; projectCode: string }): string {
  const sequence = report.kind === 'progress' ? ` ${report.sequence}` : '';
  return `the ${KIND_WORDS[report.kind]}${sequence} of ${report.projectCode}`;
}

function refusal(problem: ReportProblem, name: string): Problem {
  switch (problem.code) {
    case 'report_reviewer_is_submitter':
      return new Problem(
        HttpStatus.FORBIDDEN,
        'four-eyes',
        'Four eyes: someone else must review this report',
        `You submitted ${name}: another staff member accepts or returns it.`,
        problem,
      );
    case 'report_not_open':
      return new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'report-not-open',
        'The report is already in',
        `${capital(name)} is ${problem.facts.status}: only a report that is due or was returned is submitted.`,
        problem,
      );
    case 'report_not_submitted':
      return new Problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'report-not-submitted',
        'The report is not submitted',
        `${capital(name)} is ${problem.facts.status}: only a submitted report is accepted or returned.`,
        problem,
      );
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The reports a project owes after approval (libs/domain's reportSchedule on the reporting
 * settings' terms), handed in by staff with their documents, and accepted or returned by another
 * staff member (four eyes). Overdue is judged on the UTC calendar day, the day every date of the
 * API is judged on.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Lays out (or out again) the reports a project owes from its dates, in the caller's transaction:
   * on approval, and whenever an approved project's end date moves. Reports handed in are kept as
   * they are. The change that moved the dates carries the audit entry; the schedule follows from it.
   */
  async layOutSchedule(manager: EntityManager, projectId: string): Promise<void> {
    const dates = await this.repository.projectDates(manager, projectId);
    if (!dates?.start_date || !dates.end_date) return;
    const planned = reportSchedule(dates.start_date, dates.end_date, await this.repository.terms(manager));
    const changes = rescheduleReports(await this.repository.slots(manager, projectId), planned);
    await this.repository.remove(manager, changes.remove);
    for (const { id, planned: slot } of changes.update) await this.repository.movePlanned(manager, id, slot);
    for (const slot of changes.insert) await this.repository.insertPlanned(manager, projectId, slot);
  }

  async list(projectId: string, query: ReportQuery): Promise<Page<ReportDto>> {
    const manager = this.dataSource.manager;
    if (!(await this.repository.projectExists(manager, projectId))) throw Problem.notFound('The project');
    const rows = await this.repository.list(manager, projectId, query.cursor, limitOf(query));
    const on = query.on ?? todayUtc();
    return pageOf(
      rows,
      query,
      (row) => [row.due_on, row.id],
      (row) => toDto(row, on),
    );
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ReportDto> {
    const row = await this.repository.find(manager, id);
    if (!row) throw Problem.notFound('The report');
    return toDto(row, todayUtc());
  }

  /** The report's project, kind, status and name, locked, for a change made beside it (its results). */
  async lockForChange(
    manager: EntityManager,
    id: string,
  ): Promise<{ projectId: string; kind: ReportKind; status: ReportDto['status']; name: string }> {
    const row = await this.repository.find(manager, id, true);
    if (!row) throw Problem.notFound('The report');
    return {
      projectId: row.project_id,
      kind: row.kind,
      status: row.status,
      name: reportName({ kind: row.kind, sequence: row.sequence, projectCode: row.project_code }),
    };
  }

  submit(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: SubmitReportRequest,
  ): Promise<ReportDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<{ version: number }, ReportDto>(manager, this.audit, ctx, {
        table: 'reports',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: () => this.get(id, manager),
        decide: (_, before) => {
          const problem = submissionProblem(before.status);
          if (problem) throw refusal(problem, reportName(before));
          return {
            set: {
              status: 'submitted',
              submitted_at: new Date(),
              submitted_by: ctx.actor.id,
              reviewed_at: null,
              reviewed_by: null,
              comments: null,
              documents: JSON.stringify(
                request.documents.map(({ title, reference }) => ({ title, reference })),
              ),
            },
          };
        },
      }),
    );
  }

  review(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: ReviewReportRequest,
  ): Promise<ReportDto> {
    const comments = request.comments ?? null;
    if (request.outcome === 'returned' && !comments) {
      throw Problem.validation([
        { field: 'comments', message: 'must say what to change when a report is returned' },
      ]);
    }
    return this.dataSource.transaction((manager) =>
      changeVersioned<{ version: number }, ReportDto>(manager, this.audit, ctx, {
        table: 'reports',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        read: () => this.get(id, manager),
        decide: (_, before) => {
          const problem = reviewProblem(
            { status: before.status, submittedBy: before.submittedById },
            ctx.actor.id,
          );
          if (problem) throw refusal(problem, reportName(before));
          return {
            set: { status: request.outcome, reviewed_at: new Date(), reviewed_by: ctx.actor.id, comments },
          };
        },
      }),
    );
  }

  /** The reports not in whose due date is before the day, across the portfolio. */
  async overdue(query: ReportQuery): Promise<OverdueReportPage> {
    const on = query.on ?? todayUtc();
    const manager = this.dataSource.manager;
    const limit = limitOf(query);
    const cursor = decodeCursor(query.cursor, 2) as [string, string] | null;
    const [rows, total] = await Promise.all([
      this.repository.overdue(manager, on, cursor, limit),
      this.repository.overdueCount(manager, on),
    ]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      on,
      total,
      items: items.map((row) => ({
        code: 'report_overdue' as const,
        reportId: row.id,
        projectId: row.project_id,
        projectCode: row.project_code,
        projectTitle: row.project_title,
        kind: row.kind,
        sequence: row.sequence,
        status: row.status,
        dueOn: row.due_on,
        daysOverdue: row.days_overdue,
        message: `${capital(reportName({ kind: row.kind, sequence: row.sequence, projectCode: row.project_code }))} was due on ${row.due_on}.`,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.due_on, last.id]) : null,
    };
  }

  overdueCount(on: string = todayUtc()): Promise<number> {
    return this.repository.overdueCount(this.dataSource.manager, on);
  }

  /** For a transfer that waits on a report: the report, locked, when it belongs to the project. */
  async requiredReport(
    manager: EntityManager,
    projectId: string,
    reportId: string,
  ): Promise<{ id: string; status: ReportDto['status']; name: string } | null> {
    const row = await this.repository.find(manager, reportId, true);
    if (!row || row.project_id !== projectId) return null;
    return {
      id: row.id,
      status: row.status,
      name: reportName({ kind: row.kind, sequence: row.sequence, projectCode: row.project_code }),
    };
  }

  async settings(): Promise<ReportingSettingsDto> {
    return toSettingsDto(await this.repository.settings(this.dataSource.manager));
  }

  updateSettings(
    ctx: RequestContext,
    expectedVersion: number,
    request: UpdateReportingSettingsRequest,
  ): Promise<ReportingSettingsDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<SettingsRow & { version: number }, ReportingSettingsDto>(manager, this.audit, ctx, {
        table: 'reporting_settings',
        entityLabel: 'reporting settings',
        auditEntity: SETTINGS_AUDIT_ENTITY,
        id: 'true',
        auditEntityId: 'current',
        expectedVersion,
        read: toSettingsDto,
        decide: () => {
          const set: Record<string, unknown> = {};
          if (request.progressReportMonths !== undefined)
            set.progress_report_months = request.progressReportMonths;
          if (request.finalNarrativeMonths !== undefined)
            set.final_narrative_months = request.finalNarrativeMonths;
          if (request.finalFinancialMonths !== undefined)
            set.final_financial_months = request.finalFinancialMonths;
          if (request.source !== undefined) set.source = request.source;
          return { set };
        },
      }),
    );
  }
}

function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

function toDto(row: ReportRow, on: string): ReportDto {
  return {
    id: row.id,
    projectId: row.project_id,
    projectCode: row.project_code,
    kind: row.kind,
    sequence: row.sequence,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    dueOn: row.due_on,
    status: row.status,
    overdue: isReportOverdue({ status: row.status, dueOn: row.due_on }, on),
    submittedAt: iso(row.submitted_at),
    submittedById: row.submitted_by,
    submittedByName: row.submitted_by_name,
    reviewedAt: iso(row.reviewed_at),
    reviewedById: row.reviewed_by,
    reviewedByName: row.reviewed_by_name,
    comments: row.comments,
    documents: row.documents,
    version: row.version,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

function toSettingsDto(row: SettingsRow): ReportingSettingsDto {
  return {
    progressReportMonths: row.progress_report_months,
    finalNarrativeMonths: row.final_narrative_months,
    finalFinancialMonths: row.final_financial_months,
    source: row.source,
    version: row.version,
    updatedAt: iso(row.updated_at)!,
  };
}
