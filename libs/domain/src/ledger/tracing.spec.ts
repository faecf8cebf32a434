import { toCents } from '../money/money';
import type { Receipt } from './receipts';
import type { TracedProject } from './tracing';
import {
  describeEarmarkProblem,
  earmarkCeilings,
  earmarkMatches,
  earmarkProblem,
  fitsBesideEveryEarmark,
  proRata,
  raiseEarmarkProblem,
  traceFunds,
} from './tracing';

const r = (id: string, contributionId: string, usd: string, extra: Partial<Receipt> = {}): Receipt => ({
  id,
  contributionId,
  kind: 'receipt',
  on: '2026-01-10',
  amount: usd,
  exchangeRate: '1',
  usdAmount: usd,
  reverses: null,
  earmark: { kind: 'none', target: null },
  ...extra,
});
const project = (id: string, budget: string, extra: Partial<TracedProject> = {}): TracedProject => ({
  id,
  committed: true,
  approvedBudget: budget,
  decidedOn: '2026-02-01',
  window: 'I',
  dimensions: ['food'],
  countries: ['KEN'],
  ...extra,
});
const contributions = [
  { id: 'cx', donorId: 'x', status: 'received' as const },
  { id: 'cy', donorId: 'y', status: 'received' as const },
];

describe('where donors’ money went', () => {
  it('draws earmarked money exactly, then the unearmarked pool pro rata of what each donor still has', () => {
    const trace = traceFunds({
      contributions,
      receipts: [
        r('x1', 'cx', '1000.00'),
        r('x2', 'cx', '500.00', { earmark: { kind: 'project', target: 'p2' } }),
        r('y1', 'cy', '3000.00'),
      ],
      projects: [project('p1', '2000.00'), project('p2', '1000.00', { decidedOn: '2026-03-01' })],
    });
    const x = trace.donors.find((d) => d.donorId === 'x')!;
    expect(x).toEqual({
      donorId: 'x',
      paid: '1500.00',
      unallocated: '375.00',
      projects: [
        {
          projectId: 'p1',
          earmarked: '0.00',
          proRata: '500.00',
          released: '0.00',
          refunded: '0.00',
          net: '500.00',
        },
        {
          projectId: 'p2',
          earmarked: '500.00',
          proRata: '125.00',
          released: '0.00',
          refunded: '0.00',
          net: '625.00',
        },
      ],
    });
    expect(trace.earmarked).toEqual([]);
  });

  it('gives back to nobody a reversed receipt, and counts nothing of a cancelled pledge', () => {
    const trace = traceFunds({
      contributions: [contributions[0]!, { id: 'cy', donorId: 'y', status: 'cancelled' }],
      receipts: [
        r('x1', 'cx', '100.00'),
        r('y1', 'cy', '100.00'),
        r('v', 'cx', '100.00', { kind: 'reversal', reverses: 'x1', on: '2026-03-01' }),
      ],
      projects: [project('p1', '50.00')],
    });
    expect(trace.donors).toEqual([
      { donorId: 'x', paid: '0.00', unallocated: '0.00', projects: [] },
      { donorId: 'y', paid: '0.00', unallocated: '0.00', projects: [] },
    ]);
  });

  describe('money returned to the Fund', () => {
    const cents = (v: string) => toCents(v);
    /** Σ net + unallocated = paid, for every donor. */
    const addsUp = (trace: ReturnType<typeof traceFunds>) => {
      for (const d of trace.donors) {
        expect(d.projects.reduce((a, p) => a + cents(p.net), cents(d.unallocated))).toBe(cents(d.paid));
      }
    };
    const funded = () => ({
      contributions,
      receipts: [r('x1', 'cx', '1000.00'), r('y1', 'cy', '3000.00')],
      projects: [project('p1', '2000.00')],
    });

    it('goes back to each donor in the proportions its money funded the project, and is available again', () => {
      const trace = traceFunds({
        ...funded(),
        returns: [
          { projectId: 'p1', kind: 'released', on: '2026-06-01', amount: '400.00' },
          { projectId: 'p1', kind: 'refunded', on: '2026-07-01', amount: '100.01' },
        ],
      });
      // x funded 500 of p1 (a quarter), y 1500 (three quarters).
      expect(trace.donors).toEqual([
        {
          donorId: 'x',
          paid: '1000.00',
          unallocated: '625.00',
          projects: [
            {
              projectId: 'p1',
              earmarked: '0.00',
              proRata: '500.00',
              released: '100.00',
              refunded: '25.00',
              net: '375.00',
            },
          ],
        },
        {
          donorId: 'y',
          paid: '3000.00',
          unallocated: '1875.01',
          projects: [
            {
              projectId: 'p1',
              earmarked: '0.00',
              proRata: '1500.00',
              released: '300.00',
              refunded: '75.01',
              net: '1124.99',
            },
          ],
        },
      ]);
      addsUp(trace);
    });

    it('is drawn again by a later approval, and a refund reversed takes back what it gave', () => {
      const trace = traceFunds({
        ...funded(),
        projects: [...funded().projects, project('p2', '2500.00', { decidedOn: '2026-08-01' })],
        returns: [
          { projectId: 'p1', kind: 'refunded', on: '2026-06-01', amount: '400.00' },
          { projectId: 'p1', kind: 'refunded', on: '2026-07-01', amount: '-200.00' },
        ],
      });
      const x = trace.donors.find((d) => d.donorId === 'x')!;
      expect(x.projects).toEqual([
        {
          projectId: 'p1',
          earmarked: '0.00',
          proRata: '500.00',
          released: '0.00',
          refunded: '50.00',
          net: '450.00',
        },
        {
          projectId: 'p2',
          earmarked: '0.00',
          proRata: '550.00',
          released: '0.00',
          refunded: '0.00',
          net: '550.00',
        },
      ]);
      expect(x.unallocated).toBe('0.00');
      addsUp(trace);
    });

    it('takes back all a reversed refund gave even when a later approval spent it: that project is then partly paid by no donor', () => {
      const trace = traceFunds({
        ...funded(),
        projects: [...funded().projects, project('p2', '2400.00', { decidedOn: '2026-08-01' })],
        returns: [
          { projectId: 'p1', kind: 'refunded', on: '2026-06-01', amount: '400.00' },
          { projectId: 'p1', kind: 'refunded', on: '2026-09-01', amount: '-400.00' },
        ],
      });
      // The refund gave x 100 and y 300; p2 then drew all of both pools. Reversed, p1 refunded
      // nothing, so no donor may keep a refund from it: the 400 leave p2, which no donor paid for.
      const figures = trace.donors.map((d) => ({
        donorId: d.donorId,
        unallocated: d.unallocated,
        projects: d.projects.map((p) => [p.projectId, p.proRata, p.refunded, p.net]),
      }));
      expect(figures).toEqual([
        {
          donorId: 'x',
          unallocated: '0.00',
          projects: [
            ['p1', '500.00', '0.00', '500.00'],
            ['p2', '500.00', '0.00', '500.00'],
          ],
        },
        {
          donorId: 'y',
          unallocated: '0.00',
          projects: [
            ['p1', '1500.00', '0.00', '1500.00'],
            ['p2', '1500.00', '0.00', '1500.00'],
          ],
        },
      ]);
      addsUp(trace);
    });

    it('takes a reversed refund from the approvals made after the refund, not from the projects paid before it', () => {
      const trace = traceFunds({
        contributions,
        receipts: [r('x1', 'cx', '1000.00')],
        projects: [
          project('p0', '500.00', { decidedOn: '2026-01-20' }),
          project('p1', '500.00', { decidedOn: '2026-02-01' }),
          project('p2', '200.00', { decidedOn: '2026-04-01' }),
        ],
        returns: [
          { projectId: 'p1', kind: 'refunded', on: '2026-03-01', amount: '200.00' },
          { projectId: 'p1', kind: 'refunded', on: '2026-05-01', amount: '-200.00' },
        ],
      });
      // p2 was paid with p1's refund; p0, paid before the refund existed, keeps what x paid for it.
      const x = trace.donors.find((d) => d.donorId === 'x')!;
      expect(x.projects.map((p) => [p.projectId, p.proRata, p.refunded, p.net])).toEqual([
        ['p0', '500.00', '0.00', '500.00'],
        ['p1', '500.00', '0.00', '500.00'],
      ]);
      expect(x.unallocated).toBe('0.00');
      addsUp(trace);
    });

    it('keeps with the Fund the part of a return no donor paid, and lets a lapsed project earmark join the pool', () => {
      const trace = traceFunds({
        contributions,
        receipts: [r('x1', 'cx', '500.00', { earmark: { kind: 'project', target: 'p1' } })],
        projects: [
          project('p1', '1000.00'),
          project('p2', '100.00', { decidedOn: '2026-09-01', countries: ['PER'] }),
        ],
        returns: [{ projectId: 'p1', kind: 'released', on: '2026-06-01', amount: '1000.00' }],
      });
      const x = trace.donors.find((d) => d.donorId === 'x')!;
      // x paid half of p1; half of the release goes to it, and is no longer earmarked to p1. The
      // lapsed money joins x's unearmarked pool, whose projects are listed before its earmarked ones.
      expect(x.projects).toEqual([
        {
          projectId: 'p2',
          earmarked: '0.00',
          proRata: '100.00',
          released: '0.00',
          refunded: '0.00',
          net: '100.00',
        },
        {
          projectId: 'p1',
          earmarked: '500.00',
          proRata: '0.00',
          released: '500.00',
          refunded: '0.00',
          net: '0.00',
        },
      ]);
      expect(x.unallocated).toBe('400.00');
      expect(trace.earmarked).toEqual([]);
      addsUp(trace);
    });

    it('goes with a reversed receipt: nothing of it stays traced, what came back before stays in the history', () => {
      const trace = traceFunds({
        ...funded(),
        receipts: [
          ...funded().receipts,
          r('v', 'cx', '1000.00', { kind: 'reversal', reverses: 'x1', on: '2026-09-01' }),
        ],
        returns: [{ projectId: 'p1', kind: 'released', on: '2026-06-01', amount: '400.00' }],
      });
      // Unearmarked money is one pool per donor: the reversal takes x's 600 unspent, then the 400 its
      // pool still held in p1. The 100 that p1 gave back before stays as paid and returned (net 0).
      expect(trace.donors.find((d) => d.donorId === 'x')).toEqual({
        donorId: 'x',
        paid: '0.00',
        unallocated: '0.00',
        projects: [
          {
            projectId: 'p1',
            earmarked: '0.00',
            proRata: '100.00',
            released: '100.00',
            refunded: '0.00',
            net: '0.00',
          },
        ],
      });
      addsUp(trace);
    });

    it('takes a reversed unearmarked receipt from its donor’s unspent money first, then from its projects pro rata', () => {
      const trace = traceFunds({
        contributions,
        receipts: [
          r('x1', 'cx', '1000.00'),
          r('x2', 'cx', '1000.00', { on: '2026-01-20' }),
          r('y1', 'cy', '2000.00'),
          r('v', 'cx', '1000.00', { kind: 'reversal', reverses: 'x2', on: '2026-09-01' }),
        ],
        projects: [project('p1', '1000.00'), project('p2', '2000.00', { decidedOn: '2026-03-01' })],
      });
      // x's pool (2000 of 4000) paid 500 of p1, then 1000 of p2 (1500 of 3000 left): 500 unspent.
      // The reversal takes those 500, then 500 from p1 and p2 in the proportions 500 : 1000.
      expect(trace.donors.find((d) => d.donorId === 'x')).toEqual({
        donorId: 'x',
        paid: '1000.00',
        unallocated: '0.00',
        projects: [
          {
            projectId: 'p1',
            earmarked: '0.00',
            proRata: '333.33',
            released: '0.00',
            refunded: '0.00',
            net: '333.33',
          },
          {
            projectId: 'p2',
            earmarked: '0.00',
            proRata: '666.67',
            released: '0.00',
            refunded: '0.00',
            net: '666.67',
          },
        ],
      });
      addsUp(trace);
    });
  });

  it('splits to the cent, the remainders to the largest fractions', () => {
    expect(proRata(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(proRata(0n, [5n])).toEqual([0n]);
  });

  it('matches an earmark by window, dimension, country or project', () => {
    const p = project('p1', '1.00');
    expect(earmarkMatches({ kind: 'window', target: 'I' }, p)).toBe(true);
    expect(earmarkMatches({ kind: 'window', target: 'II' }, p)).toBe(false);
    expect(earmarkMatches({ kind: 'dimension', target: 'food' }, p)).toBe(true);
    expect(earmarkMatches({ kind: 'country', target: 'PER' }, p)).toBe(false);
    expect(earmarkMatches({ kind: 'project', target: 'p1' }, p)).toBe(true);
  });

  it('refuses an approval a cent past what is not earmarked elsewhere', () => {
    const earmarked = [
      { receiptId: 'z', earmark: { kind: 'country' as const, target: 'PER' }, remaining: '1000.00' },
    ];
    const kenya = project('k', '0');
    expect(earmarkProblem(kenya, '1500.00', '2500.00', earmarked)).toBeNull();
    expect(earmarkProblem(kenya, '1500.01', '2500.00', earmarked)).toMatchObject({
      code: 'approval_uses_earmarked_money',
      facts: { usable: '1500.00', earmarkedElsewhere: '1000.00' },
    });
    expect(
      earmarkProblem(project('p', '0', { countries: ['PER'] }), '2500.00', '2500.00', earmarked),
    ).toBeNull();
  });

  it('refuses a raise whose increase is a cent past what is not earmarked elsewhere, in words', () => {
    const earmarked = [
      { receiptId: 'z', earmark: { kind: 'country' as const, target: 'PER' }, remaining: '1000.00' },
    ];
    const kenya = project('k', '500.00');
    expect(raiseEarmarkProblem(kenya, '1500.00', '2500.00', earmarked)).toBeNull();
    const problem = raiseEarmarkProblem(kenya, '1500.01', '2500.00', earmarked)!;
    expect(problem).toEqual({
      code: 'raise_uses_earmarked_money',
      facts: {
        increase: '1500.01',
        available: '2500.00',
        earmarkedElsewhere: '1000.00',
        usable: '1500.00',
        earmarks: [{ kind: 'country', target: 'PER', amount: '1000.00' }],
      },
    });
    expect(describeEarmarkProblem(problem)).toContain('not a raise of USD 1,500.01');
    expect(raiseEarmarkProblem(kenya, '-100.00', '0.00', earmarked)).toBeNull();
  });

  it('lets an approval through without a replay only when it fits beside all the money ever earmarked elsewhere', () => {
    const input = {
      contributions: [...contributions, { id: 'cz', donorId: 'z', status: 'cancelled' as const }],
      receipts: [
        r('x1', 'cx', '1000.00', { earmark: { kind: 'country', target: 'PER' } }),
        r('x2', 'cx', '300.00', { earmark: { kind: 'country', target: 'PER' } }),
        r('v2', 'cx', '300.00', { kind: 'reversal', reverses: 'x2', on: '2026-03-01' }),
        r('y1', 'cy', '200.00', { earmark: { kind: 'window', target: 'I' } }),
        r('z1', 'cz', '900.00', { earmark: { kind: 'country', target: 'PER' } }),
      ],
    };
    const ceilings = earmarkCeilings(input);
    expect(ceilings).toEqual([
      { earmark: { kind: 'country', target: 'PER' }, received: '1000.00' },
      { earmark: { kind: 'window', target: 'I' }, received: '200.00' },
    ]);
    const kenya = project('k', '0');
    expect(fitsBesideEveryEarmark(kenya, '1500.00', '2500.00', ceilings)).toBe(true);
    expect(fitsBesideEveryEarmark(kenya, '1500.01', '2500.00', ceilings)).toBe(false);
    expect(fitsBesideEveryEarmark(project('k', '0', { window: 'II' }), '1300.01', '2500.00', ceilings)).toBe(
      false,
    );
    expect(
      fitsBesideEveryEarmark(project('p', '0', { countries: ['PER'] }), '2500.00', '2500.00', ceilings),
    ).toBe(true);
  });

  it('never holds more earmarked money than was received under the earmark, returns and all', () => {
    const input = {
      contributions,
      receipts: [
        r('x1', 'cx', '500.00', { earmark: { kind: 'window', target: 'I' } }),
        r('y1', 'cy', '700.00'),
      ],
      projects: [project('p1', '800.00')],
      returns: [
        { projectId: 'p1', kind: 'released' as const, on: '2026-06-01', amount: '800.00' },
        { projectId: 'p1', kind: 'refunded' as const, on: '2026-07-01', amount: '50.00' },
      ],
    };
    const [ceiling] = earmarkCeilings(input);
    const [balance] = traceFunds(input).earmarked;
    expect(balance!.remaining).toBe('500.00');
    expect(toCents(balance!.remaining) <= toCents(ceiling!.received)).toBe(true);
  });
});
