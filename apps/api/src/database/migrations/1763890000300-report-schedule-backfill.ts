import { MigrationInterface, QueryRunner } from 'typeorm';
import { reportSchedule } from '@hstf/domain';

/** The stages that still owe reports: a closed project's reporting is over. */
const REPORTING_STAGES = ['approved', 'active', 'suspended', 'completed'];

type Query = <Row>(sql: string, parameters?: unknown[]) => Promise<Row[]>;

/**
 * Lays out the reports owed by each project approved before the reporting schedule existed: one
 * with both dates and no report at all, with the terms in the settings, as an approval lays them
 * out. A project that has any report is left alone, so running it again writes nothing. Returns
 * how many projects received their schedule.
 */
export async function backfillReportSchedules(query: Query): Promise<number> {
  const [terms] = await query<{
    progress_report_months: number;
    final_narrative_months: number;
    final_financial_months: number;
  }>(`SELECT progress_report_months, final_narrative_months, final_financial_months FROM reporting_settings`);
  if (!terms) return 0;
  const projects = await query<{ id: string; start_date: string; end_date: string }>(
    `SELECT p.id, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, to_char(p.end_date, 'YYYY-MM-DD') AS end_date
       FROM projects p
      WHERE p.stage = ANY($1::text[]) AND p.deleted_at IS NULL
        AND p.start_date IS NOT NULL AND p.end_date > p.start_date
        AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.project_id = p.id)
      ORDER BY p.id
        FOR UPDATE OF p`,
    [REPORTING_STAGES],
  );
  for (const project of projects) {
    const planned = reportSchedule(project.start_date, project.end_date, {
      progressReportMonths: terms.progress_report_months,
      finalNarrativeMonths: terms.final_narrative_months,
      finalFinancialMonths: terms.final_financial_months,
    });
    for (const slot of planned) {
      await query(
        `INSERT INTO reports (project_id, kind, sequence, period_start, period_end, due_on) VALUES ($1, $2, $3, $4, $5, $6)`,
        [project.id, slot.kind, slot.sequence, slot.periodStart, slot.periodEnd, slot.dueOn],
      );
    }
  }
  return projects.length;
}

/**
 * Projects approved before the reporting schedule existed get the reports they owe (see
 * backfillReportSchedules). Nothing to undo: the reports are what an approval lays out today.
 */
export class ReportScheduleBackfill1763890000300 implements MigrationInterface {
  name = 'ReportScheduleBackfill1763890000300';

  async up(q: QueryRunner): Promise<void> {
    await backfillReportSchedules((sql, parameters) => q.query(sql, parameters));
  }

  async down(): Promise<void> {
    // The reports laid out may since have been handed in: they stay.
  }
}
