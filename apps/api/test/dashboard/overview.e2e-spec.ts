import { createTestApp, TestApp } from '../support/test-app';
import { aDonor, asRole } from '../support/builders';
import { aProject } from '../support/portfolio-builders';

interface Overview {
  ledger: Record<'received' | 'committed' | 'transferred' | 'available', string>;
  pipeline: { stage: string; projects: number; requested: string; approved: string }[];
  countries: { iso3: string; numeric: string; projects: number; approved: string; sids: boolean }[];
  contributionsByYear: { year: number; donor: string; received: string; pledged: string }[];
  approvalsByYear: { year: number; projects: number; approved: string }[];
  byRegion: { key: string; projects: number; approved: string }[];
  byDimension: { key: string; projects: number; approved: string }[];
}

describe('the dashboard overview', () => {
  let t: TestApp;
  let overview: Overview;

  beforeAll(async () => {
    t = await createTestApp();
    const japan = await aDonor(t, { name: 'Japan', country: 'JPN' });
    const insertContribution = (status: string, pledged: string, received: string | null, usd: string) =>
      t.db.query(
        `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status)
         VALUES ($1, $2, $3, $4, 'USD', $4, 1, $5)`,
        [japan, pledged, received, usd, status],
      );
    await insertContribution('received', '2019-03-01', '2019-06-30', '5000000.00');
    await insertContribution('received', '2020-03-01', '2021-01-15', '3000000.01');
    await insertContribution('pledged', '2021-03-01', null, '1000000.00');
    await insertContribution('cancelled', '2021-04-01', null, '999.00');

    await aProject(t, {
      stage: 'active',
      countries: ['KEN', 'TUV'],
      approvedBudget: '1000000.01',
      requestedBudget: '1000000.01',
      startDate: '2020-05-01',
      dimensions: ['food', 'health'],
    });
    await aProject(t, {
      stage: 'approved',
      countries: ['KEN'],
      approvedBudget: '500000.00',
      requestedBudget: '500000.00',
      startDate: '2021-02-01',
      dimensions: ['food'],
    });
    await aProject(t, { stage: 'under_review', countries: ['FJI'], requestedBudget: '250000.00' });
    const deleted = await aProject(t, { stage: 'approved', countries: ['KEN'], approvedBudget: '9.99' });
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [deleted.id]);

    const { auth } = await asRole(t, 'donor');
    const response = await t.http().get('/api/v1/dashboard/overview').set(auth);
    expect(response.status).toBe(200);
    overview = response.body as Overview;
  });
  afterAll(() => t.close());

  it('shows the ledger to the cent: received, committed, released, available; soft-deleted projects do not count', () => {
    expect(overview.ledger).toEqual({
      received: '8000000.01',
      committed: '1500000.01',
      transferred: '0.00',
      released: '0.00',
      available: '6500000.00',
    });
  });

  it('counts the pipeline by stage with requested and approved sums', () => {
    expect(overview.pipeline).toEqual([
      { stage: 'active', projects: 1, requested: '1000000.01', approved: '1000000.01' },
      { stage: 'approved', projects: 1, requested: '500000.00', approved: '500000.00' },
      { stage: 'under_review', projects: 1, requested: '250000.00', approved: '0.00' },
    ]);
  });

  it('maps projects by country, splitting a multi-country budget evenly, with ISO numeric codes for the map', () => {
    const byIso = Object.fromEntries(overview.countries.map((c) => [c.iso3, c]));
    expect(byIso.KEN).toMatchObject({ numeric: '404', projects: 2, approved: '1000000.01' });
    expect(byIso.TUV).toMatchObject({ numeric: '798', projects: 1, approved: '500000.01', sids: true });
    expect(byIso.FJI).toMatchObject({ projects: 1, approved: '0.00' });
  });

  it('sums contributions by year and donor: received by receipt year, pledged unless cancelled', () => {
    // Outstanding: what is left to pay on the year's pledges; the 2021 pledge is not paid yet.
    const japan = { donorId: expect.any(String), donor: 'Japan', donorCountryIso3: 'JPN' };
    expect(overview.contributionsByYear).toEqual([
      { year: 2019, ...japan, received: '5000000.00', pledged: '5000000.00', outstanding: '0.00' },
      { year: 2020, ...japan, received: '0.00', pledged: '3000000.01', outstanding: '0.00' },
      { year: 2021, ...japan, received: '3000000.01', pledged: '1000000.00', outstanding: '1000000.00' },
    ]);
  });

  it('counts approvals by year and breaks the committed portfolio down by region and dimension', () => {
    expect(overview.approvalsByYear).toEqual([
      { year: 2020, projects: 1, approved: '1000000.01' },
      { year: 2021, projects: 1, approved: '500000.00' },
    ]);
    expect(overview.byRegion).toEqual([
      { key: 'Africa', projects: 2, approved: '1500000.01' },
      { key: 'Oceania', projects: 1, approved: '1000000.01' },
    ]);
    expect(overview.byDimension).toEqual([
      { key: 'food', projects: 2, approved: '1500000.01' },
      { key: 'health', projects: 1, approved: '1000000.01' },
    ]);
  });

  it('is refused to reviewers', async () => {
    const { auth } = await asRole(t, 'reviewer');
    await expect(
      t
        .http()
        .get('/api/v1/dashboard/overview')
        .set(auth)
        .then((r) => r.status),
    ).resolves.toBe(403);
  });
});
