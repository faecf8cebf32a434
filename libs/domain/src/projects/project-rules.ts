import { compareIsoDates } from '../calendar/iso-date';
import { centsToMoney as fromCents, toCents as cents } from '../money/money';

/**
 * The rules a project record must satisfy whatever its stage (the lifecycle adds its own gates).
 * Money is summed as integer cents (libs/domain money), so shares sum exactly.
 */
export interface ProjectShape {
  requestedBudget: string;
  approvedBudget: string | null;
  startDate: string | null;
  endDate: string | null;
  leadOrganizationId: string | null;
  organizations: { organizationId: string; budgetShare: string }[];
  recipientCountries: string[];
}

export type ProjectProblem =
  | { field: 'endDate'; code: 'end_not_after_start'; startDate: string; endDate: string }
  | { field: 'organizations'; code: 'shares_do_not_sum'; sharesTotal: string; requestedBudget: string }
  | { field: 'organizations'; code: 'duplicate_organization'; organizationId: string }
  | { field: 'leadOrganizationId'; code: 'lead_not_participating'; organizationId: string }
  | { field: 'recipientCountries'; code: 'duplicate_country'; iso3: string };

export function projectProblems(project: ProjectShape): ProjectProblem[] {
  const problems: ProjectProblem[] = [];
  if (project.startDate && project.endDate && compareIsoDates(project.endDate, project.startDate) <= 0) {
    problems.push({
      field: 'endDate',
      code: 'end_not_after_start',
      startDate: project.startDate,
      endDate: project.endDate,
    });
  }
  const seenOrganizations = new Set<string>();
  for (const { organizationId } of project.organizations) {
    if (seenOrganizations.has(organizationId)) {
      problems.push({ field: 'organizations', code: 'duplicate_organization', organizationId });
    }
    seenOrganizations.add(organizationId);
  }
  if (project.organizations.length > 0) {
    const total = project.organizations.reduce((sum, o) => sum + cents(o.budgetShare), 0n);
    if (total !== cents(project.requestedBudget)) {
      problems.push({
        field: 'organizations',
        code: 'shares_do_not_sum',
        sharesTotal: fromCents(total),
        requestedBudget: fromCents(cents(project.requestedBudget)),
      });
    }
  }
  if (project.leadOrganizationId && !seenOrganizations.has(project.leadOrganizationId)) {
    problems.push({
      field: 'leadOrganizationId',
      code: 'lead_not_participating',
      organizationId: project.leadOrganizationId,
    });
  }
  const seenCountries = new Set<string>();
  for (const iso3 of project.recipientCountries) {
    if (seenCountries.has(iso3))
      problems.push({ field: 'recipientCountries', code: 'duplicate_country', iso3 });
    seenCountries.add(iso3);
  }
  return problems;
}

export function describeProjectProblem(problem: ProjectProblem): string {
  switch (problem.code) {
    case 'end_not_after_start':
      return `must be after the start date (${problem.startDate})`;
    case 'shares_do_not_sum':
      return `budget shares sum to ${problem.sharesTotal}, not to the requested budget of ${problem.requestedBudget}`;
    case 'duplicate_organization':
      return 'lists the same organization twice';
    case 'lead_not_participating':
      return 'must be one of the participating organizations';
    case 'duplicate_country':
      return `lists ${problem.iso3} twice`;
  }
}
