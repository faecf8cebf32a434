import type { Client } from 'pg';
import { compareIsoDates, reportCarriesResults, reportSchedule, type PlannedReport } from '@hstf/domain';

interface FundedProject {
  id: string;
  code: string;
  stage: string;
  start_date: string;
  end_date: string;
  vulnerable_groups: string[];
  target_beneficiaries: number | null;
}

interface DemoReport extends PlannedReport {
  status: 'due' | 'submitted' | 'accepted' | 'returned';
  comments: string | null;
}

/** The indicators the first two funded projects measure their outcome by, with what each report says. */
const FRAMEWORK = {
  outcome: 'Communities anticipate threats and act on early warnings',
  principle: 'prevention_oriented',
  output: 'Community early-warning committees trained and equipped',
  indicators: [
    { name: 'Households with a tested early-warning plan', unit: 'households', baseline: 120, target: 2400 },
    {
      name: 'Committee members trained',
      unit: 'people',
      baseline: 0,
      target: 600,
      bySex: true,
      ageGroups: ['18-35', '36+'],
    },
  ],
} as const;

function iso(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * The reports the approved, active, completed and closed demo projects owe, laid out by
 * libs/domain's reportSchedule on the reporting settings' terms, in every state: past reports
 * accepted, one overdue, one returned with comments, one handed in and awaiting review; and, for
 * the first two funded projects, an outcome with indicators and targets whose accepted reports carry
 * actuals and the people reached. Each record has its audit entry, as any change does.
 */
export async function writeDemoReports(client: Client, requestId: string): Promise<void> {
  const today = iso(new Date());
  const [terms] = (
    await client.query<{ progress: number; narrative: number; financial: number }>(
      `SELECT progress_report_months AS progress, final_narrative_months AS narrative,
              final_financial_months AS financial FROM reporting_settings WHERE id`,
    )
  ).rows;
  const users = new Map(
    (await client.query<{ email: string; id: string }>(`SELECT email, id FROM users`)).rows.map((u) => [
      u.email,
      u.id,
    ]),
  );
  const staff = users.get('staff@example.org')!;
  const admin = users.get('admin@example.org')!;
  const projects = (
    await client.query<FundedProject>(
      `SELECT id, code, stage, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date, vulnerable_groups, target_beneficiaries
       FROM projects WHERE stage IN ('approved', 'active', 'completed', 'closed')
         AND start_date IS NOT NULL AND end_date > start_date ORDER BY code`,
    )
  ).rows;

  let overdueShown = false;
  let returnedShown = false;
  let awaitingShown = false;
  for (const [index, project] of projects.entries()) {
    const schedule: DemoReport[] = reportSchedule(project.start_date, project.end_date, {
      progressReportMonths: terms!.progress,
      finalNarrativeMonths: terms!.narrative,
      finalFinancialMonths: terms!.financial,
    }).map((planned) => ({ ...planned, status: 'due', comments: null }));
    // The latest report whose due date has passed shows the situation staff must act on.
    const past = schedule.filter((r) => compareIsoDates(r.dueOn, today) < 0);
    for (const report of past) report.status = 'accepted';
    const latest = past[past.length - 1];
    if (latest && project.stage === 'active') {
      if (!overdueShown) {
        latest.status = 'due';
        overdueShown = true;
      } else if (!returnedShown) {
        latest.status = 'returned';
        latest.comments =
          'The indicator table stops at the second quarter; add the year-end values and the people reached per group.';
        returnedShown = true;
      } else if (!awaitingShown) {
        latest.status = 'submitted';
        awaitingShown = true;
      }
    }

    const framework = index < 2 ? await writeFramework(client, requestId, project) : null;
    for (const report of schedule) {
      const handedIn = report.status !== 'due';
      const reviewed = report.status === 'accepted' || report.status === 'returned';
      const documents = handedIn
        ? [
            {
              title: `${project.code} ${report.kind.replace('_', ' ')} ${report.periodEnd.slice(0, 4)}`,
              reference: `HSU/${project.code}/${report.kind.toUpperCase()}-${report.sequence}`,
            },
          ]
        : [];
      const { rows } = await client.query<Record<string, unknown>>(
        `INSERT INTO reports (project_id, kind, sequence, period_start, period_end, due_on, status, submitted_at,
                              submitted_by, reviewed_at, reviewed_by, comments, documents)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
                 CASE WHEN $8 THEN ($6::date - 10)::timestamptz END, CASE WHEN $8 THEN $9::uuid END,
                 CASE WHEN $10 THEN ($6::date - 3)::timestamptz END, CASE WHEN $10 THEN $11::uuid END, $12, $13)
         RETURNING *`,
        [
          project.id,
          report.kind,
          report.sequence,
          report.periodStart,
          report.periodEnd,
          report.dueOn,
          report.status,
          handedIn,
          staff,
          reviewed,
          admin,
          report.comments,
          JSON.stringify(documents),
        ],
      );
      const row = rows[0]!;
      await audit(client, requestId, 'report', String(row.id), { ...row, projectId: project.id });
      if (framework && handedIn && reportCarriesResults(report.kind)) {
        await writeActuals(client, requestId, project, String(row.id), report, framework);
      }
    }
  }
}

async function audit(client: Client, requestId: string, entity: string, id: string, after: unknown) {
  await client.query(
    `INSERT INTO audit_entries (action, entity, entity_id, after, request_id) VALUES ('create', $1, $2, $3::jsonb, $4)`,
    [entity, id, JSON.stringify(after), requestId],
  );
}

async function writeFramework(
  client: Client,
  requestId: string,
  project: FundedProject,
): Promise<{ households: string; trained: string }> {
  const insert = async (entity: string, sql: string, params: unknown[]) => {
    const { rows } = await client.query<Record<string, unknown>>(sql, params);
    await audit(client, requestId, entity, String(rows[0]!.id), { ...rows[0], projectId: project.id });
    return String(rows[0]!.id);
  };
  const outcome = await insert(
    'outcome',
    `INSERT INTO outcomes (project_id, title, principle) VALUES ($1, $2, $3) RETURNING *`,
    [project.id, FRAMEWORK.outcome, FRAMEWORK.principle],
  );
  const output = await insert(
    'output',
    `INSERT INTO outputs (project_id, outcome_id, title) VALUES ($1, $2, $3) RETURNING *`,
    [project.id, outcome, FRAMEWORK.output],
  );
  const [households, trained] = FRAMEWORK.indicators;
  return {
    households: await insert(
      'indicator',
      `INSERT INTO indicators (project_id, outcome_id, name, unit, baseline, target) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING *`,
      [project.id, outcome, households.name, households.unit, households.baseline, households.target],
    ),
    trained: await insert(
      'indicator',
      `INSERT INTO indicators (project_id, output_id, name, unit, baseline, target, by_sex, age_groups)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        project.id,
        output,
        trained.name,
        trained.unit,
        trained.baseline,
        trained.target,
        true,
        trained.ageGroups,
      ],
    ),
  };
}

/** What a handed-in narrative report of the first two projects records: steady progress, year on year. */
async function writeActuals(
  client: Client,
  requestId: string,
  project: FundedProject,
  reportId: string,
  report: DemoReport,
  framework: { households: string; trained: string },
) {
  const step = report.kind === 'final_narrative' ? report.sequence + 3 : report.sequence;
  const people = 1800 * step;
  const groups = project.vulnerable_groups
    .slice(0, 3)
    .map((group, i) => ({ group, reached: Math.round(people / (2 + i)) }));
  const trained = 140 * step;
  await client.query(`INSERT INTO report_reach (report_id, project_id, people_reached) VALUES ($1, $2, $3)`, [
    reportId,
    project.id,
    people,
  ]);
  for (const { group, reached } of groups) {
    await client.query(
      `INSERT INTO report_beneficiaries (report_id, project_id, vulnerable_group, reached) VALUES ($1, $2, $3, $4)`,
      [reportId, project.id, group, reached],
    );
  }
  const actuals = [
    { indicatorId: framework.households, value: Math.min(2400, 120 + 620 * step), breakdown: [] },
    {
      indicatorId: framework.trained,
      value: trained,
      breakdown: [
        { sex: 'female', ageGroup: '18-35', value: Math.round(trained * 0.35) },
        { sex: 'female', ageGroup: '36+', value: Math.round(trained * 0.2) },
        { sex: 'male', ageGroup: '18-35', value: Math.round(trained * 0.25) },
        {
          sex: 'male',
          ageGroup: '36+',
          value:
            trained - Math.round(trained * 0.35) - Math.round(trained * 0.2) - Math.round(trained * 0.25),
        },
      ],
    },
  ];
  for (const actual of actuals) {
    await client.query(
      `INSERT INTO indicator_actuals (report_id, indicator_id, project_id, value, breakdown) VALUES ($1, $2, $3, $4, $5)`,
      [reportId, actual.indicatorId, project.id, actual.value, JSON.stringify(actual.breakdown)],
    );
  }
  await audit(client, requestId, 'report_results', reportId, {
    reportId,
    projectId: project.id,
    peopleReached: people,
    beneficiaries: groups,
    actuals,
  });
}
