import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { createTestApp, TestApp } from '../support/test-app';
import { asRole } from '../support/builders';

describe('the demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(true);
  });
  afterAll(() => t.close());

  const column = async (sql: string) => (await t.db.query<{ v: string }>(sql)).rows.map((row) => row.v);

  it('loads only once', async () => {
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(false);
  });

  it('holds about 60 projects in every stage and every M49 region, single- and multi-country', async () => {
    await expect(column(`SELECT DISTINCT stage AS v FROM projects ORDER BY 1`)).resolves.toEqual([
      'active',
      'approved',
      'closed',
      'completed',
      'concept_note',
      'full_proposal',
      'rejected',
      'revision_requested',
      'under_review',
      'withdrawn',
    ]);
    await expect(
      column(
        `SELECT DISTINCT c.region AS v FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3 ORDER BY 1`,
      ),
    ).resolves.toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    const [sizes] = (
      await t.db.query<{ projects: number; multi: number }>(
        `SELECT count(*)::int AS projects,
                count(*) FILTER (WHERE (SELECT count(*) FROM project_countries pc WHERE pc.project_id = p.id) > 1)::int AS multi
         FROM projects p`,
      )
    ).rows;
    expect(sizes!.projects).toBe(60);
    expect(sizes!.multi).toBeGreaterThan(5);
  });

  it('has consent records in every status', async () => {
    await expect(column(`SELECT DISTINCT status AS v FROM consent_records ORDER BY 1`)).resolves.toEqual([
      'expired',
      'granted',
      'refused',
      'requested',
      'withdrawn',
    ]);
  });

  it('flags every project, strategy and contribution as illustrative', async () => {
    await expect(
      column(`SELECT 'x' AS v FROM projects WHERE NOT illustrative
              UNION ALL SELECT 'x' FROM national_strategies WHERE NOT illustrative
              UNION ALL SELECT 'x' FROM contributions WHERE NOT illustrative`),
    ).resolves.toEqual([]);
  });

  it('follows the public history: Japan alone until 2006, four more donors from 2007', async () => {
    await expect(
      column(`SELECT DISTINCT d.name AS v FROM contributions c JOIN donors d ON d.id = c.donor_id
              WHERE c.pledged_on < '2007-01-01'`),
    ).resolves.toEqual(['Japan']);
    await expect(column(`SELECT min(pledged_on)::text AS v FROM contributions`)).resolves.toEqual([
      '1999-03-01',
    ]);
  });

  it('keeps every contribution consistent with the API rule usdAmount = amount × rate', async () => {
    await expect(
      column(`SELECT reference AS v FROM contributions WHERE usd_amount <> round(amount * exchange_rate, 2)`),
    ).resolves.toEqual([]);
  });

  it('keeps every project within the rules: shares sum to the budget, transfers within the approved budget', async () => {
    await expect(
      column(`SELECT p.code AS v FROM projects p
              WHERE p.requested_budget <> (SELECT sum(budget_share) FROM project_organizations po WHERE po.project_id = p.id)
                 OR coalesce((SELECT sum(amount_usd) FROM transfers x WHERE x.project_id = p.id), 0) > coalesce(p.approved_budget, 0)`),
    ).resolves.toEqual([]);
  });

  it('leaves the Fund with a positive available balance', async () => {
    const { auth } = await asRole(t, 'staff');
    const response = await t.http().get('/api/v1/fund/ledger').set(auth);
    expect(response.status).toBe(200);
    expect(Number(response.body.overall.available)).toBeGreaterThan(0);
  });

  it('writes an audit entry for every record it creates', async () => {
    await expect(
      column(`SELECT 'project without audit' AS v FROM projects p
              WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.entity = 'project' AND a.entity_id = p.id::text)`),
    ).resolves.toEqual([]);
  });
});
