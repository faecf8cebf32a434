import type { PlannedReport, ReportKind, ReportingTerms, ReportStatus } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { readDatedPage, type DatedListing } from '../common/pagination/dated-page';

export interface ReportRow {
  id: string;
  project_id: string;
  project_code: string;
  kind: ReportKind;
  sequence: number;
  period_start: string;
  period_end: string;
  due_on: string;
  status: ReportStatus;
  submitted_at: Date | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  comments: string | null;
  documents: { title: string; reference: string }[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface SettingsRow {
  progress_report_months: number;
  final_narrative_months: number;
  final_financial_months: number;
  source: string;
  version: number;
  updated_at: Date;
}

export interface OverdueRow {
  id: string;
  project_id: string;
  project_code: string;
  project_title: string;
  kind: ReportKind;
  sequence: number;
  status: ReportStatus;
  due_on: string;
  days_overdue: number;
}

const SELECT = `
  SELECT r.id, r.project_id, p.code AS project_code, r.kind, r.sequence,
         to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
         to_char(r.due_on, 'YYYY-MM-DD') AS due_on, r.status, r.submitted_at, r.submitted_by,
         su.name AS submitted_by_name, r.reviewed_at, r.reviewed_by, ru.name AS reviewed_by_name, r.comments,
         r.documents, r.version, r.created_at, r.updated_at
  FROM reports r
  JOIN projects p ON p.id = r.project_id
  LEFT JOIN users su ON su.id = r.submitted_by
  LEFT JOIN users ru ON ru.id = r.reviewed_by`;

const BY_DUE_DATE: DatedListing = { select: SELECT, parent: 'r.project_id', date: 'r.due_on', id: 'r.id' };

/** Open (not in) and due before the day: the overdue reports of live projects. */
const OVERDUE_WHERE = `r.status IN ('due', 'returned') AND r.due_on < $1::date AND p.deleted_at IS NULL`;

/** The SQL of the reports feature: one method per statement, in the caller's transaction. */
@Injectable()
export class ReportsRepository {
  async find(manager: EntityManager, id: string, lock = false): Promise<ReportRow | undefined> {
    const [row] = await manager.query<ReportRow[]>(
      `${SELECT} WHERE r.id = $1 AND p.deleted_at IS NULL ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    );
    return row;
  }

  /** A project's reports by due date, then kind and sequence (keyset: due date, id). */
  list(
    manager: EntityManager,
    projectId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<ReportRow[]> {
    return readDatedPage<ReportRow>(manager, BY_DUE_DATE, projectId, cursor, limit);
  }

  async projectExists(manager: EntityManager, projectId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL`,
      [projectId],
    );
    return rows.length > 0;
  }

  async projectDates(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ start_date: string | null; end_date: string | null } | undefined> {
    const [row] = await manager.query<{ start_date: string | null; end_date: string | null }[]>(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
       FROM projects WHERE id = $1`,
      [projectId],
    );
    return row;
  }

  slots(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ id: string; kind: ReportKind; sequence: number; status: ReportStatus }[]> {
    return manager.query(`SELECT id, kind, sequence, status FROM reports WHERE project_id = $1 FOR UPDATE`, [
      projectId,
    ]);
  }

  async insertPlanned(manager: EntityManager, projectId: string, planned: PlannedReport): Promise<void> {
    await manager.query(
      `INSERT INTO reports (project_id, kind, sequence, period_start, period_end, due_on) VALUES ($1, $2, $3, $4, $5, $6)`,
      [projectId, planned.kind, planned.sequence, planned.periodStart, planned.periodEnd, planned.dueOn],
    );
  }

  /** A due report's new period and due date; its version moves only when one of them does. */
  async movePlanned(manager: EntityManager, id: string, planned: PlannedReport): Promise<void> {
    await manager.query(
      `UPDATE reports SET period_start = $2, period_end = $3, due_on = $4, version = version + 1
       WHERE id = $1 AND (period_start, period_end, due_on) IS DISTINCT FROM ($2::date, $3::date, $4::date)`,
      [id, planned.periodStart, planned.periodEnd, planned.dueOn],
    );
  }

  async remove(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await manager.query(`DELETE FROM reports WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async terms(manager: EntityManager): Promise<ReportingTerms> {
    const row = await this.settings(manager);
    return {
      progressReportMonths: row.progress_report_months,
      finalNarrativeMonths: row.final_narrative_months,
      finalFinancialMonths: row.final_financial_months,
    };
  }

  async settings(manager: EntityManager): Promise<SettingsRow> {
    const [row] = await manager.query<SettingsRow[]>(
      `SELECT progress_report_months, final_narrative_months, final_financial_months, source, version, updated_at
       FROM reporting_settings WHERE id`,
    );
    return row!;
  }

  /** Overdue on the day, by due date then id (keyset), with the total across pages. */
  async overdue(
    manager: EntityManager,
    on: string,
    after: [string, string] | null,
    limit: number,
  ): Promise<OverdueRow[]> {
    const keyset = after ? `AND (r.due_on, r.id) > ($3::date, $4::uuid)` : '';
    return manager.query<OverdueRow[]>(
      `SELECT r.id, r.project_id, p.code AS project_code, p.title AS project_title, r.kind, r.sequence, r.status,
              to_char(r.due_on, 'YYYY-MM-DD') AS due_on, ($1::date - r.due_on)::int AS days_overdue
       FROM reports r JOIN projects p ON p.id = r.project_id
       WHERE ${OVERDUE_WHERE} ${keyset}
       ORDER BY r.due_on, r.id LIMIT $2`,
      after ? [on, limit + 1, after[0], after[1]] : [on, limit + 1],
    );
  }

  async overdueCount(manager: EntityManager, on: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reports r JOIN projects p ON p.id = r.project_id WHERE ${OVERDUE_WHERE}`,
      [on],
    );
    return row!.n;
  }
}
