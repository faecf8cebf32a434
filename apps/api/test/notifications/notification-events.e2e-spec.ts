import { addDays } from '@hstf/domain';
import { todayUtc } from '../../src/compliance';
import { NotificationScanService } from '../../src/notifications';
import { asRole, aUser, BuiltUser, signIn } from '../support/builders';
import { aConsent, aFundableProject } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { anApprovedProject } from '../support/report-builders';
import { eventually } from '../support/smtp';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * What the daily scan and the decisions on revisions tell, each once per recipient and as each
 * recipient chose: reminders and overdue reviews, waiting proposals, consent requests unanswered,
 * reports due and overdue, revisions and extensions decided.
 */
describe('notifications of reviews, proposals, consent requests, reports and revisions', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let scanner: NotificationScanService;

  beforeAll(async () => {
    // Reminders five days ahead rather than the default three: the setting is read.
    t = await createTestApp({ JOBS_POLL_SECONDS: '1', REVIEW_REMINDER_DAYS: '5' });
    staff = (await asRole(t, 'staff')).auth;
    scanner = t.app.get(NotificationScanService);
  });
  afterAll(() => t?.close());

  const bearer = async (user: BuiltUser) => ({ Authorization: `Bearer ${await signIn(t, user)}` });
  const prefer = async (user: BuiltUser, body: Record<string, unknown>) => {
    const response = await t
      .http()
      .patch('/api/v1/notifications/settings')
      .set(await bearer(user))
      .send(body);
    expect(response.status).toBe(200);
  };
  /** The user's notifications of one kind on one project: mode, link and facts. */
  const noticesOf = async (user: BuiltUser, kind: string, projectId: string) =>
    (
      await t.db.query<{ mode: string; link: string; facts: Record<string, unknown> }>(
        `SELECT mode, link, facts FROM notifications WHERE user_id = $1 AND kind = $2 AND project_id = $3`,
        [user.id, kind, projectId],
      )
    ).rows;
  const changesTold = () =>
    eventually(
      15_000,
      async () =>
        (await count(
          t.db,
          'pgboss.job',
          `name = 'notifications-change' AND state::text IN ('created', 'retry', 'active')`,
        )) === 0,
    );
  const assign = async (projectId: string, reviewer: BuiltUser) => {
    const response = await t
      .http()
      .post(`/api/v1/projects/${projectId}/reviews`)
      .set(staff)
      .send({ reviewerId: reviewer.id });
    expect(response.status).toBe(201);
    const { rows } = await t.db.query<{ due_on: string }>(`SELECT due_on::text FROM reviews WHERE id = $1`, [
      response.body.id,
    ]);
    return { id: response.body.id as string, due: rows[0]!.due_on };
  };

  it('reminds a reviewer the configured days before the due date, once, unless they turned it off', async () => {
    const project = await aProject(t, { stage: 'under_review' });
    const reviewer = await aUser(t, { role: 'reviewer' });
    const silent = await aUser(t, { role: 'reviewer' });
    const reader = await aUser(t, { role: 'reviewer' });
    await prefer(silent, { preferences: [{ kind: 'review_reminder', mode: 'off' }] });
    await prefer(reader, { preferences: [{ kind: 'review_reminder', mode: 'digest' }] });
    const officer = await aUser(t, { role: 'staff' });
    const review = await assign(project.id, reviewer);
    await assign(project.id, silent);
    await assign(project.id, reader);

    await scanner.scan(addDays(review.due, -6));
    await expect(noticesOf(reviewer, 'review_reminder', project.id)).resolves.toEqual([]);
    await scanner.scan(addDays(review.due, -5));
    await scanner.scan(addDays(review.due, -5));
    await scanner.scan(addDays(review.due, -1));
    await expect(noticesOf(reviewer, 'review_reminder', project.id)).resolves.toEqual([
      {
        mode: 'immediate',
        link: `/reviews/${review.id}`,
        facts: expect.objectContaining({ due: review.due }),
      },
    ]);
    await expect(noticesOf(silent, 'review_reminder', project.id)).resolves.toEqual([]);
    await expect(noticesOf(reader, 'review_reminder', project.id)).resolves.toEqual([
      expect.objectContaining({ mode: 'digest' }),
    ]);
    await expect(noticesOf(officer, 'review_reminder', project.id)).resolves.toEqual([]);
  });

  it('tells staff once of a review past its due date, never the reviewer, whose reminders stop', async () => {
    const project = await aProject(t, { stage: 'under_review' });
    const reviewer = await aUser(t, { role: 'reviewer' });
    const officer = await aUser(t, { role: 'staff' });
    const review = await assign(project.id, reviewer);

    await scanner.scan(review.due);
    await expect(noticesOf(officer, 'review_overdue', project.id)).resolves.toEqual([]);
    await scanner.scan(addDays(review.due, 1));
    await scanner.scan(addDays(review.due, 4));
    await expect(noticesOf(officer, 'review_overdue', project.id)).resolves.toEqual([
      {
        mode: 'immediate',
        link: `/projects/${project.id}`,
        facts: expect.objectContaining({ due: review.due, reviewer: 'Test reviewer' }),
      },
    ]);
    await expect(
      count(t.db, 'notifications', `user_id = $1 AND kind = 'review_overdue'`, [reviewer.id]),
    ).resolves.toBe(0);
    // Reminded on the due date itself, and never again once the review is overdue.
    await expect(noticesOf(reviewer, 'review_reminder', project.id)).resolves.toHaveLength(1);
  });

  it('tells staff once per round of a proposal under review beyond the configured days', async () => {
    const project = await aProject(t, { stage: 'under_review' });
    const officer = await aUser(t, { role: 'staff' });
    await assign(project.id, await aUser(t, { role: 'reviewer' }));
    const { rows } = await t.db.query<{ review_waiting_days: number }>(
      `SELECT review_waiting_days FROM assessment_settings WHERE id`,
    );
    const waiting = rows[0]!.review_waiting_days;
    const today = todayUtc();

    await scanner.scan(addDays(today, waiting));
    await expect(noticesOf(officer, 'proposal_waiting', project.id)).resolves.toEqual([]);
    await scanner.scan(addDays(today, waiting + 1));
    await scanner.scan(addDays(today, waiting + 8));
    await expect(noticesOf(officer, 'proposal_waiting', project.id)).resolves.toEqual([
      {
        mode: 'immediate',
        link: `/projects/${project.id}`,
        facts: expect.objectContaining({ date: today, days: waiting + 1 }),
      },
    ]);
  });

  it('tells staff once of a consent requested over 60 days ago without answer, and donors nothing', async () => {
    const today = todayUtc();
    const project = await aProject(t, { stage: 'full_proposal', countries: ['KEN', 'UGA'] });
    await aConsent(t, project.id, 'KEN', 'requested', { requested_on: addDays(today, -61) });
    await aConsent(t, project.id, 'UGA', 'requested', { requested_on: addDays(today, -59) });
    const officer = await aUser(t, { role: 'staff' });
    const donor = await aUser(t, { role: 'donor' });

    await scanner.scan(today);
    await scanner.scan(today);
    await expect(noticesOf(officer, 'consent_request_overdue', project.id)).resolves.toEqual([
      {
        mode: 'immediate',
        link: `/projects/${project.id}`,
        facts: expect.objectContaining({ country: 'KEN', date: addDays(today, -61), days: 61 }),
      },
    ]);
    await expect(count(t.db, 'notifications', 'user_id = $1', [donor.id])).resolves.toBe(0);

    // In French, with the country's name: what the dashboard and the mail say.
    await prefer(officer, { language: 'fr' });
    const listed = await t
      .http()
      .get('/api/v1/notifications')
      .set(await bearer(officer));
    const notice = listed.body.items.find(
      (item: { kind: string; projectId: string }) =>
        item.kind === 'consent_request_overdue' && item.projectId === project.id,
    );
    expect(notice.title).toBe(
      `Consentement de Kenya à ${project.code} demandé il y a 61 jours, sans réponse`,
    );
  });

  it('tells staff of a report due soon, then overdue, once each, by its name in their language', async () => {
    const project = await anApprovedProject(t, staff);
    const report = project.reports[0]!;
    const officer = await aUser(t, { role: 'staff' });
    const silent = await aUser(t, { role: 'staff' });
    await prefer(silent, { preferences: [{ kind: 'report_overdue', mode: 'off' }] });

    await scanner.scan(addDays(report.dueOn, -15));
    await expect(noticesOf(officer, 'report_due', project.id)).resolves.toEqual([]);
    await scanner.scan(addDays(report.dueOn, -14));
    await scanner.scan(report.dueOn);
    await scanner.scan(addDays(report.dueOn, 1));
    await scanner.scan(addDays(report.dueOn, 9));
    await expect(noticesOf(officer, 'report_due', project.id)).resolves.toEqual([
      {
        mode: 'immediate',
        link: `/projects/${project.id}`,
        facts: expect.objectContaining({ report: report.kind, date: report.dueOn, days: 14 }),
      },
    ]);
    await expect(noticesOf(officer, 'report_overdue', project.id)).resolves.toEqual([
      expect.objectContaining({ facts: expect.objectContaining({ date: report.dueOn, days: 1 }) }),
    ]);
    await expect(noticesOf(silent, 'report_overdue', project.id)).resolves.toEqual([]);
    await expect(noticesOf(silent, 'report_due', project.id)).resolves.toHaveLength(1);

    await prefer(officer, { language: 'es' });
    const listed = await t
      .http()
      .get('/api/v1/notifications')
      .set(await bearer(officer));
    const overdue = listed.body.items.find((item: { kind: string }) => item.kind === 'report_overdue');
    expect(overdue.title).toBe(`Vencido: informe de progreso de ${project.code}`);
  });

  it('tells the requester and staff once of a decision on an extension when it commits, reviewers nothing', async () => {
    const asker = await asRole(t, 'staff');
    const decider = await asRole(t, 'staff');
    const officer = await aUser(t, { role: 'staff' });
    const reviewer = await aUser(t, { role: 'reviewer' });
    const project = await aFundableProject(t, { stage: 'active', countries: ['KEN'], endDate: '2028-12-31' });
    const asked = await t
      .http()
      .post(`/api/v1/projects/${project.id}/revisions`)
      .set(asker.auth)
      .send({ kind: 'extension', endDate: '2029-06-30', justification: 'Floods closed the sites.' });
    expect(asked.status).toBe(201);
    const decided = await t
      .http()
      .post(`/api/v1/projects/${project.id}/revisions/${asked.body.id}/decision`)
      .set(decider.auth)
      .send({ decision: 'approve', comment: 'Justified.', version: asked.body.version });
    expect(decided.status).toBe(201);
    await changesTold();

    for (const user of [asker.user, officer] as BuiltUser[]) {
      await expect(noticesOf(user, 'revision_decided', project.id)).resolves.toEqual([
        {
          mode: 'immediate',
          link: `/projects/${project.id}`,
          facts: expect.objectContaining({ revision: 'extension', decision: 'approved' }),
        },
      ]);
    }
    await expect(count(t.db, 'notifications', 'user_id = $1', [reviewer.id])).resolves.toBe(0);
    const listed = await t
      .http()
      .get('/api/v1/notifications')
      .set(await bearer(officer));
    expect(listed.body.items[0].title).toBe(`The no-cost extension of ${project.code} was approved`);
  });
});
