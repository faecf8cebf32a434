import { describeTransferProblem, fundLedger, transferProblem } from './ledger';

describe('the Fund ledger', () => {
  it('receives only received contributions and commits every project that reached approval', () => {
    const ledger = fundLedger({
      contributions: [
        { status: 'received', usdAmount: '1000000.10' },
        { status: 'received', usdAmount: '500000.20' },
        { status: 'pledged', usdAmount: '250000.00' },
        { status: 'cancelled', usdAmount: '999999.00' },
      ],
      projects: [
        { stage: 'approved', approvedBudget: '300000.00' },
        { stage: 'active', approvedBudget: '200000.00' },
        { stage: 'completed', approvedBudget: '100000.00' },
        { stage: 'closed', approvedBudget: '50000.00' },
        { stage: 'under_review', approvedBudget: '700000.00' },
        { stage: 'rejected', approvedBudget: '700000.00' },
        { stage: 'withdrawn', approvedBudget: null },
      ],
      transfers: [{ amount: '150000.15' }, { amount: '0.15' }],
    });
    expect(ledger).toEqual({
      received: '1500000.30',
      committed: '650000.00',
      transferred: '150000.30',
      available: '850000.30',
      pledged: '250000.00',
    });
  });

  it('is all zeros for an empty Fund', () => {
    expect(fundLedger({ contributions: [], projects: [], transfers: [] })).toEqual({
      received: '0.00',
      committed: '0.00',
      transferred: '0.00',
      available: '0.00',
      pledged: '0.00',
    });
  });

  it('sums cents exactly where floats would drift', () => {
    const contributions = Array.from({ length: 10 }, () => ({
      status: 'received' as const,
      usdAmount: '0.10',
    }));
    expect(fundLedger({ contributions, projects: [], transfers: [] }).received).toBe('1.00');
  });
});

describe('transfers', () => {
  it('allow a transfer of exactly the remaining budget', () => {
    expect(transferProblem('1000.00', '400.00', '600.00')).toBeNull();
  });

  it('refuse a transfer one cent over the remaining budget', () => {
    const problem = transferProblem('1000.00', '400.00', '600.01');
    expect(problem).toEqual({
      code: 'transfer_exceeds_remaining_budget',
      facts: {
        amount: '600.01',
        approvedBudget: '1000.00',
        alreadyTransferred: '400.00',
        remaining: '600.00',
      },
    });
    expect(describeTransferProblem(problem!)).toBe(
      'A transfer of USD 600.01 exceeds what remains of the approved budget: USD 600.00 (USD 1,000.00 approved, USD 400.00 already transferred).',
    );
  });

  it('refuse any transfer once the budget is fully transferred', () => {
    expect(transferProblem('1000.00', '1000.00', '0.01')?.code).toBe('transfer_exceeds_remaining_budget');
  });

  it('refuse a zero or negative transfer and a project without an approved budget', () => {
    expect(transferProblem('1000.00', '0.00', '0.00')?.code).toBe('transfer_amount_not_positive');
    expect(transferProblem('1000.00', '0.00', '-5.00')?.code).toBe('transfer_amount_not_positive');
    expect(transferProblem(null, '0.00', '5.00')?.code).toBe('transfer_without_approved_budget');
  });
});
