import fc from 'fast-check';
import { centsToMoney, toCents } from '../money/money';
import type { LedgerContribution, LedgerProject, MoneyEntry } from './ledger';
import { fundLedger, isCommitted, projectMoney } from './ledger';
import type { Earmark, Receipt } from './receipts';
import { pledgeStatement, receiptProblem, receiptReversalProblem, receivedFromReceipts } from './receipts';
import { earmarkProblem, traceFunds } from './tracing';
import {
  organizationCaps,
  receivedReductionProblem,
  refundProblem,
  reversalLowersAvailableBy,
  reversalProblem,
  transferProblem,
} from './money-checks';
import type { Assessment } from '../assessment/assessment';
import { checkTransition } from '../lifecycle/transitions';

/**
 * The Fund's books hold whatever happens, as long as every change goes through the rules: after any
 * sequence of receipts, cancellations, approvals, transfers, refunds, reversals and closures — each
 * applied only when the rules the API applies allow it — received − committed + released =
 * available, and nothing is negative: not available, not transferred, not released, not any
 * project's or organization's net transfers, and no organization beyond its share. Pledges are paid
 * by receipts (in instalments, earmarked or not) and receipts are reversed; approvals honour
 * earmarks; and every donor's traced amounts plus what is unallocated add up to what it paid.
 */

const TODAY = '2026-06-30';
const ORGANIZATIONS = ['undp', 'unicef', 'fao'];

const DONORS = ['japan', 'norway', 'thailand'];
const EARMARKS: Earmark[] = [
  { kind: 'none', target: null },
  { kind: 'none', target: null },
  { kind: 'window', target: 'II' },
  { kind: 'country', target: 'PER' },
  { kind: 'project', target: 'p0' },
];

type Step =
  | { kind: 'receive'; cents: number; donor: number }
  | { kind: 'pledge'; cents: number; donor: number }
  | { kind: 'instalment'; pick: number; cents: number; earmark: number }
  | { kind: 'unreceive'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'approve'; cents: number; shares: number[]; window: number; country: number }
  | {
      kind: 'transfer';
      pick: number;
      organization: number;
      cents: number;
      paragraph6: boolean;
      override: boolean;
    }
  | { kind: 'refund'; pick: number; organization: number; cents: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'complete'; pick: number };

