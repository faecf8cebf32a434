import { Client } from 'pg';
import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { seedScalePortfolio } from '../../src/demo/scale-portfolio';
import { asRole } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';

interface Page {
  items: { id: string; stage: string }[];
  nextCursor: string | null;
}

/** The list says how many projects its filters hold, beside its pages. */
describe('the project count', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  const PROJECTS = 10_600;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await loadDemoDataIfEmpty(url, { portfolio: false });
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await seedScalePortfolio(client, PROJECTS, () => undefined);
    } finally {
      await client.end();
    }
    staff = (await asRole(t, 'staff')).auth;
  }, 120_000);
  afterAll(() => t.close());

  /** Every page of the list for these filters, as a client walking the cursor would. */
  async function everyPage(query: Record<string, string>): Promise<Page['items']> {
    const items: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const response = await t
        .http()
        .get('/api/v1/projects')
        .query({ ...query, limit: '100', ...(cursor ? { cursor } : {}) })
        .set(staff);
      expect(response.status).toBe(200);
      const page = response.body as Page;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it('counts exactly the projects the list holds for the same filters', async () => {
    const query = { stage: 'active', country: 'KEN,UGA,TZA' };
    const listed = await everyPage(query);
    expect(listed.length).toBeGreaterThan(0);
    const response = await t.http().get('/api/v1/projects/count').query(query).set(staff);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ count: listed.length, exact: true });
  });

  it('counts none when nothing matches, exactly', async () => {
    const response = await t
      .http()
      .get('/api/v1/projects/count')
      .query({ q: 'no project is called this' })
      .set(staff);
    expect(response.body).toEqual({ count: 0, exact: true });
  });

  it('estimates beyond 10,000 and says so, never below what it counted', async () => {
    const response = await t.http().get('/api/v1/projects/count').set(staff);
    expect(response.status).toBe(200);
    const { count, exact } = response.body as { count: number; exact: boolean };
    expect(exact).toBe(false);
    expect(count).toBeGreaterThan(10_000);
    // The planner's estimate after ANALYZE, within a tenth of the truth.
    expect(Math.abs(count - PROJECTS) / PROJECTS).toBeLessThan(0.1);
  });

  it('refuses a filter the list refuses, with a problem document', async () => {
    const response = await t.http().get('/api/v1/projects/count').query({ stage: 'bogus' }).set(staff);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers the roles that read the list, and no one else', async () => {
    const donor = (await asRole(t, 'donor')).auth;
    expect((await t.http().get('/api/v1/projects/count').set(donor)).status).toBe(200);
    const reviewer = (await asRole(t, 'reviewer')).auth;
    expect((await t.http().get('/api/v1/projects/count').set(reviewer)).status).toBe(403);
    expect((await t.http().get('/api/v1/projects/count')).status).toBe(401);
  });
});
