import type { AlignmentInput, ConsentRecordInput, ConsentVersion, Paragraph6Input } from './paragraph-6';
import {
  consentOn,
  consentStatusOn,
  describeComplianceReason,
  evaluateConsentRecord,
  evaluateParagraph6,
  paragraph6Date,
  paragraph6Losses,
} from './paragraph-6';

const DECISION = '2015-06-15';

function consent(overrides: Partial<ConsentRecordInput> = {}): ConsentRecordInput {
  return {
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
    ...overrides,
  };
}

function alignment(overrides: Partial<AlignmentInput> = {}): AlignmentInput {
  return {
    id: 'alignment-ken',
    country: 'KEN',
    strategyId: 'strategy-ken',
    strategyTitle: 'Kenya Vision 2030, Second Medium Term Plan',
    periodFrom: '2013-01-01',
    periodTo: '2017-12-31',
    justification: 'Priority area: drought resilience in arid and semi-arid lands.',
    ...overrides,
  };
}

function project(overrides: Partial<Paragraph6Input> = {}): Paragraph6Input {
  return {
    recipientCountries: ['KEN'],
    consents: [consent()],
    alignments: [alignment()],
    projectStart: '2015-07-01',
    ...overrides,
  };
}

function statusWith(consentOverrides: Partial<ConsentRecordInput>): string {
  return evaluateParagraph6(project({ consents: [consent(consentOverrides)] }), DECISION).status;
}

describe('paragraph 6: consent on the decision date', () => {
  it('holds with a granted, documented consent and a covering alignment', () => {
    const result = evaluateParagraph6(project(), DECISION);
    expect(result.status).toBe('compliant');
    expect(result.countries[0]).toMatchObject({
      country: 'KEN',
      status: 'compliant',
      consent: { holds: true, recordId: 'consent-ken' },
      alignment: { holds: true, alignmentId: 'alignment-ken', strategyId: 'strategy-ken' },
      reasons: [],
    });
  });

  it('counts a consent granted on the decision date itself', () => {
    expect(statusWith({ grantedOn: DECISION })).toBe('compliant');
  });

  it('reads a consent granted the day after the decision date as only requested on it', () => {
    const result = evaluateParagraph6(
      project({ consents: [consent({ grantedOn: '2015-06-16' })] }),
      DECISION,
    );
    expect(result.status).toBe('pending');
    expect(result.countries[0]?.reasons).toEqual([
      {
        code: 'consent_requested',
        facts: { country: 'KEN', recordId: 'consent-ken', requestedOn: '2015-01-10' },
      },
    ]);
  });

  it('does not count a grant without a date', () => {
    expect(evaluateConsentRecord(consent({ grantedOn: null }), DECISION)?.problems).toEqual([
      { code: 'consent_grant_date_missing', facts: {} },
    ]);
  });

  it('counts a consent valid until the decision date itself', () => {
    expect(statusWith({ validUntil: DECISION })).toBe('compliant');
  });

  it('does not count a consent valid until the day before the decision date', () => {
    const evaluation = evaluateConsentRecord(consent({ validUntil: '2015-06-14' }), DECISION);
    expect(evaluation?.problems).toEqual([
      { code: 'consent_expired_on_date', facts: { validUntil: '2015-06-14', on: DECISION } },
    ]);
    expect(statusWith({ validUntil: '2015-06-14' })).toBe('non_compliant');
  });

  it('does not count a consent whose status is expired', () => {
    expect(statusWith({ status: 'expired' })).toBe('non_compliant');
  });

  it('does not count a withdrawn consent, nor a granted one carrying a withdrawal date', () => {
    expect(statusWith({ status: 'withdrawn', withdrawnOn: '2015-05-01' })).toBe('non_compliant');
    expect(statusWith({ status: 'granted', withdrawnOn: '2015-05-01' })).toBe('non_compliant');
  });

  it('requires the issuing office, the signatory and a document reference', () => {
    expect(statusWith({ hasIssuingOffice: false })).toBe('non_compliant');
    expect(statusWith({ hasSignatory: false })).toBe('non_compliant');
    expect(statusWith({ hasDocumentReference: false })).toBe('non_compliant');
    expect(statusWith({ grantedOn: null })).toBe('non_compliant');
    expect(
      evaluateConsentRecord(
        consent({ hasIssuingOffice: false, hasSignatory: false, hasDocumentReference: false }),
        DECISION,
      )?.problems,
    ).toEqual([
      { code: 'consent_issuing_authority_missing', facts: { missing: ['office', 'signatory'] } },
      { code: 'consent_document_reference_missing', facts: {} },
    ]);
  });

  it('lets a later valid consent supersede an expired one', () => {
    const result = evaluateParagraph6(
      project({
        consents: [
          consent({ id: 'old', grantedOn: '2012-01-01', validUntil: '2014-12-31' }),
          consent({ id: 'new', grantedOn: '2015-02-01' }),
        ],
      }),
      DECISION,
    );
    expect(result.status).toBe('compliant');
    expect(result.countries[0]?.consent.recordId).toBe('new');
  });

  it('ignores records of countries that are not recipients', () => {
    const result = evaluateParagraph6(project({ consents: [consent({ country: 'UGA' })] }), DECISION);
    expect(result.countries[0]?.reasons).toEqual([{ code: 'consent_missing', facts: { country: 'KEN' } }]);
  });
});

