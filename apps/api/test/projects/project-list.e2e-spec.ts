import { createTestApp, TestApp } from '../support/test-app';
import { asRole } from '../support/builders';
import { anOrganization, aProject, BuiltProject } from '../support/portfolio-builders';

interface Summary {
  id: string;
  code: string;
  title: string;
  stage: string;
  startDate: string | null;
  approvedBudget: string | null;
  updatedAt: string;
}

describe('the project list', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let sharedOrganization: string;
  const projects: Record<string, BuiltProject> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    sharedOrganization = await anOrganization(t);
    const other = await anOrganization(t);
    projects.kenyaDrought = await aProject(t, {
      countries: ['KEN'],
      stage: 'active',
      window: 'I',
      title: 'Drought early warning for pastoralists',
      summary: 'Communities anticipate drought',
      dimensions: ['food', 'environmental'],
      vulnerableGroups: ['rural_communities'],
      sdgs: [2, 13],
      startDate: '2012-03-01',
      endDate: '2014-03-01',
      approvedBudget: '800000.00',
      organizationIds: [sharedOrganization, other],
    });
    projects.regionalSahel = await aProject(t, {
      countries: ['MLI', 'NER', 'TCD'],
      stage: 'under_review',
      window: 'II',
      title: 'Sahel community security',
      summary: 'Violence prevention with youth groups across borders',
      dimensions: ['personal', 'community'],
      vulnerableGroups: ['youth'],
      sdgs: [16],
      startDate: '2015-01-01',
      endDate: '2017-01-01',
    });
    projects.pacificSids = await aProject(t, {
      countries: ['TUV'],
      stage: 'approved',
      window: 'I',
      title: 'Coastal resilience in Tuvalu',
      summary: 'Climate adaptation and food security for atoll communities',
      dimensions: ['environmental', 'food'],
      vulnerableGroups: ['children'],
      sdgs: [13, 14],
      startDate: '2019-07-01',
      endDate: '2022-07-01',
      approvedBudget: '1500000.00',
      organizationIds: [sharedOrganization, await anOrganization(t)],
    });
    projects.colombia = await aProject(t, {
      countries: ['COL'],
      stage: 'concept_note',
      window: 'II',
      title: 'Reintegration of internally displaced persons',
      summary: 'Livelihoods and protection in returning communities',
      dimensions: ['economic', 'personal'],
      vulnerableGroups: ['internally_displaced_persons', 'women_and_girls'],
      sdgs: [1, 5, 16],
      startDate: '2024-02-01',
      endDate: '2026-02-01',
    });
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, string | number>) => {
    const response = await t.http().get('/api/v1/projects').query(query).set(staff);
    expect(response.status).toBe(200);
    return response.body as { items: Summary[]; nextCursor: string | null };
  };
  const codes = async (query: Record<string, string | number>) =>
    (await list({ limit: 200, ...query })).items.map((item) => item.code).sort();
  const codesOf = (...names: string[]) => names.map((name) => projects[name]!.code).sort();

  it.each([
    ['stage', { stage: 'active' }, ['kenyaDrought']],
    ['several stages', { stage: 'approved,active' }, ['kenyaDrought', 'pacificSids']],
    ['window', { window: 'II' }, ['regionalSahel', 'colombia']],
    ['country', { country: 'NER' }, ['regionalSahel']],
    ['M49 region by code (Africa)', { region: '002' }, ['kenyaDrought', 'regionalSahel']],
    ['M49 region by name', { region: 'Oceania' }, ['pacificSids']],
    ['dimension', { dimension: 'food' }, ['kenyaDrought', 'pacificSids']],
    ['vulnerable group', { group: 'internally_displaced_persons' }, ['colombia']],
    ['SDG', { sdg: 16 }, ['regionalSahel', 'colombia']],
    ['year range', { fromYear: 2015, toYear: 2019 }, ['regionalSahel', 'pacificSids']],
    ['full-text on the summary, stemmed', { q: 'adapting climate' }, ['pacificSids']],
    ['full-text on the title', { q: 'pastoralists' }, ['kenyaDrought']],
    ['combined filters', { dimension: 'food', window: 'I', fromYear: 2015 }, ['pacificSids']],
  ] as const)('filters by %s, returning exactly the matching projects', async (_label, query, expected) => {
    await expect(codes(query)).resolves.toEqual(codesOf(...expected));
  });

  it('returns nothing for a region no country belongs to', async () => {
    await expect(codes({ region: 'Atlantis' })).resolves.toEqual([]);
  });

  it('keeps the list in step when a recipient country is added through the API', async () => {
    const { rows } = await t.db.query<{ version: number }>(`SELECT version FROM projects WHERE id = $1`, [
      projects.colombia!.id,
    ]);
    const response = await t
      .http()
      .patch(`/api/v1/projects/${projects.colombia!.id}`)
      .set(staff)
      .send({ version: rows[0]!.version, recipientCountries: ['COL', 'ECU'] });
    expect(response.status).toBe(200);
    await expect(codes({ country: 'ECU' })).resolves.toEqual(codesOf('colombia'));
    await expect(codes({ region: 'Americas' })).resolves.toEqual(codesOf('colombia'));
  });

  it('filters by participating organization', async () => {
    await expect(codes({ organization: sharedOrganization })).resolves.toEqual(
      codesOf('kenyaDrought', 'pacificSids'),
    );
  });

  it('finds a project by its code', async () => {
    await expect(codes({ q: projects.colombia!.code })).resolves.toEqual(codesOf('colombia'));
  });

  it.each([
    ['code', (a: Summary, b: Summary) => a.code.localeCompare(b.code)],
    ['-startDate', (a: Summary, b: Summary) => (b.startDate ?? '').localeCompare(a.startDate ?? '')],
    [
      'approvedBudget',
      (a: Summary, b: Summary) => Number(a.approvedBudget ?? -1) - Number(b.approvedBudget ?? -1),
    ],
  ] as const)('sorts by %s, page after page', async (sort, compare) => {
    const seen: Summary[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Summary[]; nextCursor: string | null } = await list({
        sort,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect([...seen].sort(compare).map((s) => s.id)).toEqual(seen.map((s) => s.id));
  });

  it('pages through every project exactly once while new ones are inserted', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const page: { items: Summary[]; nextCursor: string | null } = await list({
        sort: 'code',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      await aProject(t, { countries: ['FJI'] });
      inserted += 1;
    } while (cursor && inserted < 50);
    expect(new Set(seen).size).toBe(seen.length);
    for (const project of Object.values(projects)) expect(seen).toContain(project.id);
  });

  it('refuses a cursor it did not give out with 400', async () => {
    const response = await t.http().get('/api/v1/projects').query({ cursor: 'bm90LWEtY3Vyc29y' }).set(staff);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('cursor');
  });

  it('refuses an unknown filter value with 400 on that field', async () => {
    const response = await t.http().get('/api/v1/projects').query({ stage: 'dreaming' }).set(staff);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('stage');
  });
});
