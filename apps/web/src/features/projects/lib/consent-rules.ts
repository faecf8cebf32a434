import type { ConsentStatus } from '@hstf/domain';

/**
 * The consent state machine of apps/api/src/consents/consent-rules.ts, mirrored so the form offers
 * only the changes the API accepts (the API stays the judge).
 */
export const INITIAL_CONSENT_STATUSES = ['requested', 'granted'] as const satisfies readonly ConsentStatus[];

export const CONSENT_TRANSITIONS: Readonly<Record<ConsentStatus, readonly ConsentStatus[]>> = {
  requested: ['granted', 'refused', 'expired'],
  granted: ['withdrawn', 'expired'],
  refused: ['requested'],
  expired: ['requested'],
  withdrawn: ['requested'],
};

export type ConsentField =
  | 'requestedOn'
  | 'grantedOn'
  | 'validUntil'
  | 'withdrawnOn'
  | 'withdrawalReason'
  | 'issuingOffice'
  | 'signatory'
  | 'documentReference'
  | 'scope';

/** What each status needs before a record may be in it. */
export const REQUIRED_CONSENT_FIELDS: Readonly<Record<ConsentStatus, readonly ConsentField[]>> = {
  requested: ['requestedOn'],
  granted: ['grantedOn', 'issuingOffice', 'signatory', 'documentReference'],
  refused: [],
  withdrawn: ['withdrawnOn', 'withdrawalReason'],
  expired: [],
};

/** The fields a form shows for a status: those it needs, and those that mean something in it. */
export const CONSENT_FIELDS_FOR: Readonly<Record<ConsentStatus, readonly ConsentField[]>> = {
  requested: ['requestedOn', 'scope'],
  granted: [
    'requestedOn',
    'grantedOn',
    'validUntil',
    'issuingOffice',
    'signatory',
    'documentReference',
    'scope',
  ],
  refused: ['requestedOn', 'scope'],
  withdrawn: [
    'grantedOn',
    'validUntil',
    'withdrawnOn',
    'withdrawalReason',
    'issuingOffice',
    'signatory',
    'documentReference',
    'scope',
  ],
  expired: ['grantedOn', 'validUntil', 'scope'],
};

export type ConsentValues = Record<ConsentField, string>;

export interface ConsentRuleError {
  field: ConsentField;
  rule: 'required' | 'onOrAfterRequested' | 'onOrAfterGranted';
}

/** The checks of the API's consentRecordErrors, for instant feedback in the form. */
export function consentFormErrors(status: ConsentStatus, values: ConsentValues): ConsentRuleError[] {
  const errors: ConsentRuleError[] = [];
  for (const field of REQUIRED_CONSENT_FIELDS[status]) {
    if (!values[field].trim()) errors.push({ field, rule: 'required' });
  }
  const shown = CONSENT_FIELDS_FOR[status];
  const value = (field: ConsentField) => (shown.includes(field) ? values[field] : '');
  const requestedOn = value('requestedOn');
  const grantedOn = value('grantedOn');
  const validUntil = value('validUntil');
  const withdrawnOn = value('withdrawnOn');
  if (requestedOn && grantedOn && grantedOn < requestedOn) {
    errors.push({ field: 'grantedOn', rule: 'onOrAfterRequested' });
  }
  if (grantedOn && validUntil && validUntil < grantedOn)
    errors.push({ field: 'validUntil', rule: 'onOrAfterGranted' });
  if (grantedOn && withdrawnOn && withdrawnOn < grantedOn) {
    errors.push({ field: 'withdrawnOn', rule: 'onOrAfterGranted' });
  }
  return errors;
}