describe('paragraph 6: alignment with national strategies', () => {
  function alignmentStatus(overrides: Partial<AlignmentInput>, projectStart = '2015-07-01'): string {
    return evaluateParagraph6(project({ alignments: [alignment(overrides)], projectStart }), DECISION).status;
  }

  it('holds when the strategy period ends on the project start', () => {
    expect(alignmentStatus({ periodTo: '2015-07-01' })).toBe('compliant');
  });

  it('does not hold when the strategy period ends the day before the project start', () => {
    const result = evaluateParagraph6(
      project({ alignments: [alignment({ periodTo: '2015-06-30' })] }),
      DECISION,
    );
    expect(result.status).toBe('non_compliant');
    expect(result.countries[0]?.alignment.records[0]).toMatchObject({ coversStart: false, counts: false });
    expect(result.countries[0]?.reasons[0]).toEqual({
      code: 'alignment_not_valid',
      facts: {
        country: 'KEN',
        alignmentId: 'alignment-ken',
        strategyTitle: 'Kenya Vision 2030, Second Medium Term Plan',
        problems: [
          {
            code: 'alignment_period_excludes_start',
            facts: { periodFrom: '2013-01-01', periodTo: '2015-06-30', projectStart: '2015-07-01' },
          },
        ],
      },
    });
  });

  it('holds when the period starts on the project start and not when it starts the day after', () => {
    expect(alignmentStatus({ periodFrom: '2015-07-01' })).toBe('compliant');
    expect(alignmentStatus({ periodFrom: '2015-07-02' })).toBe('non_compliant');
  });

  it('holds for an open-ended strategy that began before the start', () => {
    expect(alignmentStatus({ periodTo: null })).toBe('compliant');
  });

  it('requires a justification', () => {
    expect(alignmentStatus({ justification: ' ' })).toBe('non_compliant');
  });

  it('cannot hold without a project start date', () => {
    const result = evaluateParagraph6(project({ projectStart: null }), DECISION);
    expect(result.status).toBe('non_compliant');
    expect(result.reasons).toEqual([{ code: 'project_start_missing', facts: {} }]);
  });

  it('does not count an alignment of another country', () => {
    const result = evaluateParagraph6(project({ alignments: [alignment({ country: 'UGA' })] }), DECISION);
    expect(result.countries[0]?.reasons).toEqual([{ code: 'alignment_missing', facts: { country: 'KEN' } }]);
  });
});

