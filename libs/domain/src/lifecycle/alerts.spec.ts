import type { ConsentRecordInput } from '../compliance/paragraph-6';
import type { ProjectConsents } from './alerts';
import { consentAlerts, describeConsentAlert, proposedDecision } from './alerts';

const TODAY = '2015-06-15';

function consent(overrides: Partial<ConsentRecordInput> = {}): ConsentRecordInput {
  return {
    id: 'c1',
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

function project(overrides: Partial<ProjectConsents> = {}): ProjectConsents {
  return {
    projectId: 'p1',
    stage: 'active',
    recipientCountries: ['KEN'],
    consents: [consent()],
    ...overrides,
  };
}

const codesFor = (p: ProjectConsents) => consentAlerts([p], TODAY).map((a) => a.code);

describe('consent alerts on approved and active projects', () => {
  it('raise nothing for a valid open-ended consent', () => {
    expect(codesFor(project())).toEqual([]);
  });

  it('raise one for a withdrawn consent, on approved and on active projects', () => {
    const withdrawn = consent({ status: 'withdrawn', withdrawnOn: '2015-06-01' });
    for (const stage of ['approved', 'active'] as const) {
      expect(consentAlerts([project({ stage, consents: [withdrawn] })], TODAY)).toEqual([
        {
          code: 'funded_consent_withdrawn',
          facts: { projectId: 'p1', stage, country: 'KEN', recordId: 'c1', withdrawnOn: '2015-06-01' },
        },
      ]);
    }
  });

  it('raise one for a consent that expired yesterday', () => {
    expect(codesFor(project({ consents: [consent({ validUntil: '2015-06-14' })] }))).toEqual([
      'funded_consent_expired',
    ]);
    expect(codesFor(project({ consents: [consent({ status: 'expired' })] }))).toEqual([
      'funded_consent_expired',
    ]);
  });

  it('warn of a consent expiring in exactly 90 days, and not of one expiring in 91', () => {
    const in90 = consentAlerts([project({ consents: [consent({ validUntil: '2015-09-13' })] })], TODAY);
    expect(in90).toEqual([
      {
        code: 'funded_consent_expiring',
        facts: {
          projectId: 'p1',
          stage: 'active',
          country: 'KEN',
          recordId: 'c1',
          validUntil: '2015-09-13',
          daysLeft: 90,
        },
      },
    ]);
    expect(describeConsentAlert(in90[0]!)).toBe('The consent of KEN expires on 2015-09-13, in 90 days.');
    expect(codesFor(project({ consents: [consent({ validUntil: '2015-09-14' })] }))).toEqual([]);
  });

  it('warn of a consent valid until today as expiring, not expired', () => {
    expect(codesFor(project({ consents: [consent({ validUntil: TODAY })] }))).toEqual([
      'funded_consent_expiring',
    ]);
  });

  it('stay quiet when an expired consent has been replaced by a valid one', () => {
    const consents = [
      consent({ id: 'old', validUntil: '2015-01-01' }),
      consent({ id: 'new', grantedOn: '2015-02-01' }),
    ];
    expect(codesFor(project({ consents }))).toEqual([]);
  });

  it('flag an approved project with no valid consent at all', () => {
    expect(codesFor(project({ stage: 'approved', consents: [] }))).toEqual(['funded_consent_invalid']);
  });

  it('ignore completed, closed and rejected projects', () => {
    const withdrawn = [consent({ status: 'withdrawn', withdrawnOn: '2015-06-01' })];
    for (const stage of ['completed', 'closed', 'rejected'] as const) {
      expect(codesFor(project({ stage, consents: withdrawn }))).toEqual([]);
    }
  });
});

describe('consent alerts on proposals', () => {
  const requested = (requestedOn: string) => consent({ status: 'requested', grantedOn: null, requestedOn });

  it('raise one for a consent requested 61 days ago and not for one requested 60 days ago', () => {
    const overdue = consentAlerts(
      [project({ stage: 'under_review', consents: [requested('2015-04-15')] })],
      TODAY,
    );
    expect(overdue).toEqual([
      {
        code: 'consent_request_overdue',
        facts: {
          projectId: 'p1',
          stage: 'under_review',
          country: 'KEN',
          recordId: 'c1',
          requestedOn: '2015-04-15',
          daysWaiting: 61,
        },
      },
    ]);
    expect(codesFor(project({ stage: 'under_review', consents: [requested('2015-04-16')] }))).toEqual([]);
  });

  it('raise nothing once the country has a valid consent', () => {
    expect(
      codesFor(
        project({ stage: 'full_proposal', consents: [requested('2015-01-01'), consent({ id: 'c2' })] }),
      ),
    ).toEqual([]);
  });

  it('do not warn about expiry before approval', () => {
    expect(
      codesFor(project({ stage: 'under_review', consents: [consent({ validUntil: '2015-07-01' })] })),
    ).toEqual([]);
  });
});

describe('the decision proposed with an alert', () => {
  it('is a suspension when a funded project has lost its consent, and nothing for a warning', () => {
    const withdrawn = consent({ status: 'withdrawn', withdrawnOn: '2015-06-01' });
    for (const stage of ['approved', 'active'] as const) {
      const [alert] = consentAlerts([project({ stage, consents: [withdrawn] })], TODAY);
      expect(proposedDecision(alert!)).toBe('suspended');
    }
    const [expired] = consentAlerts([project({ consents: [consent({ validUntil: '2015-06-14' })] })], TODAY);
    expect(proposedDecision(expired!)).toBe('suspended');
    const [invalid] = consentAlerts([project({ consents: [] })], TODAY);
    expect(proposedDecision(invalid!)).toBe('suspended');
    const [expiring] = consentAlerts([project({ consents: [consent({ validUntil: TODAY })] })], TODAY);
    expect(proposedDecision(expiring!)).toBeNull();
    const [overdue] = consentAlerts(
      [
        project({
          stage: 'under_review',
          consents: [consent({ status: 'requested', grantedOn: null, requestedOn: '2015-01-01' })],
        }),
      ],
      TODAY,
    );
    expect(proposedDecision(overdue!)).toBeNull();
  });
});
