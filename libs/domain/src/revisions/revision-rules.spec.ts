import type { ConsentRecordInput } from '../compliance/paragraph-6';
import {
  budgetRevisionProblems,
  decisionProblem,
  describeRevisionProblem,
  extensionProblems,
  type BudgetRevisionFacts,
  type ExtensionFacts,
} from './revision-rules';

const budget = (overrides: Partial<BudgetRevisionFacts> = {}): BudgetRevisionFacts => ({
  stage: 'active',
  requestedBudget: '1000.00',
  approvedBudget: '1000.00',
  shares: [
    { organizationId: 'undp', budgetShare: '600.00' },
    { organizationId: 'unicef', budgetShare: '400.00' },
  ],
  transferredNet: {},
  available: '500.00',
  proposal: {
    approvedBudget: '1200.00',
    shares: [
      { organizationId: 'undp', budgetShare: '600.00' },
      { organizationId: 'unicef', budgetShare: '400.00' },
    ],
  },
  ...overrides,
});

const consent = (overrides: Partial<ConsentRecordInput> = {}): ConsentRecordInput => ({
  id: 'c-ken',
  country: 'KEN',
  status: 'granted',
  requestedOn: '2025-01-01',
  grantedOn: '2025-02-01',
  validUntil: '2028-12-31',
  withdrawnOn: null,
  hasIssuingOffice: true,
  hasSignatory: true,
  hasDocumentReference: true,
  ...overrides,
});

const extension = (overrides: Partial<ExtensionFacts> = {}): ExtensionFacts => ({
  stage: 'active',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  newEndDate: '2028-06-30',
  lastTransferOn: null,
  lastAcceptedPeriodEnd: null,
  recipientCountries: ['KEN', 'UGA'],
  consents: [consent(), consent({ id: 'c-uga', country: 'UGA', validUntil: null })],
  today: '2026-12-06',
  ...overrides,
});

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('budget revisions', () => {
  it('allow a raise the Fund can afford, a cut, and money moved between the organizations', () => {
    expect(budgetRevisionProblems(budget())).toEqual([]);
    expect(
      budgetRevisionProblems(
        budget({ available: '0.00', proposal: { ...budget().proposal, approvedBudget: '800.00' } }),
      ),
    ).toEqual([]);
    const moved = {
      approvedBudget: '1000.00',
      shares: [
        { organizationId: 'undp', budgetShare: '300.00' },
        { organizationId: 'unicef', budgetShare: '700.00' },
      ],
    };
    expect(budgetRevisionProblems(budget({ available: '0.00', proposal: moved }))).toEqual([]);
  });

  it('refuse a raise beyond the available balance, saying by how much', () => {
    expect(budgetRevisionProblems(budget({ available: '150.00' }))).toEqual([
      {
        code: 'budget_revision_raise_exceeds_available',
        facts: { increase: '200.00', available: '150.00', shortfall: '50.00' },
      },
    ]);
  });

  it('accept a raise of exactly the available balance', () => {
    expect(budgetRevisionProblems(budget({ available: '200.00' }))).toEqual([]);
  });

  it('refuse a part below what an organization was already sent', () => {
    const problems = budgetRevisionProblems(
      budget({
        transferredNet: { unicef: '450.00' },
        proposal: {
          ...budget().proposal,
          approvedBudget: '1000.00',
          shares: [
            { organizationId: 'undp', budgetShare: '700.00' },
            { organizationId: 'unicef', budgetShare: '300.00' },
          ],
        },
      }),
    );
    expect(problems).toEqual([
      {
        code: 'budget_revision_below_transferred',
        facts: { organizationId: 'unicef', part: '300.00', transferred: '450.00' },
      },
    ]);
  });

  it('refuse shares that leave out, add or repeat an organization', () => {
    const [problem] = budgetRevisionProblems(
      budget({
        proposal: {
          approvedBudget: '1000.00',
          shares: [
            { organizationId: 'undp', budgetShare: '500.00' },
            { organizationId: 'wfp', budgetShare: '250.00' },
            { organizationId: 'wfp', budgetShare: '250.00' },
          ],
        },
      }),
    );
    expect(problem).toEqual({
      code: 'budget_revision_organizations_differ',
      facts: { missing: ['unicef'], unknown: ['wfp'], duplicated: ['wfp'] },
    });
  });

  it('refuse shares that do not add up to the requested budget', () => {
    const proposal = {
      approvedBudget: '1000.00',
      shares: [
        { organizationId: 'undp', budgetShare: '600.00' },
        { organizationId: 'unicef', budgetShare: '300.00' },
      ],
    };
    expect(codes(budgetRevisionProblems(budget({ proposal })))).toEqual([
      'budget_revision_shares_do_not_sum',
    ]);
  });

  it('refuse a revision that changes nothing', () => {
    const proposal = { ...budget().proposal, approvedBudget: '1000.00' };
    expect(codes(budgetRevisionProblems(budget({ proposal })))).toEqual(['budget_revision_changes_nothing']);
  });

  it('refuse projects that are not approved or active', () => {
    for (const stage of ['under_review', 'completed', 'closed'] as const) {
      expect(codes(budgetRevisionProblems(budget({ stage })))).toEqual(['revision_stage_not_revisable']);
    }
  });
});

