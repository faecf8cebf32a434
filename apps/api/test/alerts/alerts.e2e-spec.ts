import type { Response } from 'supertest';
import { addDays } from '@hstf/domain';
import { asRole } from '../support/builders';
import { aConsent } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };
interface Alert {
  code: string;
  projectId: string;
  projectCode: string;
  country: string;
  recordId: string | null;
  facts: Record<string, unknown>;
  message: string;
}

const ON = '2026-06-01';

/**
 * GET /api/v1/alerts (DESIGN.md §4.3): approved or active projects whose consent was withdrawn, has
 * expired or expires within 90 days; proposals waiting more than 60 days on a requested consent.
 */
describe('consent alerts', () => {
  let t: TestApp;
  let staff: Auth;
  /** The alerts the arranged projects must raise on ON, as code/project/country/record. */
  const expected: string[] = [];
  const raise = (code: string, projectId: string, country: string, recordId: string | null) =>
    expected.push(`${code} ${projectId} ${country} ${recordId}`);

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;

    const withdrawn = await aProject(t, { stage: 'active', countries: ['KEN'] });
    raise(
      'funded_consent_withdrawn',
      withdrawn.id,
      'KEN',
      await aConsent(t, withdrawn.id, 'KEN', 'withdrawn'),
    );

    const lapsed = await aProject(t, { stage: 'approved', countries: ['UGA'] });
    raise(
      'funded_consent_expired',
      lapsed.id,
      'UGA',
      await aConsent(t, lapsed.id, 'UGA', 'granted', { valid_until: addDays(ON, -1) }),
    );
    const expired = await aProject(t, { stage: 'active', countries: ['TZA'] });
    raise('funded_consent_expired', expired.id, 'TZA', await aConsent(t, expired.id, 'TZA', 'expired'));

    const expiring = await aProject(t, { stage: 'active', countries: ['ETH'] });
    raise(
      'funded_consent_expiring',
      expiring.id,
      'ETH',
      await aConsent(t, expiring.id, 'ETH', 'granted', { valid_until: addDays(ON, 90) }),
    );
    const notYet = await aProject(t, { stage: 'active', countries: ['ETH'] });
    await aConsent(t, notYet.id, 'ETH', 'granted', { valid_until: addDays(ON, 91) });

    const undocumented = await aProject(t, { stage: 'approved', countries: ['RWA'] });
    await aConsent(t, undocumented.id, 'RWA', 'granted', { document_reference: null });
    raise('funded_consent_invalid', undocumented.id, 'RWA', null);

    // Regional: one country fine, two others withdrawn and missing.
    const regional = await aProject(t, { stage: 'active', countries: ['MLI', 'NER', 'BFA'] });
    await aConsent(t, regional.id, 'MLI', 'granted');
    raise('funded_consent_withdrawn', regional.id, 'NER', await aConsent(t, regional.id, 'NER', 'withdrawn'));
    raise('funded_consent_invalid', regional.id, 'BFA', null);

    const overdue = await aProject(t, { stage: 'under_review', countries: ['NPL'] });
    raise(
      'consent_request_overdue',
      overdue.id,
      'NPL',
      await aConsent(t, overdue.id, 'NPL', 'requested', { requested_on: addDays(ON, -61) }),
    );
    const conceptOverdue = await aProject(t, { stage: 'concept_note', countries: ['BGD'] });
    raise(
      'consent_request_overdue',
      conceptOverdue.id,
      'BGD',
      await aConsent(t, conceptOverdue.id, 'BGD', 'requested', { requested_on: '2025-01-01' }),
    );
    const waiting = await aProject(t, { stage: 'full_proposal', countries: ['NPL'] });
    await aConsent(t, waiting.id, 'NPL', 'requested', { requested_on: addDays(ON, -60) });

    // Nothing to say: a valid consent, a closed project, a deleted one, a rejected proposal.
    const fine = await aProject(t, { stage: 'active', countries: ['KEN'] });
    await aConsent(t, fine.id, 'KEN', 'granted');
    const closed = await aProject(t, { stage: 'closed', countries: ['KEN'] });
    await aConsent(t, closed.id, 'KEN', 'withdrawn');
    const deleted = await aProject(t, { stage: 'active', countries: ['KEN'] });
    await aConsent(t, deleted.id, 'KEN', 'withdrawn');
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [deleted.id]);
    const rejected = await aProject(t, { stage: 'rejected', countries: ['KEN'] });
    await aConsent(t, rejected.id, 'KEN', 'requested', { requested_on: '2024-01-01' });
  });
  afterAll(() => t.close());

  const list = (query: Record<string, unknown>, auth: Auth = staff) =>
    t.http().get('/api/v1/alerts').query(query).set(auth);
  const key = (a: Alert) => `${a.code} ${a.projectId} ${a.country} ${a.recordId}`;

  it('raises each alert once, with the project, the country and the record', async () => {
    const response = await list({ on: ON });
    expect(response.status).toBe(200);
    expect(response.body.on).toBe(ON);
    expect((response.body.items as Alert[]).map(key).sort()).toEqual([...expected].sort());
    expect(response.body.nextCursor).toBeNull();
    const expiring = (response.body.items as Alert[]).find((a) => a.code === 'funded_consent_expiring')!;
    expect(expiring).toMatchObject({
      countryName: 'Ethiopia',
      stage: 'active',
      facts: { daysLeft: 90, validUntil: addDays(ON, 90) },
      message: `The consent of ETH expires on ${addDays(ON, 90)}, in 90 days.`,
    });
    const overdue = (response.body.items as Alert[]).find((a) => a.country === 'NPL')!;
    expect(overdue.message).toBe(
      `The consent of NPL was requested on ${addDays(ON, -61)}, 61 days ago, and is still awaited.`,
    );
  });

  it('orders alerts by project code, then country, and pages through them one by one', async () => {
    const all = (await list({ on: ON })).body.items as Alert[];
    const codes = all.map((a) => a.projectCode);
    expect(codes).toEqual([...codes].sort());
    const paged: Alert[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await list({ on: ON, limit: 1, ...(cursor ? { cursor } : {}) });
      expect(response.body.items.length).toBeLessThanOrEqual(1);
      paged.push(...(response.body.items as Alert[]));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('answers the largest page, 200, whole, and the next page from where it stopped', async () => {
    const before = ((await list({ on: ON })).body.items as Alert[]).length;
    for (let i = 0; i < 205; i++) {
      const project = await aProject(t, { stage: i % 2 ? 'active' : 'approved', countries: ['KEN'] });
      await aConsent(t, project.id, 'KEN', 'withdrawn');
    }
    const first = await list({ on: ON, limit: 200 });
    expect(first.body.items).toHaveLength(200);
    const rest = await list({ on: ON, limit: 200, cursor: first.body.nextCursor });
    expect(rest.body.items).toHaveLength(before + 205 - 200);
    expect(rest.body.nextCursor).toBeNull();
    const keys = [...first.body.items, ...rest.body.items].map((a: Alert) => `${a.projectCode} ${a.country}`);
    expect(new Set(keys).size).toBe(before + 205);
    expect(keys).toEqual([...keys].sort());
  });

  it('is for staff and admin', async () => {
    expect((await list({}, (await asRole(t, 'admin')).auth)).status).toBe(200);
    expectProblem(await list({}, (await asRole(t, 'donor')).auth), 403);
    expectProblem(await list({}, (await asRole(t, 'reviewer')).auth), 403);
    expectProblem(await list({ on: 'tomorrow' }), 400);
  });
});
