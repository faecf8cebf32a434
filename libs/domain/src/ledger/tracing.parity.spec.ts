import fc from 'fast-check';
import { centsToMoney } from '../money/money';
import type { ContributionStatus } from './ledger';
import type { Earmark, Receipt } from './receipts';
import type { TracedProject, TracedReturn, TracingInput } from './tracing';
import { traceFunds } from './tracing';
import { traceFundsReference } from './tracing.reference';

/**
 * The replay walks only the sources (donors' pools, earmarked receipts) that still have money and the
 * funders of each project; it must answer exactly as the plain replay that walks every source at
 * every event, to the cent, on any history: earmarks of every kind, ties on the same day, reversed
 * receipts (earmarked, unearmarked, with lapsed money), cancelled pledges, undated approvals,
 * releases, refunds and refunds reversed.
 */

const DATES = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'];
const PROJECTS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const EARMARKS: Earmark[] = [
  { kind: 'none', target: null },
  { kind: 'window', target: 'II' },
  { kind: 'dimension', target: 'food' },
  { kind: 'country', target: 'PER' },
  { kind: 'project', target: 'p0' },
  { kind: 'project', target: 'p1' },
];
const STATUSES: ContributionStatus[] = ['received', 'received', 'pledged', 'cancelled'];

const cents = fc.oneof(
  // Mostly equal round amounts, so largest-remainder ties are decided by the order of the sources.
  { weight: 8, arbitrary: fc.constantFrom(100, 200, 300, 1000) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 100_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 7, 99_999_999) },
);

const history: fc.Arbitrary<TracingInput> = fc
  .record({
    contributions: fc.array(fc.record({ donor: fc.nat({ max: 3 }), status: fc.constantFrom(...STATUSES) }), {
      minLength: 1,
      maxLength: 5,
    }),
    receipts: fc.array(
      fc.record({
        contribution: fc.nat({ max: 4 }),
        cents,
        on: fc.constantFrom(...DATES),
        earmark: fc.oneof(
          { weight: 3, arbitrary: fc.constant(0) },
          { weight: 3, arbitrary: fc.nat({ max: 5 }) },
        ),
        reversedOn: fc.option(fc.constantFrom(...DATES), { freq: 5 }),
      }),
      { maxLength: 14 },
    ),
    projects: fc.array(
      fc.record({
        committed: fc.boolean(),
        cents,
        decidedOn: fc.option(fc.constantFrom(...DATES), { freq: 8 }),
        decidedAt: fc.option(fc.constantFrom('09:00', '12:00'), { freq: 2 }),
        window: fc.constantFrom('I', 'II'),
        food: fc.boolean(),
        peru: fc.boolean(),
      }),
      { maxLength: PROJECTS.length },
    ),
    returns: fc.array(
      fc.record({
        project: fc.nat({ max: PROJECTS.length - 1 }),
        kind: fc.constantFrom('released' as const, 'refunded' as const),
        on: fc.option(fc.constantFrom(...DATES), { freq: 8 }),
        at: fc.option(fc.constantFrom('10:00', '12:00'), { freq: 2 }),
        cents: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(-100, 100, 200, 301) },
          { weight: 1, arbitrary: fc.integer({ min: -50_000, max: 100_000 }) },
        ),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ contributions, receipts, projects, returns }): TracingInput => {
    const pledges = contributions.map((c, i) => ({ id: `c${i}`, donorId: `d${c.donor}`, status: c.status }));
    const recorded: Receipt[] = [];
    receipts.forEach((r, i) => {
      const contributionId = pledges[r.contribution % pledges.length]!.id;
      const usd = centsToMoney(BigInt(r.cents));
      const receipt: Receipt = {
        id: `r${i}`,
        contributionId,
        kind: 'receipt',
        on: r.on,
        amount: usd,
        exchangeRate: '1',
        usdAmount: usd,
        reverses: null,
        earmark: EARMARKS[r.earmark]!,
      };
      recorded.push(receipt);
      if (r.reversedOn && r.reversedOn >= r.on) {
        recorded.push({ ...receipt, id: `v${i}`, kind: 'reversal', on: r.reversedOn, reverses: receipt.id });
      }
    });
    const traced = projects.map((p, i): TracedProject => ({
      id: PROJECTS[i]!,
      committed: p.committed,
      approvedBudget: centsToMoney(BigInt(p.cents)),
      decidedOn: p.decidedOn,
      decidedAt: p.decidedOn && p.decidedAt ? `${p.decidedOn}T${p.decidedAt}` : null,
      window: p.window,
      dimensions: p.food ? ['food'] : ['health'],
      countries: p.peru ? ['PER', 'KEN'] : ['KEN'],
    }));
    const back = returns.map((b): TracedReturn => ({
      projectId: PROJECTS[b.project]!,
      kind: b.kind,
      on: b.on,
      at: b.on && b.at ? `${b.on}T${b.at}` : null,
      amount: centsToMoney(BigInt(b.cents)),
    }));
    return { contributions: pledges, receipts: recorded, projects: traced, returns: back };
  });

