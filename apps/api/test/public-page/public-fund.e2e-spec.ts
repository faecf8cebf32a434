import { aUser, signIn } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aConsent, aReview } from '../support/lifecycle-builders';
import { aProject, anOrganization } from '../support/portfolio-builders';
import { createTestApp, TestApp } from '../support/test-app';

interface PublicFund {
  overall: { received: string; committed: string; transferred: string };
  byYear: { year: number; received: string; committed: string; transferred: string }[];
  byDonor: { name: string; received: string }[];
  byCountry: {
    iso3: string;
    iso2: string;
    numeric: string;
    name: string;
    projects: number;
    approved: string;
  }[];
  projectCount: number;
  projects: {
    code: string;
    title: string;
    stage: string;
    countries: string[];
    approvedBudget: string | null;
    principles: Record<string, number | null> | null;
  }[];
}

describe("the Fund's public page", () => {
  let t: TestApp;
  let published: { id: string; code: string };
  let proposal: { id: string; code: string };

  beforeAll(async () => {
    t = await createTestApp();
    const japan = await aDonorOfKind(t, 'foundation', 'Public Donor A');
    const other = await aDonorOfKind(t, 'foundation', 'Public Donor B');
    await t.db.query(
      `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate,
                                  status, reference, earmarking)
       VALUES ($1, '2024-01-10', '2024-02-01', 800000.00, 'USD', 800000.00, 1, 'received', 'SECRET-REF-1', 'Confidential earmark'),
              ($1, '2025-01-10', '2025-02-01', 200000.00, 'USD', 200000.00, 1, 'received', 'SECRET-REF-2', NULL),
              ($2, '2025-03-10', NULL, 999000.00, 'USD', 999000.00, 1, 'pledged', 'SECRET-PLEDGE', NULL)`,
      [japan, other],
    );
    const lead = await anOrganization(t, 'un_entity');
    published = await aProject(t, {
      stage: 'active',
      countries: ['KEN', 'UGA'],
      organizationIds: [lead],
      requestedBudget: '300000.00',
      approvedBudget: '300000.00',
      title: 'Published early warning project',
    });
    await aConsent(t, published.id, 'KEN', 'granted', { signatory: 'Confidential Signatory Name' });
    await t.db.query(
      `INSERT INTO review_rounds (project_id, number, opened_at) VALUES ($1, 1, '2025-01-01')`,
      [published.id],
    );
    await aReview(t, published.id, [4, 3, 2, 1, 3]);
    await aReview(t, published.id, [3, 2, 2, 1, 4]);
    await t.db.query(`UPDATE reviews SET justification_comprehensive = 'Confidential review text'`);
    await t.db.query(
      `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche)
       VALUES ($1, $2, 120000.00, '2025-05-01', 1)`,
      [published.id, lead],
    );
    proposal = await aProject(t, {
      stage: 'under_review',
      countries: ['SOM'],
      title: 'Unapproved proposal title',
    });
  });

  afterAll(() => t.close());

  it("answers without sign-in with the Fund's figures overall, by year and by donor", async () => {
    const response = await t.http().get('/api/v1/public/fund');
    expect(response.status).toBe(200);
    const page = response.body as PublicFund;
    expect(page.overall).toEqual({
      received: '1000000.00',
      committed: '300000.00',
      transferred: '120000.00',
    });
    expect(page.byYear).toEqual([
      { year: 2024, received: '800000.00', committed: '0.00', transferred: '0.00' },
      // The project's commitment falls in the year of its start (no approval decision recorded).
      { year: 2025, received: '200000.00', committed: '0.00', transferred: '120000.00' },
      { year: 2026, received: '0.00', committed: '300000.00', transferred: '0.00' },
    ]);
    // Donors as their received totals only: a pledge not received is not shown.
    expect(page.byDonor).toEqual([{ name: 'Public Donor A', countryIso3: null, received: '1000000.00' }]);
  });

  it('lists the approved projects with their countries, status and principles, and no proposal', async () => {
    const page = (await t.http().get('/api/v1/public/fund')).body as PublicFund;
    expect(page.projectCount).toBe(1);
    expect(page.projects).toEqual([
      {
        code: published.code,
        title: 'Published early warning project',
        titleTranslations: {},
        stage: 'active',
        countries: ['KEN', 'UGA'],
        approvedBudget: '300000.00',
        principles: {
          people_centred: 3.5,
          comprehensive: 2.5,
          context_specific: 2,
          prevention_oriented: 1,
          protection_empowerment: 3.5,
        },
      },
    ]);
    expect(page.byCountry).toEqual([
      { iso3: 'KEN', iso2: 'KE', numeric: '404', name: 'Kenya', projects: 1, approved: '150000.00' },
      { iso3: 'UGA', iso2: 'UG', numeric: '800', name: 'Uganda', projects: 1, approved: '150000.00' },
    ]);
  });

  it("gives the map each country's numeric code and approved budgets, a project's shared equally among its countries", async () => {
    const page = (await t.http().get('/api/v1/public/fund')).body as PublicFund;
    const kenya = page.byCountry.find((country) => country.iso3 === 'KEN');
    // 300,000 approved for Kenya and Uganda: half each; the proposal in Somalia is not on the map.
    expect(kenya).toMatchObject({ numeric: '404', projects: 1, approved: '150000.00' });
    expect(page.byCountry.map((country) => country.iso3)).not.toContain('SOM');
    expect(Object.keys(kenya ?? {}).sort()).toEqual([
      'approved',
      'iso2',
      'iso3',
      'name',
      'numeric',
      'projects',
    ]);
  });

  it('leaks nothing confidential: no consent signatory, review text, reviewer, contribution line or proposal', async () => {
    const reviewer = await t.db.query<{ email: string }>(
      `SELECT u.email FROM reviews r JOIN users u ON u.id = r.reviewer_id`,
    );
    const text = (await t.http().get('/api/v1/public/fund')).text;
    for (const secret of [
      'Confidential Signatory Name',
      'Ministry of Foreign Affairs',
      'NV/',
      'Confidential review text',
      'Justification for',
      'SECRET-',
      'Confidential earmark',
      'Public Donor B',
      'Unapproved proposal title',
      proposal.code,
      proposal.id,
      published.id,
      ...reviewer.rows.map((row) => row.email),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('answers a signed-in user the same page', async () => {
    const staff = { Authorization: `Bearer ${await signIn(t, await aUser(t, { role: 'staff' }))}` };
    const anonymous = await t.http().get('/api/v1/public/fund');
    const signedIn = await t.http().get('/api/v1/public/fund').set(staff);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual(anonymous.body);
  });
});
