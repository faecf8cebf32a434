import type { HumanSecurityDimension, PrincipleId, VulnerableGroup } from './principles';
import { HUMAN_SECURITY_DIMENSION_LABELS, PRINCIPLE_IDS, VULNERABLE_GROUP_LABELS } from './principles';

/**
 * What the system can see in a proposal without judging it. The API fills this from the project; the
 * web fills it from the form being edited, so both show the same indicators.
 */
export interface ProposalFacts {
  targetBeneficiaries: number | null;
  vulnerableGroups: readonly VulnerableGroup[];
  dimensions: readonly HumanSecurityDimension[];
  /** Distinct UN entities taking part, the lead organization included. */
  participatingUnOrganizations: number;
  recipientCountries: readonly { country: string; hasAlignment: boolean; hasContextNarrative: boolean }[];
  preventionNarrative: string | null;
  protectionMeasure: string | null;
  empowermentMeasure: string | null;
}

export const MIN_DIMENSIONS_FOR_COMPREHENSIVE = 2;
export const MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE = 2;

type IndicatorOf<P extends PrincipleId, C extends string, F> = {
  principle: P;
  code: C;
  met: boolean;
  facts: F;
};

export type Indicator =
  | IndicatorOf<'people_centred', 'beneficiaries_counted', { targetBeneficiaries: number | null }>
  | IndicatorOf<'people_centred', 'vulnerable_group_named', { vulnerableGroups: VulnerableGroup[] }>
  | IndicatorOf<
      'comprehensive',
      'several_dimensions',
      { dimensions: HumanSecurityDimension[]; count: number; required: number }
    >
  | IndicatorOf<'comprehensive', 'several_un_organizations', { count: number; required: number }>
  | IndicatorOf<
      'context_specific',
      'every_country_aligned',
      { countries: string[]; withoutAlignment: string[] }
    >
  | IndicatorOf<
      'context_specific',
      'every_country_has_context_narrative',
      { countries: string[]; withoutContextNarrative: string[] }
    >
  | IndicatorOf<'prevention_oriented', 'prevention_narrative_present', Record<string, never>>
  | IndicatorOf<'protection_empowerment', 'protection_measure_described', Record<string, never>>
  | IndicatorOf<'protection_empowerment', 'empowerment_measure_described', Record<string, never>>;

export type IndicatorCode = Indicator['code'];

export interface PrincipleIndicators {
  principle: PrincipleId;
  /** Evidence for the reviewer, not a verdict: a principle can score well with an indicator unmet. */
  allMet: boolean;
  indicators: Indicator[];
}

function present(text: string | null | undefined): boolean {
  return typeof text === 'string' && text.trim().length > 0;
}