describe('paragraph 6: pending and the overall status', () => {
  const twoCountries = (ugandaConsents: ConsentRecordInput[]): Paragraph6Input =>
    project({
      recipientCountries: ['KEN', 'UGA'],
      consents: [consent(), ...ugandaConsents],
      alignments: [
        alignment(),
        alignment({ id: 'alignment-uga', country: 'UGA', strategyId: 'strategy-uga' }),
      ],
    });
  const requested = consent({ id: 'consent-uga', country: 'UGA', status: 'requested', grantedOn: null });

  it('is pending while a consent is requested and nothing is refused or withdrawn', () => {
    const result = evaluateParagraph6(twoCountries([requested]), DECISION);
    expect(result.countries.map((c) => c.status)).toEqual(['compliant', 'pending']);
    expect(result.status).toBe('pending');
    expect(result.countries[1]?.reasons).toEqual([
      {
        code: 'consent_requested',
        facts: { country: 'UGA', recordId: 'consent-uga', requestedOn: '2015-01-10' },
      },
    ]);
  });

  it('is non-compliant when a consent is requested but an earlier one was refused', () => {
    const refused = consent({ id: 'refused-uga', country: 'UGA', status: 'refused', grantedOn: null });
    expect(evaluateParagraph6(twoCountries([refused, requested]), DECISION).status).toBe('non_compliant');
  });

  it('is non-compliant when a consent is requested but an earlier one was withdrawn', () => {
    const withdrawn = consent({
      id: 'w-uga',
      country: 'UGA',
      status: 'withdrawn',
      withdrawnOn: '2015-01-01',
    });
    expect(evaluateParagraph6(twoCountries([withdrawn, requested]), DECISION).status).toBe('non_compliant');
  });

  it('is non-compliant when one of two countries has no consent at all, even if the other is compliant', () => {
    const result = evaluateParagraph6(twoCountries([]), DECISION);
    expect(result.countries.map((c) => c.status)).toEqual(['compliant', 'non_compliant']);
    expect(result.status).toBe('non_compliant');
  });

  it('is non-compliant over pending when both occur', () => {
    const input = project({
      recipientCountries: ['KEN', 'UGA', 'TZA'],
      consents: [consent(), requested],
      alignments: [alignment()],
    });
    expect(evaluateParagraph6(input, DECISION).countries.map((c) => c.status)).toEqual([
      'compliant',
      'pending',
      'non_compliant',
    ]);
    expect(evaluateParagraph6(input, DECISION).status).toBe('non_compliant');
  });

  it('is non-compliant with no recipient country at all', () => {
    const result = evaluateParagraph6(project({ recipientCountries: [] }), DECISION);
    expect(result.status).toBe('non_compliant');
    expect(result.reasons).toEqual([{ code: 'no_recipient_country', facts: {} }]);
  });

  it('refuses a malformed date', () => {
    expect(() => evaluateParagraph6(project(), '15/06/2015')).toThrow(RangeError);
  });
});

describe('paragraph 6: in words', () => {
  it('explains each reason in a sentence', () => {
    const result = evaluateParagraph6(
      project({
        recipientCountries: ['KEN', 'UGA'],
        consents: [consent({ validUntil: '2015-06-14', hasDocumentReference: false })],
      }),
      DECISION,
    );
    expect(result.countries.flatMap((c) => c.reasons).map(describeComplianceReason)).toEqual([
      'The consent of KEN does not count: it was valid until 2015-06-14, before 2015-06-15; no document reference is recorded.',
      'No consent of UGA is recorded.',
      'No alignment to a national strategy of UGA is recorded.',
    ]);
  });
});

