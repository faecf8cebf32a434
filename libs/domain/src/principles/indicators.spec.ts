import type { Indicator, IndicatorCode, ProposalFacts } from './indicators';
import { describeIndicator, structuralIndicators } from './indicators';

const complete: ProposalFacts = {
  targetBeneficiaries: 12000,
  vulnerableGroups: ['women_and_girls', 'internally_displaced_persons'],
  dimensions: ['food', 'health'],
  participatingUnOrganizations: 2,
  recipientCountries: [
    { country: 'KEN', hasAlignment: true, hasContextNarrative: true },
    { country: 'UGA', hasAlignment: true, hasContextNarrative: true },
  ],
  preventionNarrative: 'Early-warning committees in every district.',
  protectionMeasure: 'Referral pathways with the district social protection office.',
  empowermentMeasure: 'Community savings groups run by the women themselves.',
};

function indicator(facts: ProposalFacts, code: IndicatorCode): Indicator {
  const found = structuralIndicators(facts)
    .flatMap((p) => p.indicators)
    .find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

describe('structural indicators', () => {
  it('are all met by a complete proposal, grouped under the five principles', () => {
    const result = structuralIndicators(complete);
    expect(result.map((p) => p.principle)).toEqual([
      'people_centred',
      'comprehensive',
      'context_specific',
      'prevention_oriented',
      'protection_empowerment',
    ]);
    expect(result.every((p) => p.allMet)).toBe(true);
    expect(result.flatMap((p) => p.indicators)).toHaveLength(9);
  });

  it('people-centred: requires a positive count of beneficiaries and at least one vulnerable group', () => {
    expect(indicator({ ...complete, targetBeneficiaries: null }, 'beneficiaries_counted').met).toBe(false);
    expect(indicator({ ...complete, targetBeneficiaries: 0 }, 'beneficiaries_counted').met).toBe(false);
    expect(indicator({ ...complete, targetBeneficiaries: 1 }, 'beneficiaries_counted').met).toBe(true);
    expect(indicator({ ...complete, vulnerableGroups: [] }, 'vulnerable_group_named').met).toBe(false);
    expect(indicator({ ...complete, vulnerableGroups: ['youth'] }, 'vulnerable_group_named').met).toBe(true);
  });

  it('comprehensive: two distinct dimensions are enough, one (even repeated) is not', () => {
    expect(indicator({ ...complete, dimensions: ['food', 'health'] }, 'several_dimensions').met).toBe(true);
    const repeated = indicator({ ...complete, dimensions: ['food', 'food'] }, 'several_dimensions');
    expect(repeated.met).toBe(false);
    expect(repeated.facts).toEqual({ dimensions: ['food'], count: 1, required: 2 });
  });

  it('comprehensive: two participating UN organizations are enough, one is not', () => {
    expect(indicator({ ...complete, participatingUnOrganizations: 2 }, 'several_un_organizations').met).toBe(
      true,
    );
    expect(indicator({ ...complete, participatingUnOrganizations: 1 }, 'several_un_organizations').met).toBe(
      false,
    );
  });

  it('context-specific: names the recipient countries without an alignment or a context narrative', () => {
    const facts: ProposalFacts = {
      ...complete,
      recipientCountries: [
        { country: 'KEN', hasAlignment: true, hasContextNarrative: false },
        { country: 'UGA', hasAlignment: false, hasContextNarrative: true },
      ],
    };
    const aligned = indicator(facts, 'every_country_aligned');
    expect(aligned).toMatchObject({ met: false, facts: { withoutAlignment: ['UGA'] } });
    expect(describeIndicator(aligned)).toBe('No alignment record for UGA.');
    expect(indicator(facts, 'every_country_has_context_narrative')).toMatchObject({
      met: false,
      facts: { withoutContextNarrative: ['KEN'] },
    });
  });

  it('context-specific: is not met when there is no recipient country at all', () => {
    const facts = { ...complete, recipientCountries: [] };
    expect(indicator(facts, 'every_country_aligned').met).toBe(false);
    expect(indicator(facts, 'every_country_has_context_narrative').met).toBe(false);
  });

  it('prevention and protection-empowerment: a blank narrative does not count as written', () => {
    expect(indicator({ ...complete, preventionNarrative: '   ' }, 'prevention_narrative_present').met).toBe(
      false,
    );
    const onlyProtection = structuralIndicators({ ...complete, empowermentMeasure: null })[4];
    expect(onlyProtection?.allMet).toBe(false);
    expect(onlyProtection?.indicators.map((i) => [i.code, i.met])).toEqual([
      ['protection_measure_described', true],
      ['empowerment_measure_described', false],
    ]);
  });

  it('describes every indicator in a sentence, met or not', () => {
    const empty: ProposalFacts = {
      targetBeneficiaries: null,
      vulnerableGroups: [],
      dimensions: ['food'],
      participatingUnOrganizations: 1,
      recipientCountries: [],
      preventionNarrative: null,
      protectionMeasure: null,
      empowermentMeasure: null,
    };
    for (const facts of [complete, empty]) {
      for (const i of structuralIndicators(facts).flatMap((p) => p.indicators)) {
        expect(describeIndicator(i)).toMatch(/^[A-Z0-9].+\.$/);
      }
    }
    expect(describeIndicator(indicator(empty, 'several_dimensions'))).toBe(
      '1 human-security dimension is addressed (food security); at least 2 are expected.',
    );
  });
});
