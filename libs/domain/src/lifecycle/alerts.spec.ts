import type { ConsentRecordInput } from '../compliance/paragraph-6';
import { evaluateParagraph6 } from '../compliance/paragraph-6';
import type { ProjectConsents } from './alerts';
import {
  consentAlerts,
  describeConsentAlert,
  describeSuspensionProposal,
  suspensionProposal,
} from './alerts';

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

describe('suspension proposals', () => {
  const alignment = {
    id: 'a1',
    country: 'KEN',
    strategyId: 's1',
    strategyTitle: 'Kenya Vision 2030',
    periodFrom: '2013-01-01',
    periodTo: null,
    justification: 'Arid lands priority.',
  };
  const judged = (consents: ConsentRecordInput[]) =>
    evaluateParagraph6(
      { recipientCountries: ['KEN'], consents, alignments: [alignment], projectStart: '2015-01-01' },
      TODAY,
    );

  it('propose suspending an approved or active project once paragraph 6 is lost', () => {
    const withdrawn = judged([consent({ status: 'withdrawn', withdrawnOn: '2015-06-01' })]);
    for (const stage of ['approved', 'active'] as const) {
      const proposal = suspensionProposal({ projectId: 'p1', stage }, withdrawn);
      expect(proposal).toMatchObject({
        code: 'suspension_proposed',
        facts: {
          projectId: 'p1',
          stage,
          on: TODAY,
          status: 'non_compliant',
          countries: [{ country: 'KEN' }],
        },
      });
      expect(describeSuspensionProposal(proposal!)).toBe(
        `Paragraph 6 no longer holds on 2015-06-15 (KEN) for a project that is ${stage}: suspend it until it holds again.`,
      );
    }
  });

  it('propose nothing while paragraph 6 holds, nor for a project already suspended or not funded', () => {
    expect(suspensionProposal({ projectId: 'p1', stage: 'active' }, judged([consent()]))).toBeNull();
    const withdrawn = judged([consent({ status: 'withdrawn', withdrawnOn: '2015-06-01' })]);
    for (const stage of ['suspended', 'completed', 'under_review'] as const) {
      expect(suspensionProposal({ projectId: 'p1', stage }, withdrawn)).toBeNull();
    }
  });
});
