import { DEMO_PASSWORD, loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { asRole, signIn } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';

/** The demo shows review rounds and reviews waiting too long, as staff and a reviewer meet them. */
describe('the demo review rounds', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(true);
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  it('has a proposal in its second round whose first-round review its reviewer can still read', async () => {
    const { rows } = await t.db.query<{ project_id: string }>(
      `SELECT project_id FROM review_rounds WHERE number = 2 AND closed_at IS NULL`,
    );
    expect(rows).toHaveLength(1);
    const projectId = rows[0]!.project_id;
    const assessment = await t.http().get(`/api/v1/projects/${projectId}/assessment`).set(staff);
    expect(assessment.status).toBe(200);
    expect(assessment.body.round).toMatchObject({ number: 2, counting: true, closedAt: null });
    expect(assessment.body.rounds).toHaveLength(2);
    expect(assessment.body.rounds[0].closedAt).not.toBeNull();

    const { rows: earlier } = await t.db.query<{ id: string; email: string }>(
      `SELECT r.id, u.email FROM reviews r JOIN users u ON u.id = r.reviewer_id
       WHERE r.project_id = $1 AND r.round = 1 AND r.status = 'submitted'`,
      [projectId],
    );
    expect(earlier).toHaveLength(1);
    const reviewer = { id: '', email: earlier[0]!.email, role: 'reviewer' as const, donorId: null };
    const auth = { Authorization: `Bearer ${await signIn(t, reviewer, DEMO_PASSWORD)}` };
    const own = await t.http().get(`/api/v1/reviews/${earlier[0]!.id}`).set(auth);
    expect(own.status).toBe(200);
    expect(own.body.review).toMatchObject({ round: 1, currentRound: false, status: 'submitted' });
  });

  it('raises an overdue review alert today', async () => {
    const response = await t.http().get('/api/v1/alerts/reviews').set(staff);
    expect(response.status).toBe(200);
    const overdue = (response.body.items as { code: string; round: number }[]).filter(
      (a) => a.code === 'review_overdue',
    );
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.some((a) => a.round === 2)).toBe(true);
  });
});