describe('paragraph 6: a past date judged on the records as they stood then', () => {
  const granted: ConsentVersion = {
    status: 'granted',
    requestedOn: '2014-11-02',
    grantedOn: '2015-03-01',
    validUntil: null,
    withdrawnOn: null,
    hasIssuingOffice: true,
    hasSignatory: true,
    hasDocumentReference: true,
    recordedOn: '2015-03-02',
  };
  const withdrawn = consent({
    ...granted,
    status: 'withdrawn',
    withdrawnOn: '2016-01-01',
    recordedOn: '2016-01-04',
  });

  it('counts a consent withdrawn later for a date before the withdrawal, and not from the withdrawal on', () => {
    expect(statusWith(withdrawn)).toBe('compliant');
    expect(evaluateParagraph6(project({ consents: [withdrawn] }), '2015-12-31').status).toBe('compliant');
    expect(evaluateParagraph6(project({ consents: [withdrawn] }), '2016-01-01').status).toBe('non_compliant');
  });

  it('reads each version from its own dates: requested, granted, withdrawn, and nothing before the request', () => {
    expect(consentStatusOn(withdrawn, '2014-11-01')).toBeNull();
    expect(consentStatusOn(withdrawn, '2014-11-02')).toBe('requested');
    expect(consentStatusOn(withdrawn, '2015-03-01')).toBe('granted');
    expect(consentStatusOn(withdrawn, '2016-01-01')).toBe('withdrawn');
  });

  it('takes an expiry marked early on the day it was recorded, or the day after the validity ends if earlier', () => {
    const expired = {
      ...granted,
      status: 'expired' as const,
      validUntil: '2016-06-30',
      recordedOn: '2016-02-01',
    };
    expect(consentStatusOn(expired, '2016-01-31')).toBe('granted');
    expect(consentStatusOn(expired, '2016-02-01')).toBe('expired');
    expect(consentStatusOn({ ...expired, recordedOn: '2017-01-01' }, '2016-07-01')).toBe('expired');
  });

  it('takes a refusal on the day it was recorded; before it the consent was requested', () => {
    const refused = { ...granted, status: 'refused' as const, grantedOn: null, recordedOn: '2015-02-10' };
    expect(consentStatusOn(refused, '2015-02-09')).toBe('requested');
    expect(consentStatusOn(refused, '2015-02-10')).toBe('refused');
  });

  it('uses the history when a later version cleared what stood before (a new request after a withdrawal)', () => {
    const reRequested = consent({
      status: 'requested',
      requestedOn: '2016-05-01',
      grantedOn: null,
      withdrawnOn: null,
      hasIssuingOffice: false,
      hasSignatory: false,
      hasDocumentReference: false,
      recordedOn: '2016-05-02',
      history: [
        granted,
        { ...granted, status: 'withdrawn', withdrawnOn: '2016-01-01', recordedOn: '2016-01-04' },
      ],
    });
    const on = (date: string) => evaluateParagraph6(project({ consents: [reRequested] }), date).status;
    expect(on(DECISION)).toBe('compliant');
    expect(on('2016-02-01')).toBe('non_compliant');
    expect(on('2016-05-01')).toBe('pending');
    expect(consentOn(reRequested, DECISION)).toMatchObject({ status: 'granted', grantedOn: '2015-03-01' });
  });

  it('gives the same answer for a date whatever is recorded after it', () => {
    const before = evaluateParagraph6(project({ consents: [consent(granted)] }), DECISION);
    const after = evaluateParagraph6(project({ consents: [{ ...withdrawn, history: [granted] }] }), DECISION);
    expect(after).toEqual(before);
  });

  it('leaves out a record not yet on file on the date', () => {
    const later = consent({ ...granted, requestedOn: '2015-07-01', grantedOn: '2015-08-01' });
    const result = evaluateParagraph6(project({ consents: [later] }), DECISION);
    expect(result.countries[0]?.consent.records).toEqual([]);
    expect(result.countries[0]?.reasons).toEqual([{ code: 'consent_missing', facts: { country: 'KEN' } }]);
  });
});

