import { addDays } from '@hstf/domain';
import { asRole } from '../support/builders';
import { expectProblem } from '../support/problems';
import {
  anApprovedProject,
  Auth,
  reportsOf,
  reviewed,
  ScheduledReport,
  submitted,
} from '../support/report-builders';
import { backfillReportSchedules } from '../../src/database/migrations/1763890000300-report-schedule-backfill';
import { aProject } from '../support/portfolio-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

const today = () => new Date().toISOString().slice(0, 10);

/** Reports a project owes after approval: the schedule, its moves, four eyes and overdue reports. */
describe('reports', () => {
  let t: TestApp;
  let staff: Auth;
  let staffId: string;
  let colleague: Auth;
  let colleagueId: string;
  let admin: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    ({
      auth: staff,
      user: { id: staffId },
    } = await asRole(t, 'staff'));
    ({
      auth: colleague,
      user: { id: colleagueId },
    } = await asRole(t, 'staff'));
    ({ auth: admin } = await asRole(t, 'admin'));
  });
  afterAll(() => t.close());

  const audits = () => count(t.db, 'audit_entries');
  const schedule = (
    reports: {
      kind: string;
      sequence: number;
      periodStart: string;
      periodEnd: string;
      dueOn: string;
      status: string;
    }[],
  ) => reports.map((r) => [r.kind, r.sequence, r.periodStart, r.periodEnd, r.dueOn, r.status]);

  it('lays out the schedule on approval: a progress report per project year, then the final reports', async () => {
    const before = await audits();
    const project = await anApprovedProject(t, staff);
    expect(schedule(project.reports)).toEqual([
      ['progress', 1, '2026-01-01', '2026-12-31', '2027-03-31', 'due'],
      ['progress', 2, '2027-01-01', '2027-12-31', '2028-03-31', 'due'],
      ['final_narrative', 1, '2028-01-01', '2028-12-31', '2029-03-31', 'due'],
      ['final_financial', 1, '2026-01-01', '2028-12-31', '2029-06-30', 'due'],
    ]);
    // The approval is the one change: its transition's audit entry.
    await expect(audits()).resolves.toBe(before + 1);
  });

  it('lays a 14-month project out with one progress report and a final narrative on the last two months', async () => {
    const project = await anApprovedProject(t, staff, { endDate: '2027-02-28' });
    expect(schedule(project.reports)).toEqual([
      ['progress', 1, '2026-01-01', '2026-12-31', '2027-03-31', 'due'],
      ['final_narrative', 1, '2027-01-01', '2027-02-28', '2027-05-28', 'due'],
      ['final_financial', 1, '2026-01-01', '2027-02-28', '2027-08-28', 'due'],
    ]);
  });

  /** An approved project's end date moves only by an extension, asked by one and decided by another. */
  async function moveEndDate(projectId: string, endDate: string): Promise<void> {
    const asked = await t
      .http()
      .post(`/api/v1/projects/${projectId}/revisions`)
      .set(staff)
      .send({ kind: 'extension', endDate, justification: 'The mid-term review moved the end of the work.' });
    expect(asked.status).toBe(201);
    const decided = await t
      .http()
      .post(`/api/v1/projects/${projectId}/revisions/${asked.body.id}/decision`)
      .set(colleague)
      .send({ decision: 'approve', comment: 'Agreed.', version: asked.body.version });
    expect(decided.status).toBe(201);
  }

  it('lays the schedule out again when the end date moves, keeping the reports handed in', async () => {
    const project = await anApprovedProject(t, staff);
    const first = await submitted(t, staff, project.reports[0]!);
    await moveEndDate(project.id, '2029-12-31');
    expect(schedule(await reportsOf(t, staff, project.id))).toEqual([
      ['progress', 1, '2026-01-01', '2026-12-31', '2027-03-31', 'submitted'],
      ['progress', 2, '2027-01-01', '2027-12-31', '2028-03-31', 'due'],
      ['progress', 3, '2028-01-01', '2028-12-31', '2029-03-31', 'due'],
      ['final_narrative', 1, '2029-01-01', '2029-12-31', '2030-03-31', 'due'],
      ['final_financial', 1, '2026-01-01', '2029-12-31', '2030-06-30', 'due'],
    ]);
    // The report handed in stays as it was: same period, same due date, still submitted.
    expect((await reportsOf(t, staff, project.id)).find((r) => r.id === first.id)).toMatchObject({
      status: 'submitted',
      dueOn: '2027-03-31',
    });
  });

  it('refuses the submitter accepting their own report, and lets a colleague accept it with one audit entry', async () => {
    const project = await anApprovedProject(t, staff);
    const report = await submitted(t, staff, project.reports[0]!);
    expect(report).toMatchObject({ status: 'submitted', submittedById: staffId });
    const before = await audits();
    const own = await t
      .http()
      .post(`/api/v1/reports/${report.id}/review`)
      .set(staff)
      .send({ version: report.version, outcome: 'accepted' });
    const problem = expectProblem(own, 403);
    expect(problem).toMatchObject({ code: 'report_reviewer_is_submitter' });
    await expect(audits()).resolves.toBe(before);
    const [row] = (await t.db.query(`SELECT status, version FROM reports WHERE id = $1`, [report.id])).rows;
    expect(row).toEqual({ status: 'submitted', version: report.version });

    const accepted = await reviewed(t, colleague, report);
    expect(accepted).toMatchObject({
      status: 'accepted',
      reviewedById: colleagueId,
      version: report.version + 1,
    });
    await expect(audits()).resolves.toBe(before + 1);
    const { rows: entries } = await t.db.query(
      `SELECT entity, action, after FROM audit_entries WHERE entity_id = $1 ORDER BY occurred_at`,
      [report.id],
    );
    expect(entries.at(-1)).toMatchObject({
      entity: 'report',
      action: 'update',
      after: { projectId: project.id, status: 'accepted', reviewedById: colleagueId },
    });
  });

  it("tells a report's hand-in and acceptance in the project's timeline and audit log that staff read", async () => {
    const project = await anApprovedProject(t, staff);
    const report = await reviewed(t, colleague, await submitted(t, staff, project.reports[0]!));
    const timeline = await t.http().get(`/api/v1/projects/${project.id}/timeline`).set(staff).expect(200);
    const reportEvents = (timeline.body as { items: { entity: string; entityId: string }[] }).items.filter(
      (event) => event.entity === 'report' && event.entityId === report.id,
    );
    expect(reportEvents).toHaveLength(2);
    const audit = await t
      .http()
      .get('/api/v1/audit')
      .query({ entity: 'report', entityId: report.id })
      .set(staff);
    expect(audit.status).toBe(200);
    expect((audit.body as { items: unknown[] }).items).toHaveLength(2);
  });

  it('returns a report only with comments; the returned report is handed in again', async () => {
    const project = await anApprovedProject(t, staff);
    const report = await submitted(t, staff, project.reports[0]!);
    const before = await audits();
    const silent = await t
      .http()
      .post(`/api/v1/reports/${report.id}/review`)
      .set(colleague)
      .send({ version: report.version, outcome: 'returned' });
    expect(expectProblem(silent, 400).errors).toEqual([expect.objectContaining({ field: 'comments' })]);
    await expect(audits()).resolves.toBe(before);
    const returned = await reviewed(t, colleague, report, 'returned', 'The indicator table is missing.');
    expect(returned).toMatchObject({ status: 'returned', comments: 'The indicator table is missing.' });
    const again = await submitted(t, staff, returned);
    expect(again).toMatchObject({ status: 'submitted', comments: null, reviewedById: null });
    // Accepted, a report is not handed in again.
    const accepted = await reviewed(t, colleague, again);
    const late = await t
      .http()
      .post(`/api/v1/reports/${report.id}/submission`)
      .set(staff)
      .send({ version: accepted.version, documents: [{ title: 'Another version', reference: 'X' }] });
    expect(expectProblem(late, 422)).toMatchObject({ code: 'report_not_open' });
  });

  it('refuses bad input and stale versions, writing nothing', async () => {
    const project = await anApprovedProject(t, staff);
    const report = project.reports[0]!;
    const before = await audits();
    const cases = [
      { url: 'submission', body: { version: report.version, documents: [] } },
      { url: 'submission', body: { version: report.version, documents: [{ title: ' ', reference: 'R' }] } },
      {
        url: 'submission',
        body: { version: report.version, documents: [{ title: 'T', reference: 'R' }], extra: 1 },
      },
      { url: 'review', body: { version: report.version, outcome: 'maybe' } },
    ];
    for (const { url, body } of cases) {
      expectProblem(await t.http().post(`/api/v1/reports/${report.id}/${url}`).set(staff).send(body), 400);
    }
    const stale = await t
      .http()
      .post(`/api/v1/reports/${report.id}/submission`)
      .set(staff)
      .send({ version: report.version + 1, documents: [{ title: 'T', reference: 'R' }] });
    expectProblem(stale, 409);
    const reviewer = await asRole(t, 'reviewer');
    expectProblem(await t.http().get(`/api/v1/projects/${project.id}/reports`).set(reviewer.auth), 403);
    await expect(audits()).resolves.toBe(before);
    const [row] = (
      await t.db.query(`SELECT status, version, documents FROM reports WHERE id = $1`, [report.id])
    ).rows;
    expect(row).toEqual({ status: 'due', version: report.version, documents: [] });
  });

  it('holds a conditional tranche until its report is accepted, naming the report', async () => {
    const project = await anApprovedProject(t, staff);
    const report = project.reports[0]!;
    const transfer = (requiresReportId: string) =>
      t.http().post('/api/v1/transfers').set(staff).send({
        projectId: project.id,
        organizationId: project.leadOrganizationId,
        amountUsd: '1000.00',
        transferredOn: today(),
        requiresReportId,
      });
    const before = { transfers: await count(t.db, 'transfers'), audit: await audits() };
    const waiting = expectProblem(await transfer(report.id), 422);
    expect(waiting).toMatchObject({
      type: expect.stringMatching(/tranche-report-not-accepted$/),
      code: 'tranche_report_not_accepted',
      facts: { reportId: report.id, status: 'due', reportName: expect.stringContaining('progress report 1') },
    });
    expect(waiting.detail).toContain(project.code);
    const elsewhere = await anApprovedProject(t, staff);
    const foreign = expectProblem(await transfer(elsewhere.reports[0]!.id), 400);
    expect(foreign.errors).toEqual([expect.objectContaining({ field: 'requiresReportId' })]);
    const handedIn = await submitted(t, staff, report);
    expectProblem(await transfer(report.id), 422);
    await expect(count(t.db, 'transfers')).resolves.toBe(before.transfers);

    await reviewed(t, colleague, handedIn);
    const released = await transfer(report.id);
    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ requiresReportId: report.id, tranche: 1 });
    await expect(count(t.db, 'transfers')).resolves.toBe(before.transfers + 1);
  });

  it('judges overdue on the UTC day: a report due today is not overdue, the day after it is', async () => {
    const settings = await t.http().get('/api/v1/reporting-settings').set(staff);
    expect(settings.body).toMatchObject({
      finalNarrativeMonths: 3,
      source: expect.stringContaining('UNTFHS'),
    });
    // Due the day a project ends: a project ending today owes its final narrative report today.
    const changed = await t
      .http()
      .patch('/api/v1/reporting-settings')
      .set(admin)
      .send({ version: settings.body.version, finalNarrativeMonths: 0 });
    expect(changed.status).toBe(200);
    expectProblem(
      await t.http().patch('/api/v1/reporting-settings').set(staff).send({ version: changed.body.version }),
      403,
    );
    const dueToday = await anApprovedProject(t, staff, { endDate: today() });
    const dueYesterday = await anApprovedProject(t, staff, { endDate: addDays(today(), -1) });
    await t
      .http()
      .patch('/api/v1/reporting-settings')
      .set(admin)
      .send({ version: changed.body.version, finalNarrativeMonths: 3 });

    const finalOf = (reports: ScheduledReport[]) => reports.find((r) => r.kind === 'final_narrative')!;
    expect(finalOf(dueToday.reports)).toMatchObject({ dueOn: today(), overdue: false });
    expect(finalOf(dueYesterday.reports)).toMatchObject({ dueOn: addDays(today(), -1), overdue: true });

    const alerts = async (on?: string) => {
      const response = await t
        .http()
        .get(`/api/v1/alerts/reports${on ? `?on=${on}` : ''}`)
        .set(staff);
      expect(response.status).toBe(200);
      return response.body as {
        on: string;
        total: number;
        items: { reportId: string; daysOverdue: number }[];
      };
    };
    const now = await alerts();
    expect(now.on).toBe(today());
    const ids = now.items.map((a) => a.reportId);
    expect(ids).toContain(finalOf(dueYesterday.reports).id);
    expect(ids).not.toContain(finalOf(dueToday.reports).id);
    const tomorrow = await alerts(addDays(today(), 1));
    expect(tomorrow.items.find((a) => a.reportId === finalOf(dueToday.reports).id)).toMatchObject({
      daysOverdue: 1,
    });
    expect(tomorrow.total).toBe(now.total + 1);

    const overview = await t.http().get('/api/v1/results/overview').set(staff);
    expect(overview.body).toMatchObject({ on: today(), overdueReports: now.total });
    // Handed in, it is no longer overdue.
    await submitted(t, staff, finalOf(dueYesterday.reports));
    await expect(alerts()).resolves.toMatchObject({ total: now.total - 1 });
  });

  it('lays out, once, the schedule of a project approved before the schedule existed', async () => {
    const before = await aProject(t, { stage: 'active', startDate: '2025-07-01', endDate: '2027-06-30' });
    const closed = await aProject(t, { stage: 'closed', startDate: '2020-01-01', endDate: '2021-12-31' });
    const proposal = await aProject(t, {
      stage: 'under_review',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    // A project with a report on file already has its schedule: it is left as it is.
    const laidOut = await aProject(t, { stage: 'approved', startDate: '2026-01-01', endDate: '2027-12-31' });
    await t.db.query(
      `INSERT INTO reports (project_id, kind, sequence, period_start, period_end, due_on)
       VALUES ($1, 'progress', 1, '2026-01-01', '2026-12-31', '2027-03-31')`,
      [laidOut.id],
    );
    const query = async <Row>(sql: string, parameters?: unknown[]) =>
      (await t.db.query(sql, parameters)).rows as Row[];

    await backfillReportSchedules(query);
    const laid = await reportsOf(t, staff, before.id);
    expect(laid.map((r) => [r.kind, r.sequence, r.periodStart, r.periodEnd, r.dueOn])).toEqual([
      ['progress', 1, '2025-07-01', '2026-06-30', '2026-09-30'],
      ['final_narrative', 1, '2026-07-01', '2027-06-30', '2027-09-30'],
      ['final_financial', 1, '2025-07-01', '2027-06-30', '2027-12-30'],
    ]);
    expect(laid.every((r) => r.status === 'due')).toBe(true);
    // A closed project's reporting is over, a proposal owes nothing yet, and a schedule is not doubled.
    for (const id of [closed.id, proposal.id]) {
      await expect(count(t.db, 'reports', 'project_id = $1', [id])).resolves.toBe(0);
    }
    await expect(count(t.db, 'reports', 'project_id = $1', [laidOut.id])).resolves.toBe(1);

    const reports = await count(t.db, 'reports');
    await expect(backfillReportSchedules(query)).resolves.toBe(0);
    await expect(count(t.db, 'reports')).resolves.toBe(reports);
  });
});
