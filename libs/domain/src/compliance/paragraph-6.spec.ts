import type { AlignmentInput, ConsentRecordInput, Paragraph6Input } from './paragraph-6';
import { describeComplianceReason, evaluateConsentRecord, evaluateParagraph6 } from './paragraph-6';

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

  it('does not count a consent granted the day after the decision date', () => {
    const result = evaluateParagraph6(
      project({ consents: [consent({ grantedOn: '2015-06-16' })] }),
      DECISION,
    );
    expect(result.status).toBe('non_compliant');
    expect(result.countries[0]?.reasons).toEqual([
      {
        code: 'consent_not_valid',
        facts: {
          country: 'KEN',
          recordId: 'consent-ken',
          problems: [
            { code: 'consent_granted_after_date', facts: { grantedOn: '2015-06-16', on: DECISION } },
          ],
        },
      },
    ]);
  });

  it('counts a consent valid until the decision date itself', () => {
    expect(statusWith({ validUntil: DECISION })).toBe('compliant');
  });

  it('does not count a consent valid until the day before the decision date', () => {
    const evaluation = evaluateConsentRecord(consent({ validUntil: '2015-06-14' }), DECISION);
    expect(evaluation.problems).toEqual([
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
      ).problems,
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
        consents: [consent({ grantedOn: '2015-06-16', hasDocumentReference: false })],
      }),
      DECISION,
    );
    expect(result.countries.flatMap((c) => c.reasons).map(describeComplianceReason)).toEqual([
      'The consent of KEN does not count: it was granted on 2015-06-16, after 2015-06-15; no document reference is recorded.',
      'No consent of UGA is recorded.',
      'No alignment to a national strategy of UGA is recorded.',
    ]);
  });
});