describe('no-cost extensions', () => {
  it('allow a later end date while every consent holds through it', () => {
    expect(extensionProblems(extension())).toEqual([]);
  });

  it('refuse when a consent expires before the new end date, naming the country and its validity', () => {
    const problems = extensionProblems(extension({ newEndDate: '2029-03-31' }));
    expect(problems).toEqual([
      {
        code: 'extension_consent_not_valid_through',
        facts: { newEndDate: '2029-03-31', countries: [{ country: 'KEN', validUntil: '2028-12-31' }] },
      },
    ]);
    expect(describeRevisionProblem(problems[0]!)).toContain('KEN is valid until 2028-12-31');
  });

  it('accept a consent valid until the new end date itself', () => {
    expect(extensionProblems(extension({ newEndDate: '2028-12-31' }))).toEqual([]);
  });

  it('refuse when a country has no consent that holds today', () => {
    const consents = [
      consent(),
      consent({ id: 'c-uga', country: 'UGA', status: 'withdrawn', withdrawnOn: '2026-06-01' }),
    ];
    expect(extensionProblems(extension({ consents }))[0]!.facts).toEqual({
      newEndDate: '2028-06-30',
      countries: [{ country: 'UGA', validUntil: null }],
    });
  });

  it('refuse the current end date', () => {
    expect(codes(extensionProblems(extension({ newEndDate: '2027-12-31' })))).toEqual(['end_date_unchanged']);
  });

  it('shorten the project to an earlier end after the start, the latest transfer and accepted periods', () => {
    const facts = {
      newEndDate: '2027-06-30',
      lastTransferOn: '2027-06-30',
      lastAcceptedPeriodEnd: '2026-12-31',
    };
    expect(extensionProblems(extension(facts))).toEqual([]);
  });

  it('refuse a shortening to or before the start', () => {
    const problems = extensionProblems(extension({ newEndDate: '2026-01-01' }));
    expect(problems).toEqual([
      { code: 'end_date_not_after_start', facts: { startDate: '2026-01-01', newEndDate: '2026-01-01' } },
    ]);
    expect(describeRevisionProblem(problems[0]!)).toBe(
      "The new end date (2026-01-01) must be after the project's start (2026-01-01).",
    );
  });

  it('refuse a shortening before the latest transfer or the end of an accepted report’s period', () => {
    const problems = extensionProblems(
      extension({
        newEndDate: '2026-09-30',
        lastTransferOn: '2026-10-01',
        lastAcceptedPeriodEnd: '2026-12-31',
      }),
    );
    expect(problems).toEqual([
      { code: 'end_date_before_transfer', facts: { newEndDate: '2026-09-30', lastTransferOn: '2026-10-01' } },
      {
        code: 'end_date_before_accepted_report',
        facts: { newEndDate: '2026-09-30', periodEnd: '2026-12-31' },
      },
    ]);
  });

  it('refuse projects that are not approved or active', () => {
    expect(codes(extensionProblems(extension({ stage: 'completed' })))).toEqual([
      'revision_stage_not_revisable',
    ]);
  });
});

describe('decisions', () => {
  it('are made by someone other than the requester', () => {
    expect(decisionProblem({ status: 'pending', requestedBy: 'a', decidedBy: 'b' })).toBeNull();
    expect(decisionProblem({ status: 'pending', requestedBy: 'a', decidedBy: 'a' })?.code).toBe(
      'revision_decider_is_requester',
    );
  });

  it('are made once', () => {
    expect(decisionProblem({ status: 'approved', requestedBy: 'a', decidedBy: 'b' })?.code).toBe(
      'revision_decided_already',
    );
  });
});
