import { donorYears, fundLedger, receivedByDonor, shareOfFund, STAGES, usdAmountFor } from '@hstf/domain';
import type { ContributionStatus, DonorPledge, LedgerInput, MoneyEntryKind, Stage } from '@hstf/domain';
import {
  AVAILABLE_SQL,
  DONOR_YEARS_SQL,
  LEDGER_SQL,
  receivedByDonorSql,
  shareOfFundSql,
} from '../../src/fund/ledger.sql';
import { asRole } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { anOrganization } from '../support/portfolio-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The ledger lives once, in libs/domain's fundLedger. The API computes it in SQL for the whole
 * portfolio (src/fund/ledger.sql.ts); this test keeps the two the same. It writes contributions in
 * every status with boundary amounts (a cent, amounts past 2^53 cents, receipts on the last and first
 * day of a year), projects in every stage (deleted or not, with and without an approved budget,
 * approval and completion decisions, start and end dates), and money entries of every kind
 * (transfers, refunds, their reversals, a reversal of a reversal, a transfer beyond the approved
 * budget); then demands the same figures, overall and for every year, from the SQL, from the
 * ledger route and from fundLedger over the raw rows. The donors' figures (pledged, received and
 * outstanding by donor and year, received by donor, the share of the Fund) are held to libs/domain's
 * donorYears, receivedByDonor and shareOfFund the same way, over pledges in other currencies paid in
 * part by receipts at their own rates, some reversed, some of cancelled pledges.
 */

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(4_4_290);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const AMOUNTS = ['0.01', '0.99', '1.00', '1000.05', '99999.99', '1234567.89', '98765432109876.54'];
const amount = () =>
  next() < 0.5
    ? pick(AMOUNTS)
    : `${Math.floor(next() * 10_000_000)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`;
const DATES = [
  '2014-12-31',
  '2015-01-01',
  '2015-06-30',
  '2016-12-31',
  '2017-01-01',
  '2020-02-29',
  '2024-07-15',
];
const date = () => pick(DATES);

