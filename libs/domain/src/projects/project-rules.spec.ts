import { projectProblems, ProjectShape } from './project-rules';

const valid: ProjectShape = {
  requestedBudget: '1000000.00',
  approvedBudget: null,
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  leadOrganizationId: 'undp',
  organizations: [
    { organizationId: 'undp', budgetShare: '600000.00' },
    { organizationId: 'unicef', budgetShare: '400000.00' },
  ],
  recipientCountries: ['KEN', 'UGA'],
};

const codes = (shape: ProjectShape) => projectProblems(shape).map((p) => p.code);

describe('project rules', () => {
  it('accepts a project whose shares sum exactly to the requested budget', () => {
    expect(projectProblems(valid)).toEqual([]);
  });

  it('refuses shares one cent short of the requested budget, naming both totals', () => {
    const problems = projectProblems({
      ...valid,
      organizations: [
        { organizationId: 'undp', budgetShare: '600000.00' },
        { organizationId: 'unicef', budgetShare: '399999.99' },
      ],
    });
    expect(problems).toEqual([
      {
        field: 'organizations',
        code: 'shares_do_not_sum',
        sharesTotal: '999999.99',
        requestedBudget: '1000000.00',
      },
    ]);
  });

  it('sums cents exactly where floats would not (0.10 + 0.20 = 0.30)', () => {
    expect(
      codes({
        ...valid,
        requestedBudget: '0.30',
        organizations: [
          { organizationId: 'undp', budgetShare: '0.1' },
          { organizationId: 'unicef', budgetShare: '0.20' },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses an end date equal to the start date', () => {
    expect(codes({ ...valid, endDate: '2026-01-01' })).toEqual(['end_not_after_start']);
  });

  it('accepts an end date one day after the start', () => {
    expect(codes({ ...valid, endDate: '2026-01-02' })).toEqual([]);
  });

  it('requires the lead organization to be a participating organization', () => {
    expect(codes({ ...valid, leadOrganizationId: 'wfp' })).toEqual(['lead_not_participating']);
  });

  it('refuses the same organization or country twice', () => {
    expect(
      codes({
        ...valid,
        organizations: [...valid.organizations, { organizationId: 'undp', budgetShare: '0.00' }],
        recipientCountries: ['KEN', 'KEN'],
      }),
    ).toEqual(['duplicate_organization', 'duplicate_country']);
  });
});
