import { randomBytes } from 'node:crypto';
import { anOrganization } from '../support/portfolio-builders';
import type { TestApp } from '../support/test-app';

/** A complete, valid create-project request, with two fresh organizations sharing the budget. */
export async function aProjectRequest(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const lead = await anOrganization(t);
  const partner = await anOrganization(t);
  return {
    title: `Resilient livelihoods ${randomBytes(3).toString('hex')}`,
    summary: 'Early warning and community-based protection for drought-affected pastoralists',
    window: 'I',
    leadOrganizationId: lead,
    organizations: [
      { organizationId: lead, budgetShare: '600000.00' },
      { organizationId: partner, budgetShare: '400000.00' },
    ],
    recipientCountries: ['KEN', 'ETH'],
    requestedBudget: '1000000.00',
    coFunding: '250000.00',
    startDate: '2026-03-01',
    endDate: '2028-02-29',
    dimensions: ['food', 'economic', 'community'],
    targetBeneficiaries: 12000,
    vulnerableGroups: ['women_and_girls', 'rural_communities'],
    sdgs: [1, 2, 5],
    narratives: {
      peopleCentred: 'Pastoralist women design the early-warning committees.',
      comprehensive: 'Food, income and community security addressed together by three agencies.',
      contextSpecific: 'Grounded in the drought response plans of both counties.',
      preventionOriented: 'Early warning and drought-resilient livelihoods.',
      protectionEmpowerment: 'County institutions protect; community committees act.',
    },
    protectionMeasures: 'County early-warning systems and social protection.',
    empowermentMeasures: 'Community committees manage the response funds.',
    declarations: { noCoercion: true, distinctFromR2p: true },
    ...overrides,
  };
}