describe('the ledger in SQL', () => {
  let t: TestApp;
  let input: LedgerInput;
  let pledges: DonorPledge[];
  let donors: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const donorId = await aDonorOfKind(t);
    for (let i = 0; i < 120; i++) {
      const status = pick<ContributionStatus>(['received', 'received', 'pledged', 'cancelled']);
      const usd = amount();
      const pledgedOn = '2014-01-01';
      await t.db.query(
        `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status)
         VALUES ($1, $2, $3, $4, 'USD', $4, 1, $5)`,
        [donorId, pledgedOn, status === 'received' ? date() : null, usd, status],
      );
    }
    // Pledges in other currencies, paid in part by receipts at their own rates, some reversed.
    donors = [donorId, await aDonorOfKind(t), await aDonorOfKind(t)];
    const RATES = ['0.00712500', '1.10000000', '1.12345678', '0.95000000', '1.00000001'];
    for (let i = 0; i < 60; i++) {
      const pledgeAmount = `${1 + Math.floor(next() * 5_000_000)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`;
      const rate = pick(RATES);
      const status = pick<ContributionStatus>(['received', 'pledged', 'pledged', 'cancelled']);
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status)
         VALUES ($1, $2, NULL, $3, 'EUR', $4, $5, 'pledged') RETURNING id`,
        [
          pick(donors),
          pick(['2014-06-30', '2015-01-01', '2016-12-31']),
          pledgeAmount,
          usdAmountFor(pledgeAmount, rate),
          rate,
        ],
      );
      const id = rows[0]!.id;
      const count = Math.floor(next() * 4);
      for (let r = 0; r < count; r++) {
        const part =
          next() < 0.2
            ? pledgeAmount
            : `${1 + Math.floor(next() * 1_000_000)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`;
        const receiptRate = next() < 0.3 ? rate : pick(RATES);
        const on = pick(['2015-01-01', '2016-12-31', '2017-01-01', '2024-07-15']);
        const inserted = await t.db.query<{ id: string }>(
          `INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [id, on, part, receiptRate, usdAmountFor(part, receiptRate)],
        );
        if (next() < 0.3) {
          await t.db.query(
            `INSERT INTO contribution_receipts (contribution_id, kind, reverses_id, received_on, amount, exchange_rate, usd_amount)
             VALUES ($1, 'reversal', $2, '2024-07-15', $3, $4, $5)`,
            [id, inserted.rows[0]!.id, part, receiptRate, usdAmountFor(part, receiptRate)],
          );
        }
      }
      // The status is set last, so the receipts above are the pledge's own and none is implied.
      if (status !== 'pledged') {
        await t.db.query(
          `UPDATE contributions SET status = $2,
                  received_on = CASE WHEN $2 = 'received' THEN pledged_on END WHERE id = $1`,
          [id, status],
        );
      }
    }

    const organizations = [await anOrganization(t), await anOrganization(t)];
    for (let i = 0; i < 160; i++) {
      const stage =
        i < STAGES.length
          ? STAGES[i]!
          : pick<Stage>(['approved', 'active', 'completed', 'closed', ...STAGES]);
      const approved = next() < 0.1 ? null : amount();
      const start = next() < 0.15 ? null : date();
      const end = start === null || next() < 0.15 ? null : '2028-12-31';
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO projects (code, title, "window", stage, approved_budget, start_date, end_date, deleted_at)
         VALUES ($1, $2, 'I', $3, $4, $5, $6, $7) RETURNING id`,
        [
          `HS-1990-${String(i + 1).padStart(4, '0')}`,
          `Ledger case ${i + 1}`,
          stage,
          approved,
          start,
          end,
          next() < 0.08 ? new Date() : null,
        ],
      );
      const id = rows[0]!.id;
      for (const organizationId of organizations) {
        await t.db.query(
          `INSERT INTO project_organizations (project_id, organization_id, budget_share) VALUES ($1, $2, 1)`,
          [id, organizationId],
        );
      }
      for (const to of ['approved', 'completed'] as const) {
        if (next() < 0.6) {
          await t.db.query(
            `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on)
             VALUES ($1, 'under_review', $2, 'Decided.', $3)`,
            [id, to, date()],
          );
        }
      }
      const entries: { id: string; kind: MoneyEntryKind }[] = [];
      const count = Math.floor(next() * 5);
      for (let e = 0; e < count; e++) {
        const reversible = entries.filter((x) => x.kind !== 'reversal' || next() < 0.2);
        const kind: MoneyEntryKind =
          reversible.length && next() < 0.35 ? 'reversal' : pick(['transfer', 'transfer', 'refund']);
        const reverses = kind === 'reversal' ? pick(reversible).id : null;
        try {
          const inserted = await t.db.query<{ id: string }>(
            `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, kind, reverses_id)
             VALUES ($1, $2, $3, $4, CASE WHEN $5 = 'transfer' THEN 1 + (SELECT count(*) FROM transfers WHERE project_id = $1) END, $5, $6)
             RETURNING id`,
            [id, pick(organizations), amount(), date(), kind, reverses],
          );
          entries.push({ id: inserted.rows[0]!.id, kind });
        } catch (error) {
          // An entry reversed twice is refused by the database (uq_transfers_reverses): not a case.
          if (!String(error).includes('uq_transfers_reverses')) throw error;
        }
      }
    }

    // A reversal reversed: the service refuses it, but a row of it must still count for nothing.
    const { rows: closed } = await t.db.query<{ id: string }>(
      `SELECT id FROM projects WHERE stage = 'closed' AND approved_budget IS NOT NULL AND deleted_at IS NULL LIMIT 1`,
    );
    let reverses: string | null = null;
    for (const kind of ['transfer', 'reversal', 'reversal'] as const) {
      const inserted: { rows: { id: string }[] } = await t.db.query<{ id: string }>(
        `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, kind, reverses_id)
         VALUES ($1, $2, '0.01', '2016-12-31', CASE WHEN $3 = 'transfer' THEN 1000 END, $3, $4) RETURNING id`,
        [closed[0]!.id, organizations[0], kind, reverses],
      );
      reverses = inserted.rows[0]!.id;
    }

    // The domain's input, from the raw rows: nothing of the API's own reading of them.
    const contributions = await t.db.query<{
      id: string;
      donor_id: string;
      status: ContributionStatus;
      amount: string;
      exchange_rate: string;
      pledged_on: string;
      usd: string;
      received_on: string | null;
    }>(
      `SELECT id, donor_id, status, amount::text, exchange_rate::text, pledged_on::text, usd_amount::text AS usd,
              received_on::text FROM contributions`,
    );
    const receipts = await t.db.query<{
      contribution_id: string;
      kind: 'receipt' | 'reversal';
      amount: string;
      usd_amount: string;
      received_on: string;
    }>(
      `SELECT contribution_id, kind, amount::text, usd_amount::text, received_on::text FROM contribution_receipts`,
    );
    const receiptsOf = (id: string) =>
      receipts.rows
        .filter((r) => r.contribution_id === id)
        .map((r) => ({ kind: r.kind, amount: r.amount, usdAmount: r.usd_amount, on: r.received_on }));
    pledges = contributions.rows.map((c) => ({
      donorId: c.donor_id,
      status: c.status,
      pledgedOn: c.pledged_on,
      amount: c.amount,
      exchangeRate: c.exchange_rate,
      usdAmount: c.usd,
      receipts: receiptsOf(c.id),
    }));
    const projects = await t.db.query<{
      id: string;
      stage: Stage;
      deleted: boolean;
      approved_budget: string | null;
      start_date: string | null;
      end_date: string | null;
      approved_on: string | null;
      completed_on: string | null;
    }>(
      `SELECT p.id, p.stage, p.deleted_at IS NOT NULL AS deleted, p.approved_budget::text, p.start_date::text,
              p.end_date::text,
              (SELECT max(decided_on)::text FROM project_transitions WHERE project_id = p.id AND to_stage = 'approved') AS approved_on,
              (SELECT max(decided_on)::text FROM project_transitions WHERE project_id = p.id AND to_stage = 'completed') AS completed_on
       FROM projects p`,
    );
    const entries = await t.db.query<{
      id: string;
      project_id: string;
      organization_id: string;
      kind: MoneyEntryKind;
      amount_usd: string;
      transferred_on: string;
      reverses_id: string | null;
    }>(
      `SELECT id, project_id, organization_id, kind, amount_usd::text, transferred_on::text, reverses_id FROM transfers`,
    );
    input = {
      contributions: contributions.rows.map((c) => ({
        status: c.status,
        usdAmount: c.usd,
        receivedOn: c.received_on,
        receipts: receiptsOf(c.id),
      })),
      projects: projects.rows.map((p) => ({
        id: p.id,
        stage: p.stage,
        deleted: p.deleted,
        approvedBudget: p.approved_budget,
        approvedOn: p.approved_on,
        startDate: p.start_date,
        completedOn: p.completed_on,
        endDate: p.end_date,
      })),
      entries: entries.rows.map((e) => ({
        id: e.id,
        projectId: e.project_id,
        organizationId: e.organization_id,
        kind: e.kind,
        amount: e.amount_usd,
        on: e.transferred_on,
        reverses: e.reverses_id,
      })),
    };
    // A few thousand inserts: on a loaded machine they take longer than the default hook timeout.
  }, 180_000);
  afterAll(() => t.close());

  it('writes varied cases that reach every kind of figure', () => {
    const kinds = new Set(input.entries.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['transfer', 'refund', 'reversal']));
    const reversedReversal = input.entries.some(
      (e) => e.kind === 'reversal' && input.entries.find((r) => r.id === e.reverses)?.kind === 'reversal',
    );
    expect(reversedReversal).toBe(true);
    const ledger = fundLedger(input);
    for (const figure of ['received', 'committed', 'transferred', 'released'] as const) {
      expect(ledger.overall[figure]).not.toBe('0.00');
    }
    expect(ledger.byYear.some((y) => y.year === null)).toBe(true);
  });

  it('gives, overall and for every year, the figures fundLedger gives over the raw rows', async () => {
    const { rows } = await t.db.query<{ ledger: string }>(LEDGER_SQL);
    expect(JSON.parse(rows[0]!.ledger)).toEqual(fundLedger(input));
  });

  it('gives the available balance decisions read, equal to the overall one', async () => {
    const { rows } = await t.db.query<{ available: string }>(AVAILABLE_SQL);
    expect(rows[0]!.available).toBe(fundLedger(input).overall.available);
  });

  it('serves the same ledger on its route, and the same figures in the overview', async () => {
    const { auth } = await asRole(t, 'staff');
    const ledger = await t.http().get('/api/v1/fund/ledger').set(auth);
    expect(ledger.status).toBe(200);
    expect(ledger.body).toEqual(fundLedger(input));
    const overview = await t.http().get('/api/v1/dashboard/overview').set(auth);
    expect(overview.status).toBe(200);
    expect(overview.body.ledger).toEqual(fundLedger(input).overall);
  });

  it("writes donors' pledges paid in part, overpaid, reversed and cancelled", () => {
    const years = donorYears(pledges);
    expect(years.some((y) => y.outstanding !== '0.00' && y.received !== '0.00')).toBe(true);
    expect(pledges.some((p) => p.status === 'cancelled' && p.receipts.length > 0)).toBe(true);
    expect(pledges.some((p) => p.receipts.some((r) => r.kind === 'reversal'))).toBe(true);
    const cents = (v: string) => BigInt(v.replace('.', ''));
    const net = (p: DonorPledge) =>
      p.receipts.reduce((sum, r) => sum + (r.kind === 'receipt' ? 1n : -1n) * cents(r.amount), 0n);
    expect(pledges.some((p) => net(p) > cents(p.amount))).toBe(true);
  });

  it('gives, per donor and year, the pledged, received and outstanding figures donorYears gives', async () => {
    const { rows } = await t.db.query<{
      donor_id: string;
      year: number;
      pledged: string;
      received: string;
      outstanding: string;
    }>(
      `SELECT donor_id, year, round(pledged, 2)::text AS pledged, round(received, 2)::text AS received,
              round(outstanding, 2)::text AS outstanding
       FROM (${DONOR_YEARS_SQL}) y ORDER BY year, donor_id::text`,
    );
    expect(
      rows.map((r) => ({
        donorId: r.donor_id,
        year: r.year,
        pledged: r.pledged,
        received: r.received,
        outstanding: r.outstanding,
      })),
    ).toEqual(donorYears(pledges));
  });

  it("gives each donor's received money and its share of the Fund as receivedByDonor and shareOfFund do", async () => {
    for (const upTo of [null, '2014-12-31', '2016-12-31', '2024-07-15']) {
      const { rows } = await t.db.query<{ donor_id: string; received: string }>(
        `SELECT donor_id, round(received, 2)::text AS received FROM (${receivedByDonorSql('$1::date')}) x`,
        [upTo],
      );
      expect(new Map(rows.map((r) => [r.donor_id, r.received]))).toEqual(receivedByDonor(pledges, upTo));
      if (upTo === null) continue;
      for (const donor of donors) {
        const share = await t.db.query<{ share: string }>(shareOfFundSql('$1::uuid', '$2'), [donor, upTo]);
        expect(share.rows[0]!.share).toBe(shareOfFund(pledges, donor, upTo));
      }
    }
  });

  it("serves the same donors' figures in the yearly totals and in the overview", async () => {
    const { auth } = await asRole(t, 'staff');
    const expected = donorYears(pledges);
    const totals = await t.http().get('/api/v1/contributions/totals').set(auth);
    expect(totals.status).toBe(200);
    const byKey = <T extends { donorId: string; year: number }>(items: T[]) =>
      [...items].sort((a, b) => a.year - b.year || a.donorId.localeCompare(b.donorId));
    expect(
      byKey(totals.body.items).map((i: Record<string, unknown>) => ({
        donorId: i.donorId,
        year: i.year,
        pledged: i.pledgedUsd,
        received: i.receivedUsd,
        outstanding: i.outstandingUsd,
      })),
    ).toEqual(byKey(expected));
    const overview = await t.http().get('/api/v1/dashboard/overview').set(auth);
    expect(overview.status).toBe(200);
    expect(
      byKey(overview.body.contributionsByYear).map((i: Record<string, unknown>) => ({
        donorId: i.donorId,
        year: i.year,
        pledged: i.pledged,
        received: i.received,
        outstanding: i.outstanding,
      })),
    ).toEqual(byKey(expected));
  });

  it('gives an empty portfolio zero everywhere', () => {
    expect(fundLedger({ contributions: [], projects: [], entries: [] })).toEqual({
      overall: {
        received: '0.00',
        committed: '0.00',
        transferred: '0.00',
        released: '0.00',
        available: '0.00',
      },
      byYear: [],
    });
  });
});
