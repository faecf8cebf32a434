import type { ReviewInput } from '../assessment/assessment';
import { assessProposal } from '../assessment/assessment';
import type { Paragraph6Input } from '../compliance/paragraph-6';
import { evaluateParagraph6 } from '../compliance/paragraph-6';
import type { ApprovalFacts, ProposalContent, TransitionFailure } from './transitions';
import { checkTransition, describeTransitionFailure, resumptionTargets } from './transitions';

const DECISION = '2015-06-15';

const proposal: ProposalContent = {
  title: 'Resilient pastoral communities in Turkana',
  summary: 'Drought early warning and livelihoods for pastoralist households.',
  window: 'I',
  requestedBudget: '1500000.00',
  startDate: '2015-07-01',
  endDate: '2017-06-30',
  dimensions: ['food', 'economic'],
  targetBeneficiaries: 12000,
  vulnerableGroups: ['women_and_girls'],
  narratives: {
    people_centred: 'Households choose their own livelihood activities.',
    comprehensive: 'FAO, UNDP and WFP together.',
    context_specific: 'Built on the county integrated development plan.',
    prevention_oriented: 'Early-warning committees.',
    protection_empowerment: 'Social protection with savings groups.',
  },
  recipientCountries: ['KEN'],
  leadOrganizationId: 'org-fao',
};

const paragraph6: Paragraph6Input = {
  recipientCountries: ['KEN'],
  consents: [
    {
      id: 'consent-ken',
      country: 'KEN',
      status: 'granted',
      requestedOn: '2015-01-10',
      grantedOn: '2015-03-01',
      validUntil: null,
      withdrawnOn: null,
      hasIssuingOffice: true,
      hasSignatory: true,
      hasDocumentReference: true,
    },
  ],
  alignments: [
    {
      id: 'alignment-ken',
      country: 'KEN',
      strategyId: 'vision-2030',
      strategyTitle: 'Kenya Vision 2030',
      periodFrom: '2013-01-01',
      periodTo: '2017-12-31',
      justification: 'Arid and semi-arid lands priority.',
    },
  ],
  projectStart: '2015-07-01',
};

function review(reviewerId: string, scores: number[]): ReviewInput {
  const [a = 0, b = 0, c = 0, d = 0, e = 0] = scores;
  return {
    reviewerId,
    conflictDeclared: false,
    status: 'submitted',
    scores: {
      people_centred: a,
      comprehensive: b,
      context_specific: c,
      prevention_oriented: d,
      protection_empowerment: e,
    },
    recommendation: 'approve',
  };
}

const passingReviews = [review('r1', [3, 3, 3, 3, 3]), review('r2', [3, 3, 3, 3, 3])];

function approval(overrides: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    compliance: evaluateParagraph6(paragraph6, DECISION),
    assessment: assessProposal(passingReviews),
    approvedBudget: '1500000.00',
    availableBalance: '2000000.00',
    ...overrides,
  };
}

const approve = (overrides: Partial<ApprovalFacts> = {}) =>
  checkTransition('under_review', 'approved', { approval: approval(overrides) });
const codes = (failures: TransitionFailure[]) => failures.map((f) => f.code);

describe('gate to under_review', () => {
  it('lets a complete proposal go to review', () => {
    expect(checkTransition('full_proposal', 'under_review', { proposal })).toEqual({
      from: 'full_proposal',
      to: 'under_review',
      allowed: true,
      failures: [],
    });
  });

  it('lists every missing required field, blank text counting as missing', () => {
    const check = checkTransition('full_proposal', 'under_review', {
      proposal: {
        ...proposal,
        summary: '  ',
        endDate: null,
        dimensions: [],
        narratives: { ...proposal.narratives, prevention_oriented: null },
      },
    });
    expect(check.allowed).toBe(false);
    expect(check.failures).toEqual([
      {
        code: 'required_fields_missing',
        facts: { fields: ['summary', 'endDate', 'dimensions', 'narratives.prevention_oriented'] },
      },
    ]);
    expect(describeTransitionFailure(check.failures[0]!)).toBe(
      'Required fields are missing: summary, end date, human-security dimensions, Prevention-oriented narrative.',
    );
  });

  it('requires at least one recipient country and a lead organization', () => {
    const check = checkTransition('full_proposal', 'under_review', {
      proposal: { ...proposal, recipientCountries: [], leadOrganizationId: null },
    });
    expect(codes(check.failures)).toEqual(['recipient_country_missing', 'lead_organization_missing']);
  });

  it('refuses when the proposal facts are not provided rather than letting it through', () => {
    expect(checkTransition('full_proposal', 'under_review').failures).toEqual([
      { code: 'gate_facts_missing', facts: { to: 'under_review', section: 'proposal' } },
    ]);
  });
});

