import { asRole, aUser, signIn } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aPledge, aReceipt, reverseReceipt } from '../support/receipt-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * What a donor gave is what arrived: its yearly totals, the overview's and the public page's
 * received by donor count its receipts (reversals subtract) by their dates, never a pledge's own
 * status and amount. A donor's users read the list of its own receipts, and only its own.
 */
describe("a donor's receipts", () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donorId: string;
  let otherDonorId: string;
  let donorAuth: { Authorization: string };
  let pledge: string;
  let reversed: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donorId = await aDonorOfKind(t, 'member_state', 'Partial Paying State');
    otherDonorId = await aDonorOfKind(t, 'foundation', 'Another Foundation');
    donorAuth = {
      Authorization: `Bearer ${await signIn(t, await aUser(t, { role: 'donor', donorId }))}`,
    };
    // 1,000,000 EUR pledged in 2025 at 1.10: 400,000 arrive in 2025 at 1.12; 100,000 arrive in 2026
    // at 1.05 and are reversed as recorded in error.
    pledge = await aPledge(t, staff, donorId, {
      amount: '1000000.00',
      currency: 'EUR',
      exchangeRate: '1.1',
      pledgedOn: '2025-02-01',
    });
    await aReceipt(t, staff, pledge, {
      amount: '400000.00',
      exchangeRate: '1.12',
      receivedOn: '2025-03-01',
      earmarkKind: 'window',
      earmarkTarget: 'II',
    });
    reversed = await aReceipt(t, staff, pledge, {
      amount: '100000.00',
      exchangeRate: '1.05',
      receivedOn: '2026-01-10',
    });
    const reversal = await reverseReceipt(t, staff, pledge, reversed, '2026-01-12');
    expect(reversal.status).toBe(201);
    const other = await aPledge(t, staff, otherDonorId, { amount: '5000.00', pledgedOn: '2025-05-01' });
    await aReceipt(t, staff, other, { amount: '5000.00', receivedOn: '2025-05-02' });
  });
  afterAll(() => t.close());

  it("counts a pledge paid in part for what arrived in the donor's yearly totals, a reversed receipt as nothing", async () => {
    const response = await t.http().get('/api/v1/contributions/totals').set(staff);
    expect(response.status).toBe(200);
    const own = (response.body as { items: { donorId: string }[] }).items.filter(
      (i) => i.donorId === donorId,
    );
    expect(own).toEqual([
      {
        donorId,
        donorName: 'Partial Paying State',
        donorCountryIso3: 'JPN',
        year: 2025,
        pledgedUsd: '1100000.00',
        receivedUsd: '448000.00',
        outstandingUsd: '660000.00',
      },
      {
        donorId,
        donorName: 'Partial Paying State',
        donorCountryIso3: 'JPN',
        year: 2026,
        pledgedUsd: '0.00',
        receivedUsd: '0.00',
        outstandingUsd: '0.00',
      },
    ]);
  });

  it("counts only the receipts in the overview's received by donor and year", async () => {
    const response = await t.http().get('/api/v1/dashboard/overview').set(staff);
    expect(response.status).toBe(200);
    const own = (response.body as { contributionsByYear: { donorId: string }[] }).contributionsByYear.filter(
      (y) => y.donorId === donorId,
    );
    expect(own).toEqual([
      {
        year: 2025,
        donorId,
        donor: 'Partial Paying State',
        donorCountryIso3: 'JPN',
        received: '448000.00',
        pledged: '1100000.00',
        outstanding: '660000.00',
      },
      {
        year: 2026,
        donorId,
        donor: 'Partial Paying State',
        donorCountryIso3: 'JPN',
        received: '0.00',
        pledged: '0.00',
        outstanding: '0.00',
      },
    ]);
    expect(response.body.ledger.received).toBe('453000.00');
  });

  it('publishes what each donor has received from its receipts', async () => {
    const response = await t.http().get('/api/v1/public/fund');
    expect(response.status).toBe(200);
    expect(response.body.byDonor).toEqual([
      // The Member State is named by its country, in the reader's language, where the page shows it.
      { name: 'Partial Paying State', countryIso3: 'JPN', received: '448000.00' },
      { name: 'Another Foundation', countryIso3: null, received: '5000.00' },
    ]);
  });

  it("lists the donor's receipts to its own users: dates, amounts, rates, USD, exchange gain or loss, earmark", async () => {
    const response = await t.http().get(`/api/v1/donors/${donorId}/receipts`).set(donorAuth);
    expect(response.status).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items).toMatchObject([
      {
        contributionId: pledge,
        kind: 'receipt',
        receivedOn: '2025-03-01',
        amount: '400000.00',
        currency: 'EUR',
        exchangeRate: '1.12000000',
        pledgeRate: '1.10000000',
        usdAmount: '448000.00',
        exchangeDifference: '8000.00',
        earmarkKind: 'window',
        earmarkTarget: 'II',
        reversedBy: null,
      },
      {
        id: reversed,
        kind: 'receipt',
        receivedOn: '2026-01-10',
        usdAmount: '105000.00',
        exchangeDifference: '-5000.00',
        earmarkKind: 'none',
      },
      { kind: 'reversal', reverses: reversed, receivedOn: '2026-01-12', exchangeDifference: '5000.00' },
    ]);
    expect(response.body.items[1].reversedBy).toBe(response.body.items[2].id);
  });

  it('pages through the receipts oldest first', async () => {
    const first = await t.http().get(`/api/v1/donors/${donorId}/receipts`).query({ limit: 2 }).set(staff);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const next = await t
      .http()
      .get(`/api/v1/donors/${donorId}/receipts`)
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set(staff);
    expect(next.status).toBe(200);
    expect(next.body.items.map((i: { kind: string }) => i.kind)).toEqual(['reversal']);
    expect(next.body.nextCursor).toBeNull();
  });

  it("answers 404 to a donor's user asking for another donor's receipts, as for an unknown donor, in JSON and as a file", async () => {
    for (const path of [
      `/api/v1/donors/${otherDonorId}/receipts`,
      `/api/v1/donors/${otherDonorId}/receipts?format=csv`,
      `/api/v1/donors/${otherDonorId}/receipts?format=xlsx`,
      '/api/v1/donors/00000000-0000-4000-8000-000000000000/receipts',
    ]) {
      const response = await t.http().get(path).set(donorAuth);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const unknown = await t
      .http()
      .get('/api/v1/donors/00000000-0000-4000-8000-000000000000/receipts')
      .set(staff);
    expect(unknown.status).toBe(404);
  });

  it('refuses the list to a reviewer and without sign-in', async () => {
    const reviewer = (await asRole(t, 'reviewer')).auth;
    expect((await t.http().get(`/api/v1/donors/${donorId}/receipts`).set(reviewer)).status).toBe(403);
    expect((await t.http().get(`/api/v1/donors/${donorId}/receipts`)).status).toBe(401);
  });

  it("exports the donor's own receipts as the list has them", async () => {
    const response = await t
      .http()
      .get(`/api/v1/donors/${donorId}/receipts?format=csv&lang=en`)
      .set(donorAuth);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe(
      "Received on,Kind,Amount,Currency,Exchange rate,Pledge's exchange rate,Amount (USD),Exchange gain or loss (USD),Earmarking,Reference,Status",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^2025-03-01,receipt,400000\.00,EUR,1\.12000000,1\.10000000,448000\.00,8000\.00,window: II,REF-\w+,received$/,
    );
    expect(lines[3]).toContain('2026-01-12,reversal,100000.00,EUR');
  });
});
