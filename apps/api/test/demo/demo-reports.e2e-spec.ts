import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { asRole } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';

/** The demo shows reports and results in the states staff meet them, through the API. */
describe('the demo reports and results', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(true);
  });
  afterAll(() => t.close());

  it('has a report overdue, one returned with comments, one accepted with indicator actuals', async () => {
    const { auth } = await asRole(t, 'staff');
    const overdue = await t.http().get('/api/v1/alerts/reports').set(auth);
    expect(overdue.status).toBe(200);
    expect(overdue.body.total).toBeGreaterThanOrEqual(1);

    const { rows } = await t.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM reports GROUP BY status ORDER BY status`,
    );
    expect(rows.map((r) => r.status)).toEqual(['accepted', 'due', 'returned', 'submitted']);
    const [returned] = (await t.db.query(`SELECT comments FROM reports WHERE status = 'returned'`)).rows;
    expect(returned.comments).toMatch(/\w+/);

    const [withActuals] = (
      await t.db.query<{ project_id: string }>(
        `SELECT r.project_id FROM reports r JOIN indicator_actuals a ON a.report_id = r.id
         WHERE r.status = 'accepted' LIMIT 1`,
      )
    ).rows;
    expect(withActuals).toBeDefined();
    const results = await t.http().get(`/api/v1/projects/${withActuals!.project_id}/results`).set(auth);
    expect(results.status).toBe(200);
    const [households] = results.body.outcomes[0].indicators;
    expect(households).toMatchObject({ target: 2400, actual: { reportStatus: 'accepted' } });
    expect(results.body.peopleReached).toBeGreaterThan(0);

    const overview = await t.http().get('/api/v1/results/overview').set(auth);
    expect(overview.body.peopleReached).toBeGreaterThan(0);
    expect(overview.body.byPrinciple).toEqual([expect.objectContaining({ key: 'prevention_oriented' })]);
  });
});