describe('gate to approved', () => {
  it('approves when paragraph 6 holds, the assessment passes and the budget fits', () => {
    expect(approve()).toMatchObject({ allowed: true, failures: [] });
  });

  it('allows an approved budget exactly equal to the available balance', () => {
    expect(approve({ approvedBudget: '2000000.00', availableBalance: '2000000.00' }).allowed).toBe(true);
  });

  it('refuses an approved budget one cent over the available balance', () => {
    const check = approve({ approvedBudget: '2000000.01', availableBalance: '2000000.00' });
    expect(check.failures).toEqual([
      {
        code: 'approved_budget_exceeds_available_balance',
        facts: { approvedBudget: '2000000.01', availableBalance: '2000000.00', shortfall: '0.01' },
      },
    ]);
    expect(describeTransitionFailure(check.failures[0]!)).toBe(
      "The approved budget of USD 2,000,000.01 exceeds the Fund's available balance of USD 2,000,000.00 by USD 0.01.",
    );
  });

  it('refuses a missing or zero approved budget', () => {
    expect(codes(approve({ approvedBudget: null }).failures)).toEqual(['approved_budget_missing']);
    expect(codes(approve({ approvedBudget: '0.00' }).failures)).toEqual(['approved_budget_not_positive']);
  });

  it('refuses when paragraph 6 is not compliant on the decision date', () => {
    // Granted the day after the decision: on the decision date the consent was only requested.
    const lateConsent = {
      ...paragraph6,
      consents: paragraph6.consents.map((c) => ({ ...c, grantedOn: '2015-06-16' })),
    };
    const check = approve({ compliance: evaluateParagraph6(lateConsent, DECISION) });
    expect(codes(check.failures)).toEqual(['paragraph_6_not_compliant']);
    expect(check.failures[0]).toMatchObject({
      facts: {
        on: DECISION,
        status: 'pending',
        countries: [{ country: 'KEN', status: 'pending' }],
      },
    });
    expect(describeTransitionFailure(check.failures[0]!)).toBe(
      'Resolution 66/290 paragraph 6 is pending on 2015-06-15. The consent of KEN was requested on 2015-01-10 and has not been granted yet.',
    );
  });

  it('refuses while paragraph 6 is only pending', () => {
    const pending = {
      ...paragraph6,
      consents: paragraph6.consents.map((c) => ({ ...c, status: 'requested' as const, grantedOn: null })),
    };
    const check = approve({ compliance: evaluateParagraph6(pending, DECISION) });
    expect(check.failures[0]).toMatchObject({
      code: 'paragraph_6_not_compliant',
      facts: { status: 'pending' },
    });
  });

  it('refuses with a single review', () => {
    const check = approve({ assessment: assessProposal([review('r1', [4, 4, 4, 4, 4])]) });
    expect(check.failures).toEqual([
      {
        code: 'assessment_not_passing',
        facts: { failures: [{ code: 'too_few_reviews', facts: { counted: 1, required: 2 } }] },
      },
    ]);
  });

  it('refuses a failing mean', () => {
    const check = approve({
      assessment: assessProposal([review('r1', [2, 2, 2, 3, 3]), review('r2', [2, 2, 2, 3, 3])]),
    });
    expect(codes(check.failures)).toEqual(['assessment_not_passing']);
  });

  it('refuses an unmoderated disagreement and accepts it once moderated', () => {
    const disagreeing = [review('r1', [1, 3, 3, 3, 3]), review('r2', [3, 3, 3, 3, 3])];
    expect(approve({ assessment: assessProposal(disagreeing) }).failures).toEqual([
      { code: 'disagreement_not_moderated', facts: { principles: ['people_centred'] } },
    ]);
    const moderated = assessProposal(disagreeing, {
      moderationNotes: { people_centred: 'Discussed; 2 agreed.' },
    });
    expect(approve({ assessment: moderated }).allowed).toBe(true);
  });

  it('reports every failing gate at once', () => {
    const check = approve({
      compliance: evaluateParagraph6({ ...paragraph6, consents: [] }, DECISION),
      assessment: assessProposal([
        review('r1', [1, 3, 3, 3, 3]),
        review('r2', [3, 3, 3, 3, 3]),
        review('r3', [0, 0, 0, 0, 0]),
      ]),
      approvedBudget: '3000000.00',
    });
    expect(codes(check.failures)).toEqual([
      'paragraph_6_not_compliant',
      'assessment_not_passing',
      'disagreement_not_moderated',
      'approved_budget_exceeds_available_balance',
    ]);
  });

  it('refuses when the approval facts are not provided', () => {
    expect(codes(checkTransition('under_review', 'approved', { proposal }).failures)).toEqual([
      'gate_facts_missing',
    ]);
  });
});

