import { describeIndicator, PRINCIPLES, RUBRIC, structuralIndicators } from '@hstf/domain';
import type { PrincipleId, PrincipleIndicators, ProposalFacts } from '@hstf/domain';
import type { EntityManager } from 'typeorm';
import { moneyOut } from '../common/money/money.decorators';
import { Problem } from '../common/problem-details/problem';
import { dateOnly } from '../common/validation/calendar-date';
import type { PrincipleIndicatorsDto, ReviewProposalDto } from './reviews.dto';
import type { ProposalRow, ReviewsRepository } from './reviews.repository';

export interface Proposal {
  row: ProposalRow;
  indicators: PrincipleIndicators[];
}

export async function readProposal(
  reviews: ReviewsRepository,
  manager: EntityManager,
  projectId: string,
): Promise<Proposal> {
  const row = await reviews.proposal(manager, projectId);
  if (!row) throw Problem.notFound('The project');
  return proposalOf(row);
}

/** The proposal with its structural indicators, as libs/domain reads them from the row. */
export function proposalOf(row: ProposalRow): Proposal {
  return { row, indicators: structuralIndicators(factsOf(row)) };
}

const NARRATIVE: Record<PrincipleId, keyof ProposalRow> = {
  people_centred: 'narrative_people_centred',
  comprehensive: 'narrative_comprehensive',
  context_specific: 'narrative_context_specific',
  prevention_oriented: 'narrative_prevention_oriented',
  protection_empowerment: 'narrative_protection_empowerment',
};

/**
 * A project has one context narrative covering all its recipient countries, so each country's
 * context is described when that narrative is.
 */
function factsOf(row: ProposalRow): ProposalFacts {
  const contextDescribed = row.narrative_context_specific.trim().length > 0;
  return {
    targetBeneficiaries: row.target_beneficiaries,
    vulnerableGroups: row.vulnerable_groups,
    dimensions: row.dimensions,
    participatingUnOrganizations: row.un_organizations,
    recipientCountries: row.countries.map((c) => ({
      country: c.iso3,
      hasAlignment: c.aligned,
      hasContextNarrative: contextDescribed,
    })),
    preventionNarrative: row.narrative_prevention_oriented,
    protectionMeasure: row.protection_measures,
    empowermentMeasure: row.empowerment_measures,
  };
}

export function indicatorsDto(indicators: PrincipleIndicators[]): PrincipleIndicatorsDto[] {
  return indicators.map((group) => ({
    principle: group.principle,
    allMet: group.allMet,
    indicators: group.indicators.map((indicator) => ({
      principle: indicator.principle,
      code: indicator.code,
      met: indicator.met,
      facts: indicator.facts,
      description: describeIndicator(indicator),
    })),
  }));
}

/**
 * The proposal as its reviewer reads it. Closed (before a declaration, or withdrawn by a conflict):
 * only what is needed to declare. Open: everything the reviewer scores against.
 */
export function toProposalDto({ row, indicators }: Proposal, open: boolean): ReviewProposalDto {
  const countries = row.countries.map((c) => ({ iso3: c.iso3, name: c.name }));
  if (!open) {
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      countries,
      organizations: row.organizations.map(({ budgetShare: _share, ...organization }) => organization),
      open: false,
    };
  }
  const byPrinciple = new Map(indicatorsDto(indicators).map((group) => [group.principle, group]));
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    countries,
    organizations: row.organizations.map((o) => ({ ...o, budgetShare: moneyOut(o.budgetShare)! })),
    open: true,
    stage: row.stage,
    summary: row.summary,
    window: row.window,
    startDate: dateOnly(row.start_date),
    endDate: dateOnly(row.end_date),
    requestedBudget: moneyOut(row.requested_budget)!,
    coFunding: moneyOut(row.co_funding)!,
    dimensions: row.dimensions,
    targetBeneficiaries: row.target_beneficiaries,
    vulnerableGroups: row.vulnerable_groups,
    sdgs: row.sdgs,
    protectionMeasures: row.protection_measures,
    empowermentMeasures: row.empowerment_measures,
    principles: PRINCIPLES.map((p) => ({
      principle: p.id,
      title: p.title,
      looksFor: p.looksFor,
      guidingQuestions: [...p.guidingQuestions],
      narrative: row[NARRATIVE[p.id]] as string,
      indicators: byPrinciple.get(p.id)!,
    })),
    rubric: RUBRIC.map((level) => ({ ...level })),
  };
}
