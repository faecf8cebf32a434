import { aReadyProposal, versionOf, type ReadyProposal } from './lifecycle-builders';
import type { TestApp } from './test-app';

export type Auth = { Authorization: string };

export interface ScheduledReport {
  id: string;
  projectId: string;
  kind: 'progress' | 'final_narrative' | 'final_financial';
  sequence: number;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  status: 'due' | 'submitted' | 'accepted' | 'returned';
  overdue: boolean;
  submittedById: string | null;
  reviewedById: string | null;
  comments: string | null;
  version: number;
}

/** The reports a project owes, through the API, by due date. */
export async function reportsOf(t: TestApp, auth: Auth, projectId: string): Promise<ScheduledReport[]> {
  const response = await t.http().get(`/api/v1/projects/${projectId}/reports`).set(auth);
  if (response.status !== 200)
    throw new Error(`reports: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { items: ScheduledReport[] }).items;
}

/**
 * A project approved through the API (so its schedule is laid out as on any approval), from
 * 2026-01-01 to `endDate` (2028-12-31 unless given), with its reports.
 */
export async function anApprovedProject(
  t: TestApp,
  staff: Auth,
  options: { endDate?: string; countries?: string[] } = {},
): Promise<ReadyProposal & { reports: ScheduledReport[] }> {
  const project = await aReadyProposal(t, { countries: options.countries ?? ['KEN'] });
  if (options.endDate) {
    await t.db.query(`UPDATE projects SET end_date = $2 WHERE id = $1`, [project.id, options.endDate]);
  }
  const response = await t
    .http()
    .post(`/api/v1/projects/${project.id}/transitions`)
    .set(staff)
    .set('If-Match', `"${await versionOf(t, project.id)}"`)
    .send({ to: 'approved', note: 'Approved by the Programme Review Committee.' });
  if (response.status !== 201)
    throw new Error(`approval: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...project, reports: await reportsOf(t, staff, project.id) };
}

/** Hands a report in through the API, with one document. */
export async function submitted(t: TestApp, auth: Auth, report: { id: string; version: number }) {
  const response = await t
    .http()
    .post(`/api/v1/reports/${report.id}/submission`)
    .set(auth)
    .send({
      version: report.version,
      documents: [{ title: 'Annual progress report', reference: 'HSU/PR/1' }],
    });
  if (response.status !== 201)
    throw new Error(`submission: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as ScheduledReport;
}

/** Accepts (or returns) a submitted report through the API. */
export async function reviewed(
  t: TestApp,
  auth: Auth,
  report: { id: string; version: number },
  outcome: 'accepted' | 'returned' = 'accepted',
  comments: string | null = outcome === 'returned' ? 'Add the indicator table.' : null,
) {
  const response = await t
    .http()
    .post(`/api/v1/reports/${report.id}/review`)
    .set(auth)
    .send({ version: report.version, outcome, comments });
  if (response.status !== 201) throw new Error(`review: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as ScheduledReport;
}