describe('gate to active', () => {
  it('requires a first transfer', () => {
    expect(checkTransition('approved', 'active', { activation: { transfersRecorded: 0 } }).failures).toEqual([
      { code: 'first_transfer_missing', facts: {} },
    ]);
    expect(checkTransition('approved', 'active', { activation: { transfersRecorded: 1 } }).allowed).toBe(
      true,
    );
  });
});

describe('suspension', () => {
  it('is open from approved and active with a reason, and refused without one', () => {
    for (const from of ['approved', 'active'] as const) {
      expect(
        checkTransition(from, 'suspended', { suspension: { reason: 'Consent withdrawn' } }).allowed,
      ).toBe(true);
      const check = checkTransition(from, 'suspended', { suspension: { reason: '  ' } });
      expect(check.failures).toEqual([{ code: 'suspension_reason_missing', facts: {} }]);
      expect(describeTransitionFailure(check.failures[0]!)).toBe('A suspension needs a reason.');
    }
    expect(codes(checkTransition('active', 'suspended').failures)).toEqual(['gate_facts_missing']);
  });

  it('is closed from every other stage', () => {
    for (const from of ['under_review', 'completed', 'closed'] as const) {
      const check = checkTransition(from, 'suspended', { suspension: { reason: 'Consent withdrawn' } });
      expect(codes(check.failures)).toEqual(['transition_not_allowed']);
    }
  });
});

describe('resumption', () => {
  const withdrawn: Paragraph6Input = {
    ...paragraph6,
    consents: [{ ...paragraph6.consents[0]!, status: 'withdrawn', withdrawnOn: '2015-05-01' }],
  };
  const resume = (
    to: 'approved' | 'active',
    suspendedFrom: 'approved' | 'active' | null,
    input = paragraph6,
  ) =>
    checkTransition('suspended', to, {
      resumption: { suspendedFrom, compliance: evaluateParagraph6(input, DECISION) },
    });

  it('returns to the stage the project was suspended from once paragraph 6 holds', () => {
    expect(resume('active', 'active').allowed).toBe(true);
    expect(resume('approved', 'approved').allowed).toBe(true);
  });

  it('is refused while paragraph 6 does not hold, saying what fails', () => {
    const check = resume('active', 'active', withdrawn);
    expect(codes(check.failures)).toEqual(['paragraph_6_not_compliant']);
    expect(describeTransitionFailure(check.failures[0]!)).toContain('non-compliant on 2015-06-15');
  });

  it('never resumes to another stage than the one it was suspended from', () => {
    const check = resume('active', 'approved');
    expect(check.failures).toEqual([
      { code: 'resumption_to_other_stage', facts: { suspendedFrom: 'approved', to: 'active' } },
    ]);
    expect(describeTransitionFailure(check.failures[0]!)).toBe(
      'A suspended project resumes to the stage it was suspended from (approved), not to active.',
    );
    expect(codes(resume('approved', null).failures)).toEqual(['resumption_to_other_stage']);
  });

  it('takes neither the approval nor the activation gate again, and needs its own facts', () => {
    expect(checkTransition('suspended', 'active', { activation: { transfersRecorded: 1 } }).failures).toEqual(
      [{ code: 'gate_facts_missing', facts: { to: 'active', section: 'resumption' } }],
    );
  });

  it('offers only the stage of the suspension', () => {
    expect(resumptionTargets('active')).toEqual(['active']);
    expect(resumptionTargets('approved')).toEqual(['approved']);
    expect(resumptionTargets('completed')).toEqual([]);
    expect(resumptionTargets(null)).toEqual([]);
  });
});

describe('ungated transitions', () => {
  it('need no facts', () => {
    expect(checkTransition('concept_note', 'full_proposal').allowed).toBe(true);
    expect(checkTransition('under_review', 'revision_requested').allowed).toBe(true);
    expect(checkTransition('active', 'completed').allowed).toBe(true);
  });

  it('explain a refused move with the stages it could take instead', () => {
    const check = checkTransition('approved', 'withdrawn');
    expect(describeTransitionFailure(check.failures[0]!)).toBe(
      'A project cannot move from approved to withdrawn; it can move to: active, suspended.',
    );
    expect(describeTransitionFailure(checkTransition('closed', 'active').failures[0]!)).toBe(
      'A project cannot move from closed to active; this stage is final.',
    );
  });
});