export function structuralIndicators(facts: ProposalFacts): PrincipleIndicators[] {
  const dimensions = [...new Set(facts.dimensions)];
  const vulnerableGroups = [...new Set(facts.vulnerableGroups)];
  const countries = facts.recipientCountries.map((c) => c.country);
  const withoutAlignment = facts.recipientCountries.filter((c) => !c.hasAlignment).map((c) => c.country);
  const withoutContextNarrative = facts.recipientCountries
    .filter((c) => !c.hasContextNarrative)
    .map((c) => c.country);
  const beneficiaries = facts.targetBeneficiaries;

  // "Every country" over no country at all would be vacuously true; a proposal without a recipient
  // country has no context to be specific to.
  const indicators: Indicator[] = [
    {
      principle: 'people_centred',
      code: 'beneficiaries_counted',
      met: beneficiaries !== null && Number.isInteger(beneficiaries) && beneficiaries > 0,
      facts: { targetBeneficiaries: beneficiaries },
    },
    {
      principle: 'people_centred',
      code: 'vulnerable_group_named',
      met: vulnerableGroups.length > 0,
      facts: { vulnerableGroups },
    },
    {
      principle: 'comprehensive',
      code: 'several_dimensions',
      met: dimensions.length >= MIN_DIMENSIONS_FOR_COMPREHENSIVE,
      facts: { dimensions, count: dimensions.length, required: MIN_DIMENSIONS_FOR_COMPREHENSIVE },
    },
    {
      principle: 'comprehensive',
      code: 'several_un_organizations',
      met: facts.participatingUnOrganizations >= MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE,
      facts: { count: facts.participatingUnOrganizations, required: MIN_UN_ORGANIZATIONS_FOR_COMPREHENSIVE },
    },
    {
      principle: 'context_specific',
      code: 'every_country_aligned',
      met: countries.length > 0 && withoutAlignment.length === 0,
      facts: { countries, withoutAlignment },
    },
    {
      principle: 'context_specific',
      code: 'every_country_has_context_narrative',
      met: countries.length > 0 && withoutContextNarrative.length === 0,
      facts: { countries, withoutContextNarrative },
    },
    {
      principle: 'prevention_oriented',
      code: 'prevention_narrative_present',
      met: present(facts.preventionNarrative),
      facts: {},
    },
    {
      principle: 'protection_empowerment',
      code: 'protection_measure_described',
      met: present(facts.protectionMeasure),
      facts: {},
    },
    {
      principle: 'protection_empowerment',
      code: 'empowerment_measure_described',
      met: present(facts.empowermentMeasure),
      facts: {},
    },
  ];

  return PRINCIPLE_IDS.map((principle) => {
    const own = indicators.filter((i) => i.principle === principle);
    return { principle, allMet: own.every((i) => i.met), indicators: own };
  });
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function describeIndicator(indicator: Indicator): string {
  switch (indicator.code) {
    case 'beneficiaries_counted':
      return indicator.met
        ? `Target beneficiaries are counted: ${indicator.facts.targetBeneficiaries ?? 0}.`
        : 'The target beneficiaries are not counted.';
    case 'vulnerable_group_named':
      return indicator.met
        ? `Vulnerable groups named: ${list(indicator.facts.vulnerableGroups.map((g) => VULNERABLE_GROUP_LABELS[g].toLowerCase()))}.`
        : 'No vulnerable group is named.';
    case 'several_dimensions': {
      const named = list(
        indicator.facts.dimensions.map((d) => HUMAN_SECURITY_DIMENSION_LABELS[d].toLowerCase()),
      );
      return indicator.met
        ? `${indicator.facts.count} human-security dimensions are addressed: ${named}.`
        : `${indicator.facts.count} human-security dimension${indicator.facts.count === 1 ? ' is' : 's are'} addressed${named ? ` (${named})` : ''}; at least ${indicator.facts.required} are expected.`;
    }
    case 'several_un_organizations':
      return indicator.met
        ? `${indicator.facts.count} UN organizations take part.`
        : `${indicator.facts.count} UN organization${indicator.facts.count === 1 ? ' takes' : 's take'} part; at least ${indicator.facts.required} are expected.`;
    case 'every_country_aligned':
      if (indicator.facts.countries.length === 0)
        return 'No recipient country is named, so no alignment can exist.';
      return indicator.met
        ? 'Every recipient country has an alignment record.'
        : `No alignment record for ${list(indicator.facts.withoutAlignment)}.`;
    case 'every_country_has_context_narrative':
      if (indicator.facts.countries.length === 0)
        return 'No recipient country is named, so no context is described.';
      return indicator.met
        ? 'The context of every recipient country is described.'
        : `The context of ${list(indicator.facts.withoutContextNarrative)} is not described.`;
    case 'prevention_narrative_present':
      return indicator.met ? 'A prevention narrative is present.' : 'No prevention narrative is written.';
    case 'protection_measure_described':
      return indicator.met ? 'A protection measure is described.' : 'No protection measure is described.';
    case 'empowerment_measure_described':
      return indicator.met ? 'An empowerment measure is described.' : 'No empowerment measure is described.';
  }
}
