import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { createTestApp, TestApp } from '../support/test-app';
import { asRole } from '../support/builders';
import { aProject } from '../support/portfolio-builders';

describe('the compliance summary', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoDataIfEmpty((t.db.options as { connectionString: string }).connectionString);
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  it('counts exactly what each project’s own compliance answer says, by stage and status', async () => {
    const on = '2026-11-23';
    const summary = await t.http().get('/api/v1/compliance/summary').query({ on }).set(staff);
    expect(summary.status).toBe(200);

    const { rows } = await t.db.query<{ id: string; stage: string }>(
      `SELECT id, stage FROM projects WHERE deleted_at IS NULL AND stage IN ('under_review', 'approved', 'active', 'suspended')`,
    );
    const expected = new Map<string, number>();
    for (const project of rows) {
      const answer = await t.http().get(`/api/v1/projects/${project.id}/compliance`).query({ on }).set(staff);
      const key = `${project.stage}/${answer.body.status as string}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const counted = new Map(
      (summary.body.counts as { stage: string; status: string; projects: number }[]).map((c) => [
        `${c.stage}/${c.status}`,
        c.projects,
      ]),
    );
    expect(counted).toEqual(expected);
    expect([...counted.keys()].some((key) => key.endsWith('/pending'))).toBe(true);
  });

  it('is refused to reviewers', async () => {
    const { auth } = await asRole(t, 'reviewer');
    await expect(
      t
        .http()
        .get('/api/v1/compliance/summary')
        .set(auth)
        .then((r) => r.status),
    ).resolves.toBe(403);
  });
});

/**
 * Today's counts are kept like the overview they appear on (DASHBOARD_CACHE_SECONDS, an hour here so
 * nothing expires during the test); a count for another date is computed when asked.
 */
describe('the compliance summary, cached', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ DASHBOARD_CACHE_SECONDS: '3600' });
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const total = async (on?: string) => {
    const response = await t
      .http()
      .get('/api/v1/compliance/summary')
      .query(on ? { on } : {})
      .set(staff);
    expect(response.status).toBe(200);
    return (response.body.counts as { projects: number }[]).reduce((sum, c) => sum + c.projects, 0);
  };

  it("serves today's counts it computed, and computes another date's", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await total();
    await aProject(t, { stage: 'active' });
    expect(await total()).toBe(before);
    expect(await total(today)).toBe(before);
    expect(await total('2020-01-01')).toBe(before + 1);
  });
});
