import type { LedgerProject, MoneyEntry } from './ledger';
import { fundLedger, projectMoney } from './ledger';

const project = (overrides: Partial<LedgerProject> & { id: string }): LedgerProject => ({
  stage: 'approved',
  approvedBudget: '1000.00',
  approvedOn: '2024-05-01',
  startDate: '2025-01-01',
  completedOn: null,
  endDate: '2027-12-31',
  ...overrides,
});

let next = 0;
const entry = (overrides: Partial<MoneyEntry> & Pick<MoneyEntry, 'projectId' | 'amount'>): MoneyEntry => ({
  id: `e${++next}`,
  organizationId: 'undp',
  kind: 'transfer',
  on: '2024-06-01',
  reverses: null,
  ...overrides,
});

describe('the Fund ledger', () => {
  it('receives only received contributions and commits every live project that reached approval', () => {
    const ledger = fundLedger({
      contributions: [
        { status: 'received', usdAmount: '1000000.10', receivedOn: '2024-01-01' },
        { status: 'received', usdAmount: '500000.20', receivedOn: '2024-02-01' },
        { status: 'pledged', usdAmount: '250000.00', receivedOn: null },
        { status: 'cancelled', usdAmount: '999999.00', receivedOn: null },
      ],
      projects: [
        project({ id: 'a', stage: 'approved', approvedBudget: '300000.00' }),
        project({ id: 'b', stage: 'active', approvedBudget: '200000.00' }),
        project({ id: 'c', stage: 'under_review', approvedBudget: '700000.00' }),
        project({ id: 'd', stage: 'rejected', approvedBudget: '700000.00' }),
        project({ id: 'e', stage: 'withdrawn', approvedBudget: null }),
        project({ id: 'f', stage: 'active', approvedBudget: '50.00', deleted: true }),
      ],
      entries: [entry({ projectId: 'a', amount: '150000.15' }), entry({ projectId: 'b', amount: '0.15' })],
    });
    expect(ledger.overall).toEqual({
      received: '1500000.30',
      committed: '500000.00',
      transferred: '150000.30',
      released: '0.00',
      available: '1000000.30',
    });
  });

  it('releases the untransferred balance of completed and closed projects, and counts refunds as released', () => {
    const ledger = fundLedger({
      contributions: [{ status: 'received', usdAmount: '1000.00', receivedOn: '2024-01-01' }],
      projects: [
        project({ id: 'done', stage: 'completed', approvedBudget: '600.00', completedOn: '2025-03-01' }),
        project({ id: 'shut', stage: 'closed', approvedBudget: '400.00', completedOn: '2025-04-01' }),
      ],
      entries: [
        entry({ projectId: 'done', amount: '350.00' }),
        entry({ projectId: 'shut', amount: '400.00' }),
        entry({ projectId: 'shut', kind: 'refund', amount: '25.50', on: '2025-05-01' }),
      ],
    });
    expect(ledger.overall).toEqual({
      received: '1000.00',
      committed: '1000.00',
      transferred: '750.00',
      released: '275.50',
      available: '275.50',
    });
  });

  it('subtracts a reversed transfer from transferred and a reversed refund from released', () => {
    const transfer = entry({ projectId: 'p', amount: '300.00' });
    const refund = entry({ projectId: 'p', kind: 'refund', amount: '20.00' });
    const money = projectMoney(project({ id: 'p', stage: 'active', approvedBudget: '1000.00' }), [
      transfer,
      refund,
      entry({ projectId: 'p', kind: 'reversal', amount: '300.00', reverses: transfer.id }),
      entry({ projectId: 'p', kind: 'reversal', amount: '20.00', reverses: refund.id }),
    ]);
    expect(money).toMatchObject({
      transferred: '0.00',
      refunded: '0.00',
      untransferred: '1000.00',
      released: '0.00',
    });
  });

  it('puts each figure in the year of its own date: commitments by the approval decision, releases by the completion decision', () => {
    const { byYear, overall } = fundLedger({
      contributions: [{ status: 'received', usdAmount: '5000.00', receivedOn: '2023-12-31' }],
      projects: [
        project({
          id: 'x',
          stage: 'closed',
          approvedBudget: '1000.00',
          approvedOn: '2024-01-01',
          startDate: '2026-01-01',
          completedOn: '2025-06-30',
        }),
        project({
          id: 'y',
          stage: 'approved',
          approvedBudget: '10.00',
          approvedOn: null,
          startDate: '2026-02-01',
        }),
        project({ id: 'z', stage: 'approved', approvedBudget: '1.00', approvedOn: null, startDate: null }),
      ],
      entries: [entry({ projectId: 'x', amount: '900.00', on: '2024-03-01' })],
    });
    expect(byYear).toEqual([
      {
        year: 2023,
        received: '5000.00',
        committed: '0.00',
        transferred: '0.00',
        released: '0.00',
        available: '5000.00',
      },
      {
        year: 2024,
        received: '0.00',
        committed: '1000.00',
        transferred: '900.00',
        released: '0.00',
        available: '-1000.00',
      },
      {
        year: 2025,
        received: '0.00',
        committed: '0.00',
        transferred: '0.00',
        released: '100.00',
        available: '100.00',
      },
      {
        year: 2026,
        received: '0.00',
        committed: '10.00',
        transferred: '0.00',
        released: '0.00',
        available: '-10.00',
      },
      {
        year: null,
        received: '0.00',
        committed: '1.00',
        transferred: '0.00',
        released: '0.00',
        available: '-1.00',
      },
    ]);
    expect(overall.available).toBe('4089.00');
  });

  it('releases nothing below zero when more was transferred than approved', () => {
    const money = projectMoney(project({ id: 'p', stage: 'completed', approvedBudget: '100.00' }), [
      entry({ projectId: 'p', amount: '100.01' }),
    ]);
    expect(money.released).toBe('0.00');
    expect(money.untransferred).toBe('0.00');
  });

  it('ignores a reversal of a reversal and one naming an unknown entry', () => {
    const transfer = entry({ projectId: 'p', amount: '300.00' });
    const reversal = entry({ projectId: 'p', kind: 'reversal', amount: '300.00', reverses: transfer.id });
    const money = projectMoney(project({ id: 'p', stage: 'active' }), [
      transfer,
      reversal,
      entry({ projectId: 'p', kind: 'reversal', amount: '300.00', reverses: reversal.id }),
      entry({ projectId: 'p', kind: 'reversal', amount: '5.00', reverses: 'nothing' }),
    ]);
    expect(money.transferred).toBe('0.00');
  });
});
