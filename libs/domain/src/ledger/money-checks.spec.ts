import type { ProjectMoney } from './ledger';
import type { TransferRequestFacts } from './money-checks';
import {
  canReceiveTransfers,
  describeMoneyCheckProblem,
  organizationCaps,
  receivedReductionProblem,
  refundProblem,
  reversalProblem,
  transferProblem,
} from './money-checks';

const money = (overrides: Partial<ProjectMoney> = {}): ProjectMoney => ({
  approvedBudget: '1000.00',
  transferred: '0.00',
  refunded: '0.00',
  untransferred: '1000.00',
  released: '0.00',
  organizations: {},
  ...overrides,
});

const facts = (overrides: Partial<TransferRequestFacts> = {}): TransferRequestFacts => ({
  stage: 'active',
  approvedBudget: '1000.00',
  shares: [
    { organizationId: 'undp', budgetShare: '600.00' },
    { organizationId: 'unicef', budgetShare: '400.00' },
  ],
  money: money(),
  organizationId: 'undp',
  amount: '600.00',
  on: '2026-01-10',
  today: '2026-01-10',
  paragraph6: { holds: true, failingCountries: [] },
  override: null,
  ...overrides,
});

describe('received reductions', () => {
  it('let available fall to exactly zero and refuse one cent more, with the shortfall', () => {
    expect(receivedReductionProblem('100.00', '100.00', '0.00')).toBeNull();
    expect(receivedReductionProblem('100.00', '100.01', '0.00')).toEqual({
      code: 'received_reduction_exceeds_available',
      facts: { available: '100.00', reduction: '100.01', shortfall: '0.01' },
    });
  });

  it('never refuse a change that raises or keeps what was received', () => {
    expect(receivedReductionProblem('0.00', '100.00', '100.00')).toBeNull();
    expect(receivedReductionProblem('0.00', '0.00', '100.00')).toBeNull();
  });
});

describe('organization caps', () => {
  it('split the approved budget pro rata to the shares, to the cent, summing exactly', () => {
    expect(organizationCaps('1000.00', facts().shares)).toEqual({ undp: '600.00', unicef: '400.00' });
    const thirds = organizationCaps('100.00', [
      { organizationId: 'a', budgetShare: '1.00' },
      { organizationId: 'b', budgetShare: '1.00' },
      { organizationId: 'c', budgetShare: '1.00' },
    ]);
    expect(thirds).toEqual({ a: '33.34', b: '33.33', c: '33.33' });
  });

  it('give nothing when no share was given', () => {
    expect(organizationCaps('10.00', [{ organizationId: 'a', budgetShare: '0.00' }])).toEqual({ a: '0.00' });
  });
});

describe('transfers', () => {
  it('may take an organization exactly to its share, not a cent beyond', () => {
    expect(transferProblem(facts())).toBeNull();
    expect(transferProblem(facts({ amount: '600.01' }))).toEqual({
      code: 'transfer_exceeds_organization_share',
      facts: {
        organizationId: 'undp',
        amount: '600.01',
        share: '600.00',
        alreadyTransferred: '0.00',
        remaining: '600.00',
      },
    });
    expect(
      transferProblem(
        facts({
          amount: '0.01',
          money: money({
            transferred: '600.00',
            organizations: { undp: { transferred: '600.00', refunded: '0.00' } },
          }),
        }),
      )?.code,
    ).toBe('transfer_exceeds_organization_share');
  });

  it('are capped in total at the approved budget', () => {
    const problem = transferProblem(
      facts({
        shares: [{ organizationId: 'undp', budgetShare: '1.00' }],
        amount: '0.01',
        money: money({ transferred: '1000.00' }),
      }),
    );
    expect(problem?.code).toBe('transfer_exceeds_remaining_budget');
  });

  it('go only to approved or active projects with an approved budget', () => {
    expect(canReceiveTransfers('approved')).toBe(true);
    expect(canReceiveTransfers('active')).toBe(true);
    for (const stage of ['completed', 'closed', 'under_review'] as const) {
      expect(canReceiveTransfers(stage)).toBe(false);
      expect(transferProblem(facts({ stage }))?.code).toBe('transfer_stage_not_fundable');
    }
    expect(transferProblem(facts({ approvedBudget: null }))?.code).toBe('transfer_without_approved_budget');
    expect(transferProblem(facts({ amount: '0.00' }))?.code).toBe('transfer_amount_not_positive');
  });

  it('are dated today at the latest', () => {
    expect(transferProblem(facts({ on: '2026-01-11' }))).toEqual({
      code: 'transfer_in_future',
      facts: { date: '2026-01-11', today: '2026-01-10' },
    });
  });

  it('are refused while paragraph 6 does not hold, naming the countries, unless overridden with a justification', () => {
    const p6 = { holds: false, failingCountries: ['PER', 'COL'] };
    const refused = transferProblem(facts({ paragraph6: p6 }));
    expect(refused).toEqual({
      code: 'transfer_without_paragraph_6',
      facts: { date: '2026-01-10', countries: ['COL', 'PER'] },
    });
    expect(describeMoneyCheckProblem(refused!)).toContain('COL, PER');
    expect(transferProblem(facts({ paragraph6: p6, override: '   ' }))?.code).toBe(
      'transfer_without_paragraph_6',
    );
    expect(
      transferProblem(facts({ paragraph6: p6, override: 'Life-saving assistance agreed with OCHA.' })),
    ).toBeNull();
  });
});

describe('reversals and refunds', () => {
  const transfer = {
    id: 't1',
    projectId: 'p',
    organizationId: 'undp',
    kind: 'transfer' as const,
    amount: '100.00',
    on: '2026-01-05',
    reverses: null,
  };

  it('reverse a transfer or refund once, on or after its date, by today', () => {
    expect(reversalProblem(transfer, null, '2026-01-05', '2026-01-10')).toBeNull();
    expect(reversalProblem(transfer, { id: 'r1' }, '2026-01-06', '2026-01-10')?.code).toBe(
      'entry_already_reversed',
    );
    expect(reversalProblem(transfer, null, '2026-01-04', '2026-01-10')?.code).toBe('reversal_before_entry');
    expect(reversalProblem(transfer, null, '2026-01-11', '2026-01-10')?.code).toBe('money_entry_in_future');
    expect(
      reversalProblem({ ...transfer, kind: 'reversal', reverses: 'x' }, null, '2026-01-06', '2026-01-10')
        ?.code,
    ).toBe('reversal_target_is_reversal');
  });

  it('refund at most what the organization was sent and has not yet returned', () => {
    const sent = money({ organizations: { undp: { transferred: '100.00', refunded: '30.00' } } });
    expect(refundProblem(sent, 'undp', '70.00', '2026-01-10', '2026-01-10')).toBeNull();
    expect(refundProblem(sent, 'undp', '70.01', '2026-01-10', '2026-01-10')?.facts).toMatchObject({
      refundable: '70.00',
    });
    expect(refundProblem(sent, 'unicef', '0.01', '2026-01-10', '2026-01-10')?.code).toBe(
      'refund_exceeds_transferred',
    );
  });
});
