import type { PlannedTranche, TranchePlanFacts } from './tranches';
import {
  trancheChangeProblem,
  tranchePlanProblem,
  trancheReleaseProblem,
  trancheScheduleSummary,
  trancheStatus,
} from './tranches';

const plan = (overrides: Partial<TranchePlanFacts> = {}): TranchePlanFacts => ({
  stage: 'active',
  approvedBudget: '1000.00',
  shares: [
    { organizationId: 'undp', budgetShare: '600.00' },
    { organizationId: 'unicef', budgetShare: '400.00' },
  ],
  others: [],
  organizationId: 'undp',
  amount: '600.00',
  ...overrides,
});

const tranche = (overrides: Partial<PlannedTranche> = {}): PlannedTranche => ({
  id: 't1',
  organizationId: 'undp',
  amount: '100.00',
  plannedOn: '2026-03-01',
  releasedBy: null,
  ...overrides,
});

describe('planning a tranche', () => {
  it("lets an organization's planned tranches reach its share exactly, and refuses one cent more", () => {
    expect(
      tranchePlanProblem(plan({ others: [{ organizationId: 'undp', amount: '400.00' }], amount: '200.00' })),
    ).toBeNull();
    expect(
      tranchePlanProblem(plan({ others: [{ organizationId: 'undp', amount: '400.00' }], amount: '200.01' })),
    ).toEqual({
      code: 'tranche_exceeds_organization_share',
      facts: {
        organizationId: 'undp',
        amount: '200.01',
        share: '600.00',
        alreadyPlanned: '400.00',
        remaining: '200.00',
      },
    });
  });

  it("counts only the same organization's tranches against its share", () => {
    expect(
      tranchePlanProblem(
        plan({ others: [{ organizationId: 'unicef', amount: '400.00' }], amount: '600.00' }),
      ),
    ).toBeNull();
  });

  it('takes the share pro rata of the approved budget when it is lower than the requested one', () => {
    const lower = plan({ approvedBudget: '500.00', amount: '300.01' });
    expect(tranchePlanProblem(lower)?.code).toBe('tranche_exceeds_organization_share');
    expect(tranchePlanProblem({ ...lower, amount: '300.00' })).toBeNull();
  });

  it('refuses a project that is not approved or already finished, and one without an approved budget', () => {
    for (const stage of ['under_review', 'completed', 'closed'] as const) {
      expect(tranchePlanProblem(plan({ stage }))?.code).toBe('tranche_project_not_approved');
    }
    expect(tranchePlanProblem(plan({ approvedBudget: null }))?.code).toBe('tranche_project_not_approved');
    expect(tranchePlanProblem(plan({ stage: 'suspended' }))).toBeNull();
  });

  it('refuses a zero amount and an organization without a share', () => {
    expect(tranchePlanProblem(plan({ amount: '0.00' }))?.code).toBe('tranche_amount_not_positive');
    expect(tranchePlanProblem(plan({ organizationId: 'unfpa', amount: '0.01' }))?.code).toBe(
      'tranche_exceeds_organization_share',
    );
  });
});

describe('released tranches', () => {
  it('are neither changed nor removed', () => {
    expect(trancheChangeProblem(tranche())).toBeNull();
    expect(trancheChangeProblem(tranche({ releasedBy: 'x1' }))).toEqual({
      code: 'tranche_released',
      facts: { trancheId: 't1', transferId: 'x1' },
    });
  });

  it('are released once, by a transfer to the organization they were planned for', () => {
    expect(trancheReleaseProblem(tranche(), 'undp')).toBeNull();
    expect(trancheReleaseProblem(tranche(), 'unicef')?.code).toBe('tranche_organization_mismatch');
    expect(trancheReleaseProblem(tranche({ releasedBy: 'x1' }), 'undp')?.code).toBe('tranche_released');
  });
});

describe('the schedule', () => {
  it('is overdue the day after its date without a transfer, planned on the day itself', () => {
    expect(trancheStatus(tranche(), '2026-03-01')).toBe('planned');
    expect(trancheStatus(tranche(), '2026-03-02')).toBe('overdue');
    expect(trancheStatus(tranche({ releasedBy: 'x1' }), '2027-01-01')).toBe('released');
  });

  it('sums planned against released, counts the overdue and names the earliest unreleased tranche next', () => {
    const summary = trancheScheduleSummary(
      [
        tranche({ id: 'a', plannedOn: '2026-01-01', amount: '100.00', releasedBy: 'x1' }),
        tranche({ id: 'b', plannedOn: '2026-06-01', amount: '200.00' }),
        tranche({ id: 'c', plannedOn: '2026-02-01', amount: '50.50' }),
      ],
      '2026-03-01',
    );
    expect(summary).toMatchObject({ planned: '350.50', released: '100.00', overdue: 1 });
    expect(summary.next?.id).toBe('c');
    expect(trancheScheduleSummary([], '2026-03-01')).toEqual({
      planned: '0.00',
      released: '0.00',
      overdue: 0,
      next: null,
    });
  });
});
