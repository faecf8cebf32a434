import type { ConsentField, ConsentStatus } from '@hstf/domain';
import { REQUIRED_CONSENT_FIELDS } from '@hstf/domain';

// The state machine and what each status needs are libs/domain's (the API enforces the same);
// this file adds only what the form needs on top.
export { CONSENT_TRANSITIONS, INITIAL_CONSENT_STATUSES, REQUIRED_CONSENT_FIELDS } from '@hstf/domain';
export type { ConsentField } from '@hstf/domain';

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
