import { describeIndicator, PRINCIPLES, RUBRIC, structuralIndicators } from '@hstf/domain';
import type { PrincipleId, PrincipleIndicators, ProposalFacts } from '@hstf/domain';
import type { EntityManager } from 'typeorm';
import { moneyOut } from '../common/money/money.decorators';
import { Problem } from '../common/problem-details/problem';
import { dateOnly } from '../common/validation/calendar-date';
import type { Dimension, Stage, VulnerableGroup } from '../projects';
import type { PrincipleIndicatorsDto, ReviewProposalDto } from './reviews.dto';
import { preparedQuery } from '../database/prepared-query';

interface ProposalRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  window: string;
  stage: Stage;
  start_date: Date | string | null;
  end_date: Date | string | null;
  requested_budget: string;
  co_funding: string;
  dimensions: Dimension[];
  target_beneficiaries: number | null;
  vulnerable_groups: VulnerableGroup[];
  sdgs: number[];
  narrative_people_centred: string;
  narrative_comprehensive: string;
  narrative_context_specific: string;
  narrative_prevention_oriented: string;
  narrative_protection_empowerment: string;
  protection_measures: string;
  empowerment_measures: string;
  un_organizations: number;
  countries: { iso3: string; name: string; aligned: boolean }[];
  organizations: {
    organizationId: string;
    name: string;
    acronym: string | null;
    kind: string;
    lead: boolean;
    budgetShare: string;
  }[];
}

/**
 * The proposal with what the structural indicators need, in one statement: its countries (with
 * whether each has an alignment record), its organizations and how many distinct UN entities take
 * part, the lead organization included.
 */
const PROPOSAL_SQL = `
  SELECT p.id, p.code, p.title, p.summary, p."window" AS window, p.stage, p.start_date, p.end_date,
         p.requested_budget::text AS requested_budget, p.co_funding::text AS co_funding, p.dimensions,
         p.target_beneficiaries, p.vulnerable_groups, p.sdgs, p.narrative_people_centred,
         p.narrative_comprehensive, p.narrative_context_specific, p.narrative_prevention_oriented,
         p.narrative_protection_empowerment, p.protection_measures, p.empowerment_measures,
         (SELECT count(DISTINCT o.id)::int FROM organizations o
           WHERE o.kind = 'un_entity'
             AND (o.id = p.lead_organization_id
                  OR o.id IN (SELECT po.organization_id FROM project_organizations po WHERE po.project_id = p.id))
         ) AS un_organizations,
         coalesce((SELECT json_agg(json_build_object(
             'iso3', c.iso3, 'name', c.name,
             'aligned', EXISTS (SELECT 1 FROM alignments a WHERE a.project_id = p.id AND a.country_iso3 = pc.country_iso3))
             ORDER BY c.iso3)
           FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3
           WHERE pc.project_id = p.id), '[]') AS countries,
         coalesce((SELECT json_agg(json_build_object(
             'organizationId', o.id, 'name', o.name, 'acronym', o.acronym, 'kind', o.kind,
             'lead', o.id = p.lead_organization_id, 'budgetShare', po.budget_share::text)
             ORDER BY o.id = p.lead_organization_id DESC, o.name)
           FROM project_organizations po JOIN organizations o ON o.id = po.organization_id
           WHERE po.project_id = p.id), '[]') AS organizations
  FROM projects p
  WHERE p.id = $1 AND p.deleted_at IS NULL`;

export interface Proposal {
  row: ProposalRow;
  indicators: PrincipleIndicators[];
}

export async function readProposal(manager: EntityManager, projectId: string): Promise<Proposal> {
  const [row] = await preparedQuery<ProposalRow>(manager, PROPOSAL_SQL, [projectId]);
  if (!row) throw Problem.notFound('The project');
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
