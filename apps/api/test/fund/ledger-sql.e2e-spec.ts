import { fundLedger, STAGES } from '@hstf/domain';
import type { ContributionStatus, LedgerInput, MoneyEntryKind, Stage } from '@hstf/domain';
import { AVAILABLE_SQL, LEDGER_SQL } from '../../src/fund/ledger.sql';
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
 * ledger route and from fundLedger over the raw rows.
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
      status: ContributionStatus;
      usd: string;
      received_on: string | null;
    }>(`SELECT status, usd_amount::text AS usd, received_on::text FROM contributions`);
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
