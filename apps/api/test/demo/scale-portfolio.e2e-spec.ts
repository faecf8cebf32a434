import { Client } from 'pg';
import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { seedScalePortfolio } from '../../src/demo/scale-portfolio';
import { createTestApp, TestApp } from '../support/test-app';

describe('the scale seeder', () => {
  let t: TestApp;
  let client: Client;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await loadDemoDataIfEmpty(url, { portfolio: false });
    client = new Client({ connectionString: url });
    await client.connect();
    await seedScalePortfolio(client, 600, () => undefined);
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  const offenders = async (sql: string) =>
    (await t.db.query<{ code: string }>(sql)).rows.map((row) => row.code);

  it('fills exactly the number of projects asked for', async () => {
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects`);
    expect(rows[0]!.n).toBe(600);
  });

  it('refuses to seed a database that already holds projects', async () => {
    await expect(seedScalePortfolio(client, 10, () => undefined)).rejects.toThrow(/already holds projects/);
  });

  it('keeps the filter arrays equal to the link tables', async () => {
    await expect(
      offenders(`SELECT p.code FROM projects p
                 WHERE p.country_codes IS DISTINCT FROM ARRAY(SELECT country_iso3::text FROM project_countries pc
                                                              WHERE pc.project_id = p.id ORDER BY 1)
                    OR p.organization_ids IS DISTINCT FROM ARRAY(SELECT organization_id FROM project_organizations po
                                                                 WHERE po.project_id = p.id ORDER BY 1)
                    OR p.region_codes IS DISTINCT FROM ARRAY(SELECT DISTINCT c.region_code::text FROM project_countries pc
                                                             JOIN countries c ON c.iso3 = pc.country_iso3
                                                             WHERE pc.project_id = p.id ORDER BY 1)`),
    ).resolves.toEqual([]);
  });

  it('follows the record rules: shares sum to the budget, transfers within it, approved projects consented', async () => {
    await expect(
      offenders(`SELECT p.code FROM projects p
                 WHERE p.requested_budget <> (SELECT sum(budget_share) FROM project_organizations po WHERE po.project_id = p.id)
                    OR coalesce((SELECT sum(amount_usd) FROM transfers x WHERE x.project_id = p.id), 0)
                       > coalesce(p.approved_budget, 0)
                    OR (p.stage IN ('approved', 'active', 'completed', 'closed')
                        AND EXISTS (SELECT 1 FROM consent_records c WHERE c.project_id = p.id
                                    AND c.status NOT IN ('granted', 'withdrawn')))`),
    ).resolves.toEqual([]);
  });

  it('lists through the API with every filter', async () => {
    const { rows } = await t.db.query<{ iso3: string }>(
      `SELECT country_iso3 AS iso3 FROM project_countries LIMIT 1`,
    );
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'staff@example.org', password: 'demo-password' });
    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ country: rows[0]!.iso3, limit: 200 })
      .set('Authorization', `Bearer ${login.body.token}`);
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
    for (const item of response.body.items) expect(item.countries).toContain(rows[0]!.iso3);
  });
});

describe('the scale seeder past 9,999 projects a year', () => {
  let t: TestApp;
  let client: Client;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await loadDemoDataIfEmpty(url, { portfolio: false });
    client = new Client({ connectionString: url });
    await client.connect();
    // 600 projects over 28 start years is 22 a year: with 10 numbers a year the codes must wrap.
    await seedScalePortfolio(client, 600, () => undefined, { codesPerYear: 10 });
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  it('numbers on under years 28 earlier, each code once, the start years unchanged', async () => {
    const { rows } = await t.db.query<{ codes: number; max: number; early: number; years: string[] }>(
      `SELECT count(DISTINCT code)::int AS codes, max(substring(code FROM 9)::int)::int AS max,
              count(*) FILTER (WHERE substring(code FROM 4 FOR 4)::int < 1999)::int AS early,
              array_agg(DISTINCT extract(year FROM start_date)::text) AS years
       FROM projects`,
    );
    expect(rows[0]).toEqual({
      codes: 600,
      max: 10,
      early: 600 - 28 * 10,
      years: Array.from({ length: 28 }, (_, i) => String(1999 + i)),
    });
  });
});