describe('paragraph 6: what each stage is judged on', () => {
  const decisions = { approvedOn: '2015-06-15', lastDecisionOn: '2018-01-10' };
  const today = '2026-12-06';

  it.each(['concept_note', 'full_proposal', 'under_review', 'revision_requested'] as const)(
    'judges a proposal (%s) on today',
    (stage) => {
      expect(paragraph6Date(stage, today, decisions)).toEqual({ on: today, basis: 'today' });
    },
  );

  it.each(['approved', 'active'] as const)('judges an %s project on today', (stage) => {
    expect(paragraph6Date(stage, today, decisions)).toEqual({ on: today, basis: 'today' });
  });

  it.each(['completed', 'closed'] as const)('judges a %s project as it stood when approved', (stage) => {
    expect(paragraph6Date(stage, today, decisions)).toEqual({ on: '2015-06-15', basis: 'approval' });
  });

  it.each(['rejected', 'withdrawn'] as const)('judges a %s project as it stood at that decision', (stage) => {
    expect(paragraph6Date(stage, today, decisions)).toEqual({ on: '2018-01-10', basis: 'last_decision' });
  });

  it('falls back to today when the decision is not on file', () => {
    expect(paragraph6Date('closed', today, { approvedOn: null, lastDecisionOn: null })).toEqual({
      on: today,
      basis: 'today',
    });
  });
});

describe('paragraph 6: a proposal that has not asked yet', () => {
  it('is not requested, not a failure, for a concept note with no consent on file', () => {
    const result = evaluateParagraph6(
      project({ stage: 'concept_note', consents: [], alignments: [] }),
      DECISION,
    );
    expect(result.status).toBe('not_requested');
    expect(result.countries[0]?.reasons[0]).toEqual({
      code: 'consent_not_requested',
      facts: { country: 'KEN' },
    });
    expect(describeComplianceReason(result.countries[0]!.reasons[0]!)).toBe(
      'The consent of KEN has not been requested yet.',
    );
  });

  it('is not requested for a proposal with no recipient country yet', () => {
    expect(
      evaluateParagraph6(project({ stage: 'full_proposal', recipientCountries: [] }), DECISION).status,
    ).toBe('not_requested');
  });

  it('ranks below pending and non-compliant, above compliant', () => {
    const twoCountries = (uga: ConsentRecordInput[]) =>
      project({
        stage: 'under_review',
        recipientCountries: ['KEN', 'UGA'],
        consents: [consent(), ...uga],
        alignments: [alignment(), alignment({ id: 'a-uga', country: 'UGA' })],
      });
    expect(evaluateParagraph6(twoCountries([]), DECISION).status).toBe('not_requested');
    const refused = consent({ id: 'r-uga', country: 'UGA', status: 'refused', grantedOn: null });
    expect(evaluateParagraph6(twoCountries([refused]), DECISION).status).toBe('non_compliant');
  });

  it('is a failure once the project is decided', () => {
    expect(evaluateParagraph6(project({ stage: 'approved', consents: [] }), DECISION).status).toBe(
      'non_compliant',
    );
    expect(evaluateParagraph6(project({ consents: [] }), DECISION).status).toBe('non_compliant');
  });
});

describe('paragraph 6: what was lost after the date judged, as history', () => {
  const today = '2026-12-06';

  it('names the day a consent was withdrawn after the approval', () => {
    const input = project({
      stage: 'closed',
      consents: [consent({ status: 'withdrawn', withdrawnOn: '2017-03-02' })],
    });
    const judged = evaluateParagraph6(input, DECISION);
    expect(judged.status).toBe('compliant');
    expect(paragraph6Losses(input, judged, today)).toEqual([
      { country: 'KEN', recordId: 'consent-ken', kind: 'withdrawn', lostOn: '2017-03-02' },
    ]);
  });

  it('names the day after a consent ran out', () => {
    const input = project({ stage: 'completed', consents: [consent({ validUntil: '2018-06-30' })] });
    expect(paragraph6Losses(input, evaluateParagraph6(input, DECISION), today)).toEqual([
      { country: 'KEN', recordId: 'consent-ken', kind: 'expired', lostOn: '2018-07-01' },
    ]);
  });

  it('has nothing to say when the consent still counts, or when judged on today', () => {
    const input = project({ stage: 'closed' });
    expect(paragraph6Losses(input, evaluateParagraph6(input, DECISION), today)).toEqual([]);
    const withdrawnInput = project({
      consents: [consent({ status: 'withdrawn', withdrawnOn: '2017-03-02' })],
    });
    expect(paragraph6Losses(withdrawnInput, evaluateParagraph6(withdrawnInput, today), today)).toEqual([]);
  });
});
