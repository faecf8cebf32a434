import { CONSENT_STATUSES, type ConsentStatus } from '../compliance/paragraph-6';
import {
  canChangeConsentStatus,
  changeConsent,
  type ConsentFields,
  describeConsentRuleError,
  startConsent,
} from './consent-rules';

/** The status changes the brief allows; every other pair is refused. */
const ALLOWED: [ConsentStatus, ConsentStatus][] = [
  ['requested', 'granted'],
  ['requested', 'refused'],
  ['requested', 'expired'],
  ['granted', 'withdrawn'],
  ['granted', 'expired'],
  ['refused', 'requested'],
  ['expired', 'requested'],
  ['withdrawn', 'requested'],
];

const granted: ConsentFields = {
  status: 'granted',
  requestedOn: '2024-01-15',
  grantedOn: '2024-02-01',
  validUntil: '2027-12-31',
  withdrawnOn: null,
  withdrawalReason: null,
  issuingOffice: 'Ministry of Foreign Affairs',
  signatory: 'Permanent Secretary',
  documentReference: 'MFA/2024/117',
  scope: 'All project sites',
};

describe('consent rules (pure)', () => {
  const pairs = CONSENT_STATUSES.flatMap((from) =>
    CONSENT_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it.each(pairs)('allows %s → %s exactly when the transition table lists it', (from, to) => {
    expect(canChangeConsentStatus(from, to)).toBe(ALLOWED.some(([f, t]) => f === from && t === to));
  });

  it('starts a record only as requested or granted', () => {
    expect(startConsent({ status: 'requested', requestedOn: '2024-01-01' })).toMatchObject({ ok: true });
    expect(startConsent({ status: 'refused' })).toMatchObject({ ok: false, errors: [{ field: 'status' }] });
  });

  it.each(['grantedOn', 'issuingOffice', 'signatory', 'documentReference'] as const)(
    'refuses a grant without %s',
    (field) => {
      const outcome = startConsent({ ...granted, [field]: null });
      expect(outcome).toEqual({
        ok: false,
        kind: 'fields',
        errors: [{ field, code: 'consent_field_required', facts: { status: 'granted' } }],
      });
    },
  );

  it('refuses a withdrawal without its date and reason', () => {
    expect(changeConsent(granted, { status: 'withdrawn' })).toEqual({
      ok: false,
      kind: 'fields',
      errors: [
        { field: 'withdrawnOn', code: 'consent_field_required', facts: { status: 'withdrawn' } },
        { field: 'withdrawalReason', code: 'consent_field_required', facts: { status: 'withdrawn' } },
      ],
    });
  });

  it('orders the dates: granted on or after requested, valid until on or after granted', () => {
    expect(changeConsent(granted, { grantedOn: '2024-01-14' })).toMatchObject({
      errors: [
        {
          field: 'grantedOn',
          code: 'consent_date_before',
          facts: { earliest: 'requestedOn', date: '2024-01-14', earliestDate: '2024-01-15' },
        },
      ],
    });
    expect(changeConsent(granted, { validUntil: '2024-01-31' })).toMatchObject({
      errors: [{ field: 'validUntil', code: 'consent_date_before', facts: { earliest: 'grantedOn' } }],
    });
    expect(changeConsent(granted, { grantedOn: '2024-01-15', validUntil: '2024-01-15' })).toMatchObject({
      ok: true,
    });
  });

  it('names from, to and the allowed statuses of a refused change', () => {
    expect(changeConsent(granted, { status: 'requested', requestedOn: '2025-01-01' })).toEqual({
      ok: false,
      kind: 'transition',
      from: 'granted',
      to: 'requested',
      allowed: ['withdrawn', 'expired'],
    });
  });

  it('starts a new request afresh: it needs its date, and the previous grant is cleared', () => {
    const withdrawn = {
      ...granted,
      status: 'withdrawn' as const,
      withdrawnOn: '2025-01-01',
      withdrawalReason: 'x',
    };
    expect(changeConsent(withdrawn, { status: 'requested' })).toMatchObject({
      ok: false,
      errors: [{ field: 'requestedOn' }],
    });
    expect(changeConsent(withdrawn, { status: 'requested', requestedOn: '2025-03-01' })).toEqual({
      ok: true,
      record: {
        ...granted,
        status: 'requested',
        requestedOn: '2025-03-01',
        grantedOn: null,
        validUntil: null,
        issuingOffice: null,
        signatory: null,
        documentReference: null,
      },
    });
  });

  it('words each code as the API answers it', () => {
    const grantWithout = startConsent({ ...granted, signatory: null });
    const early = changeConsent(granted, { validUntil: '2024-01-31' });
    const fresh = changeConsent({ ...granted, status: 'expired' }, { status: 'requested' });
    const messages = [grantWithout, early, fresh, startConsent({ status: 'expired' })].flatMap((outcome) =>
      !outcome.ok && outcome.kind === 'fields' ? outcome.errors.map(describeConsentRuleError) : [],
    );
    expect(messages).toEqual([
      'is required for a granted consent',
      'must be on or after grantedOn',
      'is required for a new request (the date it was made)',
      'must be requested or granted for a new consent record',
    ]);
  });
});