/** Histories where the order of the sources decides a cent: found by the property, kept so they always run. */
const ORDER_DECIDES: TracingInput[] = [
  // A project's earmarked funder ranked after its pool funders: a return splits a tie by rank.
  {
    contributions: [{ id: 'c0', donorId: 'd0', status: 'received' }],
    receipts: [
      receipt('r0', '1.00', '2026-01-01', { kind: 'none', target: null }),
      receipt('r1', '1.00', '2026-01-01', { kind: 'dimension', target: 'food' }),
    ],
    projects: [project('p0', '8.46', '2026-01-01', { dimensions: ['food'] })],
    returns: [{ projectId: 'p0', kind: 'released', on: null, at: null, amount: '2.00' }],
  },
  // Money back to an earmarked receipt already spent: it rejoins the earmarked money in rank order.
  {
    contributions: [{ id: 'c0', donorId: 'd0', status: 'received' }],
    receipts: [
      receipt('r0', '1.00', '2026-01-01', { kind: 'window', target: 'II' }),
      receipt('r1', '1.00', '2026-01-01', { kind: 'window', target: 'II' }),
    ],
    projects: [
      project('p1', '0.01', '2026-03-01'),
      project('p2', '1.00', null, { window: 'II' }),
      project('p5', '1.00', '2026-01-01', { window: 'II' }),
    ],
    returns: [{ projectId: 'p5', kind: 'released', on: '2026-04-01', at: null, amount: '0.01' }],
  },
  // A lapsed project earmark joins the pool right after its receipt, before later receipts.
  {
    contributions: [{ id: 'c0', donorId: 'd0', status: 'received' }],
    receipts: [
      receipt('r0', '1.00', '2026-03-01', { kind: 'none', target: null }),
      receipt('r1', '0.07', '2026-01-01', { kind: 'none', target: null }),
      receipt('r2', '999999.99', '2026-01-01', { kind: 'project', target: 'p1' }),
      {
        ...receipt('v2', '999999.99', '2026-04-01', { kind: 'project', target: 'p1' }),
        kind: 'reversal',
        reverses: 'r2',
      },
    ],
    projects: [
      { ...project('p0', '0.07', '2026-01-01'), decidedAt: '2026-01-01T09:00' },
      project('p1', '2.00', '2026-01-01'),
      project('p2', '2.00', '2026-03-01'),
    ],
    returns: [{ projectId: 'p1', kind: 'released', on: '2026-01-01', at: null, amount: '2.00' }],
  },
];

describe('tracing at scale', () => {
  it.each(ORDER_DECIDES.map((input, i) => [i, input] as const))(
    'answers as the plain replay where the order of sources decides a cent (%i)',
    (_, input) => {
      expect(traceFunds(input)).toEqual(traceFundsReference(input));
    },
  );

  it('answers as the plain replay, to the cent, on any history (3,000 histories)', () => {
    fc.assert(
      fc.property(history, (input) => {
        expect(traceFunds(input)).toEqual(traceFundsReference(input));
      }),
      { numRuns: 3000 },
    );
  });
});

function receipt(id: string, usd: string, on: string, earmark: Earmark): Receipt {
  return {
    id,
    contributionId: 'c0',
    kind: 'receipt',
    on,
    amount: usd,
    exchangeRate: '1',
    usdAmount: usd,
    reverses: null,
    earmark,
  };
}

function project(
  id: string,
  budget: string,
  decidedOn: string | null,
  extra: Partial<TracedProject> = {},
): TracedProject {
  return {
    id,
    committed: true,
    approvedBudget: budget,
    decidedOn,
    window: 'I',
    dimensions: ['health'],
    countries: ['KEN'],
    ...extra,
  };
}
