import type * as PdfParse from 'pdf-parse';
import { aUser, signIn } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aConsent } from '../support/lifecycle-builders';
import { aProject, anOrganization } from '../support/portfolio-builders';
import { requireNative } from '../support/native-module';
import { createTestApp, TestApp } from '../support/test-app';

// Loaded by Node itself: pdf.js starts its worker with a dynamic import, which Jest's loader refuses.
const { PDFParse } = requireNative<typeof PdfParse>('pdf-parse');

/**
 * The text a reader's PDF software extracts, pages joined, whitespace runs made one space. The
 * glyphs of Arabic dots and marks have no letter of their own: they come out as control characters.
 */
async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    const { text } = await parser.getText();
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000e-\u001f]/g, '').replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe('printable statements', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let ownDonor: string;
  let otherDonor: string;
  let donorAuth: { Authorization: string };
  let projectId: string;

  const pdf = (path: string, auth: { Authorization: string }, query: Record<string, string> = {}) =>
    t.http().get(path).query(query).set(auth).responseType('blob');

  beforeAll(async () => {
    t = await createTestApp();
    staff = { Authorization: `Bearer ${await signIn(t, await aUser(t, { role: 'staff' }))}` };
    ownDonor = await aDonorOfKind(t, 'foundation', 'Fondation Lumière');
    otherDonor = await aDonorOfKind(t, 'foundation', 'Other Foundation');
    const donorUser = await aUser(t, { role: 'donor', donorId: ownDonor });
    donorAuth = { Authorization: `Bearer ${await signIn(t, donorUser)}` };

    await t.db.query(
      `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate,
                                  status, reference)
       VALUES ($1, '2025-02-10', '2025-03-20', 500000.00, 'EUR', 545000.00, 1.09, 'received', 'EUR-RCPT-77'),
              ($1, '2025-09-01', NULL, 250000.00, 'USD', 250000.00, 1, 'pledged', 'PLEDGE-2025-B'),
              ($1, '2023-01-05', '2023-02-01', 9999.00, 'USD', 9999.00, 1, 'received', 'OUTSIDE-PERIOD'),
              ($2, '2025-01-10', '2025-01-20', 1455000.00, 'USD', 1455000.00, 1, 'received', 'OTHER-DONOR-REF')`,
      [ownDonor, otherDonor],
    );

    const lead = await anOrganization(t, 'un_entity');
    const project = await aProject(t, {
      stage: 'active',
      countries: ['KEN', 'UGA'],
      organizationIds: [lead],
      requestedBudget: '400000.00',
      approvedBudget: '400000.00',
      title: 'Drought early warning in the Karamoja cluster',
      summary: 'Communities run their own early warning committees.',
    });
    projectId = project.id;
    for (const country of project.countries) await aConsent(t, project.id, country, 'granted');
    await t.db.query(
      `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche)
       VALUES ($1, $2, 200000.00, '2025-06-15', 1)`,
      [project.id, lead],
    );
  });

  afterAll(() => t.close());

  it("gives the donor's own users its statement for the period: pledges, receipts with their rates, what it funded", async () => {
    const response = await pdf(`/api/v1/donors/${ownDonor}/statement.pdf`, donorAuth, {
      from: '2025-01-01',
      to: '2025-12-31',
      lang: 'en',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('statement-2025-01-01-2025-12-31.pdf');
    const body = response.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(body);
    expect(text).toContain('Donor statement: Fondation Lumière');
    expect(text).toContain('EUR-RCPT-77');
    expect(text).toContain('500,000.00 EUR');
    expect(text).toContain('1.09');
    expect(text).toContain('545,000.00');
    expect(text).toContain('PLEDGE-2025-B');
    expect(text).toContain('Pledged, not yet received 250,000.00 USD');
    // Outside the period, and another donor's: not on it.
    expect(text).not.toContain('OUTSIDE-PERIOD');
    expect(text).not.toContain('OTHER-DONOR-REF');
    // 554,999 (with its receipt of 2023) of the 2,009,999 received by the Fund by the period's end.
    expect(text).toContain('27.61%');
    expect(text).toContain('200,000.00 USD 55,223.80 USD');
  });

  it('lists each receipt at its own rate and states the exchange gain against the pledge’s rate', async () => {
    const donor = await aDonorOfKind(t, 'foundation', 'Fondation du Change');
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO contributions (donor_id, pledged_on, amount, currency, usd_amount, exchange_rate, status)
       VALUES ($1, '2025-02-01', 100000.00, 'EUR', 110000.00, 1.10, 'pledged') RETURNING id`,
      [donor],
    );
    // 50,000 received at 1.12 and 30,000 at 1.15, against the pledge's 1.10.
    await t.db.query(
      `INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount)
       VALUES ($1, '2025-03-01', 50000.00, 1.12, 56000.00), ($1, '2025-04-01', 30000.00, 1.15, 34500.00)`,
      [rows[0]!.id],
    );
    const response = await pdf(`/api/v1/donors/${donor}/statement.pdf`, staff, {
      from: '2025-01-01',
      to: '2025-12-31',
      lang: 'en',
    });
    expect(response.status).toBe(200);
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain('Receipts in the period');
    expect(text).toContain('56,000.00');
    expect(text).toContain('1.12');
    expect(text).toContain('1.15');
    // 56,000 − 55,000 and 34,500 − 33,000.
    expect(text).toContain('exchange gain of 2,500.00 USD');
  });

  it('prints the statement in Arabic, right to left, its numbers and references left to right within', async () => {
    const response = await pdf(`/api/v1/donors/${ownDonor}/statement.pdf`, staff, {
      from: '2025-01-01',
      to: '2025-12-31',
      lang: 'ar',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-language']).toBe('ar');
    const text = await pdfText(response.body as Buffer);
    // Text is extracted as it is seen, left to right: the first line, "صندوق الأمم المتحدة ...",
    // ends with its first word. (A shaped Arabic glyph maps back to one of the letters sharing it,
    // so the test looks for words whose letters have glyphs of their own.)
    expect(text.indexOf('المتحدة')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('المتحدة')).toBeLessThan(text.indexOf('دوق'));
    expect(text).toContain('الحالة');
    expect(text).toContain('EUR 500,000.00');
    expect(text).toContain('EUR-RCPT-77');
    // 554,999 of the 2,100,499 received by then: the exchange-gain foundation's receipts (90,500) count
    // although its pledge's own status still says pledged.
    expect(text).toContain('26.42');
    expect(text).not.toContain('Donor statement');
  });

  it('prints Chinese with a font that has its characters', async () => {
    const response = await pdf(`/api/v1/donors/${ownDonor}/statement.pdf`, staff, {
      from: '2025-01-01',
      to: '2025-12-31',
      lang: 'zh',
    });
    expect(response.status).toBe(200);
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain('捐助方报表');
    expect(text).toContain('认捐和收款');
  });

  it("answers 404 to a donor's user asking for another donor's statement, as for an unknown donor", async () => {
    const other = await t.http().get(`/api/v1/donors/${otherDonor}/statement.pdf`).set(donorAuth);
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    const unknown = await t
      .http()
      .get('/api/v1/donors/00000000-0000-4000-8000-000000000000/statement.pdf')
      .set(staff);
    expect(unknown.status).toBe(404);
  });

  it('refuses a period that ends before it starts, and a date that is not one', async () => {
    const reversed = await t
      .http()
      .get(`/api/v1/donors/${ownDonor}/statement.pdf`)
      .query({ from: '2025-12-31', to: '2025-01-01' })
      .set(staff);
    expect(reversed.status).toBe(400);
    expect(reversed.headers['content-type']).toContain('application/problem+json');
    const invalid = await t
      .http()
      .get(`/api/v1/donors/${ownDonor}/statement.pdf`)
      .query({ from: '2025-02-30' })
      .set(staff);
    expect(invalid.status).toBe(400);
  });

  it('refuses a statement without sign-in and to a reviewer', async () => {
    expect((await t.http().get(`/api/v1/donors/${ownDonor}/statement.pdf`)).status).toBe(401);
    const reviewer = { Authorization: `Bearer ${await signIn(t, await aUser(t, { role: 'reviewer' }))}` };
    expect((await t.http().get(`/api/v1/donors/${ownDonor}/statement.pdf`).set(reviewer)).status).toBe(403);
    expect((await t.http().get(`/api/v1/projects/${projectId}/factsheet.pdf`).set(reviewer)).status).toBe(
      403,
    );
  });

  it("gives a project's fact sheet to a donor: summary, countries, budget and transfers, paragraph 6, scorecard, results", async () => {
    const response = await pdf(`/api/v1/projects/${projectId}/factsheet.pdf`, donorAuth, { lang: 'en' });
    expect(response.status).toBe(200);
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain('Drought early warning in the Karamoja cluster');
    expect(text).toContain('Communities run their own early warning committees.');
    expect(text).toContain('Kenya');
    expect(text).toContain('Uganda');
    expect(text).toContain('Approved budget 400,000.00 USD');
    expect(text).toContain('Transferred, net of refunds and reversals 200,000.00 USD');
    expect(text).toContain('Paragraph 6 of resolution 66/290');
    expect(text).toContain('Principles scorecard');
    expect(text).toContain('No review has been submitted yet.');
    expect(text).toContain('No indicator has been set yet.');
  });

  it('prints the fact sheet in Arabic, country names included', async () => {
    const response = await pdf(`/api/v1/projects/${projectId}/factsheet.pdf`, staff, { lang: 'ar' });
    expect(response.status).toBe(200);
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain('المرحلة');
    expect(text).toContain('الحالة');
    expect(text).toContain('66/290');
    expect(text).toContain('Drought early warning in the Karamoja cluster');
    expect(text).not.toContain('Kenya');
  });

  it('answers 404 for a fact sheet of a project that does not exist', async () => {
    const response = await t
      .http()
      .get('/api/v1/projects/00000000-0000-4000-8000-000000000000/factsheet.pdf')
      .set(staff);
    expect(response.status).toBe(404);
  });

  it("states a pledge paid in part by what arrived: received and outstanding per pledge, and the donor's share of the Fund from receipts", async () => {
    const donor = await aDonorOfKind(t, 'foundation', 'Fondation en Partie');
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO contributions (donor_id, pledged_on, amount, currency, usd_amount, exchange_rate, status, reference)
       VALUES ($1, '2025-02-01', 200000.00, 'EUR', 220000.00, 1.10, 'pledged', 'PART-PAID-9') RETURNING id`,
      [donor],
    );
    // 60,000 received at 1.20 (72,000 USD); 40,000 more at 1.25, then reversed as recorded in error.
    const { rows: receipts } = await t.db.query<{ id: string }>(
      `INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount)
       VALUES ($1, '2025-03-01', 60000.00, 1.20, 72000.00), ($1, '2025-04-01', 40000.00, 1.25, 50000.00)
       RETURNING id`,
      [rows[0]!.id],
    );
    await t.db.query(
      `INSERT INTO contribution_receipts (contribution_id, kind, reverses_id, received_on, amount, exchange_rate, usd_amount)
       VALUES ($1, 'reversal', $2, '2025-04-02', 40000.00, 1.25, 50000.00)`,
      [rows[0]!.id, receipts[1]!.id],
    );
    // The record's own status says received at the full amount: the statement must not believe it.
    await t.db.query(
      `UPDATE contributions SET status = 'received', received_on = '2025-03-01' WHERE id = $1`,
      [rows[0]!.id],
    );
    const response = await pdf(`/api/v1/donors/${donor}/statement.pdf`, staff, {
      from: '2025-01-01',
      to: '2025-12-31',
      lang: 'en',
    });
    expect(response.status).toBe(200);
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain('Received 72,000.00 USD');
    // 140,000 EUR still to pay, at the pledge's 1.10.
    expect(text).toContain('Pledged, not yet received 154,000.00 USD');
    expect(text).toMatch(/PART-PAID-9/);
    expect(text).toMatch(/220,000\.00 72,000\.00 154,000\.00/);
    // 72,000 of all the Fund has received by the end of 2025: the earlier donors' 2,009,999 plus the
    // 90,500 of the exchange-gain foundation.
    expect(text).toContain('3.31%');
  });
});