// Mostly a few round amounts, so approvals, transfers and refunds meet the balance and the shares
// exactly; now and then a cent or an amount past any balance.
const amount = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(100, 250, 500, 1000) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 5000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 99, 100_000_000) },
);
const pick = fc.nat({ max: 20 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('receive' as const), cents: amount, donor: fc.nat({ max: 2 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('pledge' as const), cents: amount, donor: fc.nat({ max: 2 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('instalment' as const),
      pick,
      cents: amount,
      earmark: fc.nat({ max: EARMARKS.length - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unreceive' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      cents: amount,
      shares: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }),
      window: fc.nat({ max: 1 }),
      country: fc.nat({ max: 1 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      pick,
      organization: fc.nat({ max: 2 }),
      cents: amount,
      paragraph6: fc.boolean(),
      override: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick,
      organization: fc.nat({ max: 2 }),
      cents: amount,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('complete' as const), pick }) },
);

type BookContribution = LedgerContribution & {
  id: string;
  donorId: string;
  amount: string;
  receipts: Receipt[];
};
type BookProject = LedgerProject & {
  shares: { organizationId: string; budgetShare: string }[];
  window: string;
  countries: string[];
};

interface Books {
  contributions: BookContribution[];
  projects: BookProject[];
  entries: MoneyEntry[];
}

const allReceipts = (books: Books) => books.contributions.flatMap((c) => c.receipts);

function trace(books: Books) {
  return traceFunds({
    contributions: books.contributions,
    receipts: allReceipts(books),
    projects: books.projects.map((p, i) => ({
      id: p.id,
      committed: isCommitted(p),
      approvedBudget: p.approvedBudget,
      decidedOn: p.approvedOn,
      decidedAt: String(i).padStart(6, '0'),
      window: p.window,
      dimensions: [],
      countries: p.countries,
    })),
  });
}

function receipt(books: Books, c: BookContribution, cents: bigint, earmark: Earmark): Receipt {
  const amount = centsToMoney(cents);
  return {
    id: `r${allReceipts(books).length}`,
    contributionId: c.id,
    kind: 'receipt',
    on: '2026-01-01',
    amount,
    exchangeRate: '1',
    usdAmount: amount,
    reverses: null,
    earmark,
  };
}

const pledgeOf = (c: BookContribution) => ({
  status: c.status,
  amount: c.amount,
  currency: 'USD',
  exchangeRate: '1',
  pledgedOn: '2026-01-01',
});

function available(books: Books): string {
  return fundLedger(books).overall.available;
}

/** Applies the step when the rules allow it, as the API would; otherwise leaves the books as they are. */
function apply(books: Books, s: Step): void {
  const money = (cents: number) => centsToMoney(BigInt(cents));
  const at = <T>(items: T[], pick: number): T | undefined =>
    items.length ? items[pick % items.length] : undefined;
  switch (s.kind) {
    case 'receive':
    case 'pledge': {
      const c: BookContribution = {
        id: `c${books.contributions.length}`,
        donorId: DONORS[s.donor]!,
        status: s.kind === 'receive' ? 'received' : 'pledged',
        amount: money(s.cents),
        usdAmount: money(s.cents),
        receivedOn: s.kind === 'receive' ? '2026-01-01' : null,
        receipts: [],
      };
      if (s.kind === 'receive') c.receipts.push(receipt(books, c, BigInt(s.cents), EARMARKS[0]!));
      books.contributions.push(c);
      return;
    }
    case 'instalment': {
      const c = at(books.contributions, s.pick);
      if (!c) return;
      const earmark = EARMARKS[s.earmark]!;
      const request = { on: TODAY, amount: money(s.cents), exchangeRate: '1', earmark };
      if (receiptProblem(pledgeOf(c), pledgeStatement(pledgeOf(c), c.receipts), request, TODAY)) return;
      c.receipts.push({ ...receipt(books, c, BigInt(s.cents), earmark), on: TODAY });
      c.status = 'received';
      return;
    }
    case 'unreceive': {
      const live = allReceipts(books).filter(
        (r) => r.kind === 'receipt' && !allReceipts(books).some((v) => v.reverses === r.id),
      );
      const target = at(live, s.pick);
      if (!target) return;
      const c = books.contributions.find((x) => x.id === target.contributionId)!;
      if (receiptReversalProblem(target, null, TODAY, TODAY)) return;
      const before = receivedFromReceipts(c.status, c.receipts);
      const reversal: Receipt = {
        ...target,
        id: `r${allReceipts(books).length}`,
        kind: 'reversal',
        on: TODAY,
        reverses: target.id,
      };
      const after = receivedFromReceipts(c.status, [...c.receipts, reversal]);
      if (receivedReductionProblem(available(books), before, after)) return;
      c.receipts.push(reversal);
      return;
    }
    case 'cancel': {
      const c = at(
        books.contributions.filter((x) => x.status !== 'cancelled'),
        s.pick,
      );
      if (!c) return;
      const received = receivedFromReceipts(c.status, c.receipts);
      if (!receivedReductionProblem(available(books), received, '0.00')) c.status = 'cancelled';
      return;
    }
    case 'approve': {
      const check = checkTransition('under_review', 'approved', {
        approval: {
          compliance: { on: TODAY, status: 'compliant', countries: [], reasons: [] },
          // Only the budget gate is under test here; the others are judged on their own facts elsewhere.
          assessment: { passes: true, failures: [], unmoderatedDisagreements: [] } as unknown as Assessment,
          approvedBudget: money(s.cents),
          availableBalance: available(books),
        },
      });
      const budgetFails = check.failures.some((f) => f.code === 'approved_budget_exceeds_available_balance');
      if (budgetFails) return;
      const id = `p${books.projects.length}`;
      const window = s.window ? 'II' : 'I';
      const countries = [s.country ? 'PER' : 'KEN'];
      const earmarked = trace(books).earmarked;
      if (
        earmarkProblem({ id, window, dimensions: [], countries }, money(s.cents), available(books), earmarked)
      )
        return;
      books.projects.push({
        id,
        window,
        countries,
        stage: 'approved',
        approvedBudget: money(s.cents),
        approvedOn: TODAY,
        startDate: TODAY,
        completedOn: null,
        endDate: null,
        shares: s.shares.map((share, i) => ({
          organizationId: ORGANIZATIONS[i]!,
          budgetShare: money(share),
        })),
      });
      return;
    }
    case 'transfer': {
      const project = at(books.projects, s.pick);
      if (!project) return;
      const organizationId = project.shares[s.organization % project.shares.length]!.organizationId;
      const problem = transferProblem({
        stage: project.stage,
        approvedBudget: project.approvedBudget,
        shares: project.shares,
        money: projectMoney(project, books.entries),
        organizationId,
        amount: money(s.cents),
        on: TODAY,
        today: TODAY,
        paragraph6: { holds: s.paragraph6, failingCountries: s.paragraph6 ? [] : ['PER'] },
        override: s.override ? 'Agreed with the resident coordinator.' : null,
      });
      if (problem) return;
      books.entries.push(entry(books, project.id, organizationId, 'transfer', money(s.cents), null));
      if (project.stage === 'approved') project.stage = 'active';
      return;
    }
    case 'refund': {
      const project = at(books.projects, s.pick);
      if (!project) return;
      const organizationId = project.shares[s.organization % project.shares.length]!.organizationId;
      if (refundProblem(projectMoney(project, books.entries), organizationId, money(s.cents), TODAY, TODAY))
        return;
      books.entries.push(entry(books, project.id, organizationId, 'refund', money(s.cents), null));
      return;
    }
    case 'reverse': {
      const target = at(books.entries, s.pick);
      if (!target) return;
      const existing = books.entries.find((e) => e.reverses === target.id) ?? null;
      if (reversalProblem(target, existing, TODAY, TODAY)) return;
      if (receivedReductionProblem(available(books), reversalLowersAvailableBy(target), '0.00')) return;
      books.entries.push(
        entry(books, target.projectId, target.organizationId, 'reversal', target.amount, target.id),
      );
      return;
    }
    case 'complete': {
      const project = at(
        books.projects.filter((p) => p.stage === 'active'),
        s.pick,
      );
      if (project) {
        project.stage = 'completed';
        project.completedOn = TODAY;
      }
      return;
    }
  }
}

function entry(
  books: Books,
  projectId: string,
  organizationId: string,
  kind: MoneyEntry['kind'],
  amount: string,
  reverses: string | null,
): MoneyEntry {
  return { id: `e${books.entries.length}`, projectId, organizationId, kind, amount, on: TODAY, reverses };
}

describe('the ledger under any sequence of allowed changes', () => {
  it('balances, nothing goes negative or past a share, and donors’ traced money adds up to what they paid (500 sequences)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        const books: Books = { contributions: [], projects: [], entries: [] };
        for (const s of steps) {
          apply(books, s);
          const { overall } = fundLedger(books);
          const c = (m: string) => toCents(m);
          expect(c(overall.received) - c(overall.committed) + c(overall.released)).toBe(c(overall.available));
          expect(c(overall.available)).toBeGreaterThanOrEqual(0n);
          expect(c(overall.transferred)).toBeGreaterThanOrEqual(0n);
          expect(c(overall.released)).toBeGreaterThanOrEqual(0n);
          const traced = trace(books);
          let paid = 0n;
          for (const donor of traced.donors) {
            const drawn = donor.projects.reduce((sum, p) => sum + c(p.earmarked) + c(p.proRata), 0n);
            expect(drawn + c(donor.unallocated)).toBe(c(donor.paid));
            expect(c(donor.unallocated)).toBeGreaterThanOrEqual(0n);
            for (const p of donor.projects) {
              expect(c(p.earmarked)).toBeGreaterThanOrEqual(0n);
              expect(c(p.proRata)).toBeGreaterThanOrEqual(0n);
            }
            const own = books.contributions.filter((x) => x.donorId === donor.donorId);
            expect(c(donor.paid)).toBe(
              own.reduce((sum, x) => sum + c(receivedFromReceipts(x.status, x.receipts)), 0n),
            );
            paid += c(donor.paid);
          }
          expect(paid).toBe(c(overall.received));
          for (const project of books.projects) {
            const m = projectMoney(project, books.entries);
            expect(c(m.transferred)).toBeGreaterThanOrEqual(0n);
            expect(c(m.transferred)).toBeLessThanOrEqual(c(project.approvedBudget!));
            const caps = organizationCaps(project.approvedBudget!, project.shares);
            for (const [organizationId, o] of Object.entries(m.organizations)) {
              expect(c(o.transferred)).toBeGreaterThanOrEqual(0n);
              expect(c(o.transferred)).toBeLessThanOrEqual(c(caps[organizationId]!));
              expect(c(o.refunded)).toBeGreaterThanOrEqual(0n);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
