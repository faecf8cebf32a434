import { COMPLIANCE_STATUSES } from '@hstf/domain';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { asRole } from '../support/builders';
import { aConsent, aDecision, anAlignment } from '../support/lifecycle-builders';
import { aProject, BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Item {
  id: string;
  code: string;
  stage: string;
  paragraph6: string | null;
}

/** The overview's two groups: where paragraph 6 is at stake now. */
const GROUPS = { review: ['under_review'], funded: ['approved', 'active', 'suspended'] };

describe('the project list and paragraph 6', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donor: { Authorization: string };
  /** Closed, approved on 2025-07-01 while its consent held; the consent was withdrawn on 2025-09-01. */
  let closed: BuiltProject;

  async function allPages(query: Record<string, unknown>, auth = staff): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await t
        .http()
        .get('/api/v1/projects')
        .query({ include: 'paragraph6', ...query, limit: 200, ...(cursor ? { cursor } : {}) })
        .set(auth);
      expect(response.status).toBe(200);
      const page = response.body as { items: Item[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  const auditEntries = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entries')).rows[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoDataIfEmpty((t.db.options as { connectionString: string }).connectionString);
    staff = (await asRole(t, 'staff')).auth;
    donor = (await asRole(t, 'donor')).auth;
    closed = await aProject(t, { stage: 'closed', countries: ['KEN'], startDate: '2025-08-01' });
    await anAlignment(t, closed.id, 'KEN');
    await aConsent(t, closed.id, 'KEN', 'withdrawn');
    await aDecision(t, closed.id, 'under_review', 'approved', '2025-07-01');
    // A concept note that has asked no Government yet: not requested, not a failure.
    await aProject(t, { stage: 'concept_note', countries: ['UGA'] });
  });
  afterAll(() => t.close());

  it("gives each project the status of its own compliance answer, judged on its stage's date", async () => {
    const items = await allPages({});
    expect(new Set(items.map((item) => item.paragraph6))).toEqual(new Set(COMPLIANCE_STATUSES));
    for (const item of items) {
      const answer = await t.http().get(`/api/v1/projects/${item.id}/compliance`).set(staff);
      expect({ code: item.code, status: answer.body.status as string }).toEqual({
        code: item.code,
        status: item.paragraph6,
      });
    }
  });

  it('judges a closed project as it stood at its approval, not on a consent withdrawn since', async () => {
    const compliant = await allPages({ compliance: 'compliant', stage: 'closed' });
    expect(compliant.map((item) => item.code)).toContain(closed.code);
    const failing = await allPages({ compliance: 'non_compliant', stage: 'closed' });
    expect(failing.map((item) => item.code)).not.toContain(closed.code);
  });

  it('lists, for each status and group, exactly the projects the compliance counts count', async () => {
    const summary = await t.http().get('/api/v1/compliance/summary').set(staff);
    expect(summary.status).toBe(200);
    const counts = summary.body.counts as { stage: string; status: string; projects: number }[];
    let nonEmpty = 0;
    for (const status of COMPLIANCE_STATUSES) {
      for (const stages of Object.values(GROUPS)) {
        const counted = counts
          .filter((c) => c.status === status && stages.includes(c.stage))
          .reduce((sum, c) => sum + c.projects, 0);
        const listed = await allPages({ compliance: status, stage: stages.join(',') });
        expect({ status, stages, listed: listed.length }).toEqual({ status, stages, listed: counted });
        expect(listed.every((item) => item.paragraph6 === status && stages.includes(item.stage))).toBe(true);
        const counting = await t
          .http()
          .get('/api/v1/projects/count')
          .query({ compliance: status, stage: stages.join(',') })
          .set(staff);
        expect(counting.body).toEqual({ count: counted, exact: true });
        if (counted > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(3);
  });

  it('takes several statuses at once, repeated or separated by commas', async () => {
    const pending = await allPages({ compliance: 'pending' });
    const compliant = await allPages({ compliance: 'compliant' });
    const both = await allPages({ compliance: 'pending,compliant' });
    const repeated = await t
      .http()
      .get('/api/v1/projects?compliance=pending&compliance=compliant&limit=200')
      .set(staff);
    expect(both.map((item) => item.code).sort()).toEqual(
      [...pending, ...compliant].map((item) => item.code).sort(),
    );
    expect((repeated.body.items as Item[]).map((item) => item.code).sort()).toEqual(
      both.map((item) => item.code).sort(),
    );
  });

  it('shows donors the same list and statuses as staff', async () => {
    const forStaff = await allPages({ compliance: 'non_compliant' });
    const forDonor = await allPages({ compliance: 'non_compliant' }, donor);
    expect(forDonor).toEqual(forStaff);
  });

  it('refuses an unknown status with a problem, in the list, its count and its export, writing nothing', async () => {
    const before = await auditEntries();
    for (const path of ['/api/v1/projects', '/api/v1/projects/count']) {
      const response = await t.http().get(path).query({ compliance: 'pending,compliantish' }).set(staff);
      const problem = expectProblem(response, 400);
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'compliance' })]);
    }
    const exported = await t
      .http()
      .get('/api/v1/projects')
      .query({ compliance: 'red', format: 'csv' })
      .set(staff);
    expectProblem(exported, 400);
    await expect(auditEntries()).resolves.toBe(before);
  });

  it('exports as CSV exactly the projects the filtered list holds', async () => {
    const listed = await allPages({ compliance: 'pending,not_requested' });
    expect(listed.length).toBeGreaterThan(0);
    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ compliance: 'pending,not_requested', format: 'csv' })
      .set(staff);
    expect(response.status).toBe(200);
    const csv: string[][] = parse(response.text, { bom: true, record_delimiter: '\r\n' });
    const [header, ...records] = csv;
    expect(header![0]).toBe('Code');
    expect(records.map((record) => record[0])).toEqual(listed.map((item) => item.code));
  });

  it('judges paragraph 6 only when the list asks for it, and refuses an unknown include', async () => {
    const plain = await t.http().get('/api/v1/projects?limit=5').set(staff).expect(200);
    const rows = (plain.body as { items: Item[] }).items;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((item) => item.paragraph6 === null)).toBe(true);
    const judged = await t.http().get('/api/v1/projects?limit=5&include=paragraph6').set(staff).expect(200);
    expect((judged.body as { items: Item[] }).items.every((item) => item.paragraph6 !== null)).toBe(true);
    await t.http().get('/api/v1/projects?include=everything').set(staff).expect(400);
  });
});
