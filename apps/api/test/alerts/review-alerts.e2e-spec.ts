import { addDays } from '@hstf/domain';
import { asRole } from '../support/builders';
import { aReadyProposal, versionOf } from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };
interface ReviewAlert {
  code: string;
  projectId: string;
  round: number;
  reviewId: string | null;
  since: string;
  days: number;
  message: string;
}

/**
 * GET /api/v1/alerts/reviews (DESIGN.md §4.3, waiting too long): a proposal under review beyond the
 * days of the assessment settings; a review still owed after its due date. Both are judged on the
 * day asked, so the tests move the day rather than the records.
 */
describe('review alerts', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const alertsOn = async (on: string, projectId: string): Promise<ReviewAlert[]> => {
    const response = await t.http().get(`/api/v1/alerts/reviews?on=${on}&limit=200`).set(staff);
    expect(response.status).toBe(200);
    expect(response.body.on).toBe(on);
    return (response.body.items as ReviewAlert[]).filter((a) => a.projectId === projectId);
  };
  const move = async (projectId: string, to: string) =>
    t
      .http()
      .post(`/api/v1/projects/${projectId}/transitions`)
      .set(staff)
      .set('If-Match', `"${await versionOf(t, projectId)}"`)
      .send({ to, note: `Moved to ${to}.` });

  /** A proposal in its second round, opened today through the lifecycle. */
  async function resubmittedToday(): Promise<string> {
    const project = await aReadyProposal(t);
    for (const to of ['revision_requested', 'full_proposal', 'under_review']) {
      expect((await move(project.id, to)).status).toBe(201);
    }
    return project.id;
  }

  it('raises the overdue alert the day after the due date, not before, and no longer once submitted', async () => {
    const projectId = await resubmittedToday();
    const { user } = await asRole(t, 'reviewer');
    const dueOn = addDays(today, 5);
    const assigned = await t
      .http()
      .post(`/api/v1/projects/${projectId}/reviews`)
      .set(staff)
      .send({ reviewerId: user.id, dueOn });
    expect(assigned.status).toBe(201);

    await expect(alertsOn(dueOn, projectId)).resolves.toEqual([]);
    const [overdue, ...rest] = await alertsOn(addDays(dueOn, 1), projectId);
    expect(rest).toEqual([]);
    expect(overdue).toMatchObject({
      code: 'review_overdue',
      reviewId: assigned.body.id,
      round: 2,
      since: dueOn,
      days: 1,
      message: `The review was due on ${dueOn} and is 1 day overdue.`,
    });

    // Submitted, it is owed no more.
    await t.db.query(
      `UPDATE reviews SET status = 'submitted', submitted_at = now(), conflict_declared = false,
         recommendation = 'approve', ${[
           'people_centred',
           'comprehensive',
           'context_specific',
           'prevention_oriented',
           'protection_empowerment',
         ]
           .map((p) => `score_${p} = 3, justification_${p} = 'Read.'`)
           .join(', ')}
       WHERE id = $1`,
      [assigned.body.id],
    );
    await expect(alertsOn(addDays(dueOn, 1), projectId)).resolves.toEqual([]);
  });

  it("never raises the overdue alert for an earlier round's unfinished review", async () => {
    const project = await aReadyProposal(t);
    const { user } = await asRole(t, 'reviewer');
    const assigned = await t
      .http()
      .post(`/api/v1/projects/${project.id}/reviews`)
      .set(staff)
      .send({ reviewerId: user.id, dueOn: today });
    expect(assigned.status).toBe(201);
    const dayAfter = addDays(today, 1);
    await expect(alertsOn(dayAfter, project.id)).resolves.toMatchObject([{ code: 'review_overdue' }]);
    for (const to of ['revision_requested', 'full_proposal', 'under_review']) await move(project.id, to);
    await expect(alertsOn(dayAfter, project.id)).resolves.toEqual([]);
  });

  it('raises the waiting alert once the proposal has been under review beyond the configured days', async () => {
    const projectId = await resubmittedToday();
    const settings = await t.http().get('/api/v1/assessment-settings').set(admin);
    expect(settings.body.reviewWaitingDays).toBe(60);

    await expect(alertsOn(addDays(today, 60), projectId)).resolves.toEqual([]);
    await expect(alertsOn(addDays(today, 61), projectId)).resolves.toMatchObject([
      { code: 'proposal_review_waiting', round: 2, since: today, days: 61 },
    ]);

    const changed = await t
      .http()
      .patch('/api/v1/assessment-settings')
      .set(admin)
      .send({ version: settings.body.version, reviewWaitingDays: 10 });
    expect(changed.status).toBe(200);
    expect(changed.body.reviewWaitingDays).toBe(10);
    await expect(alertsOn(addDays(today, 10), projectId)).resolves.toEqual([]);
    await expect(alertsOn(addDays(today, 11), projectId)).resolves.toMatchObject([
      { code: 'proposal_review_waiting', days: 11 },
    ]);
    await t
      .http()
      .patch('/api/v1/assessment-settings')
      .set(admin)
      .send({ version: changed.body.version, reviewWaitingDays: 60 });
  });

  it('stops the waiting alert once the proposal leaves review', async () => {
    const projectId = await resubmittedToday();
    await expect(alertsOn(addDays(today, 61), projectId)).resolves.toHaveLength(1);
    await move(projectId, 'revision_requested');
    await expect(alertsOn(addDays(today, 61), projectId)).resolves.toEqual([]);
  });

  it('refuses a malformed day with 400 and reviewers and donors with 403', async () => {
    expectProblem(await t.http().get('/api/v1/alerts/reviews?on=2026-02-30').set(staff), 400);
    for (const role of ['reviewer', 'donor'] as const) {
      const { auth } = await asRole(t, role);
      expectProblem(await t.http().get('/api/v1/alerts/reviews').set(auth), 403);
    }
  });
});
