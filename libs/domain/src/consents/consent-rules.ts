/**
 * The rules of a consent record (resolution 66/290, para 6: "projects funded by the Trust Fund
 * should receive the consent of the recipient State"): which status changes are allowed and what
 * each status needs. The API enforces them; the dashboard offers only the changes they allow.
 */

import type { ConsentStatus } from '../compliance/paragraph-6';

/** A consent record starts as a request, or is recorded directly as granted. */
export const INITIAL_CONSENT_STATUSES = ['requested', 'granted'] as const satisfies readonly ConsentStatus[];

/** Every allowed status change; anything else is refused. */
export const CONSENT_TRANSITIONS: Readonly<Record<ConsentStatus, readonly ConsentStatus[]>> = {
  requested: ['granted', 'refused', 'expired'],
  granted: ['withdrawn', 'expired'],
  refused: ['requested'],
  expired: ['requested'],
  withdrawn: ['requested'],
};

export function canChangeConsentStatus(from: ConsentStatus, to: ConsentStatus): boolean {
  return CONSENT_TRANSITIONS[from].includes(to);
}

/** The fields the rules look at. Dates are `YYYY-MM-DD` strings; null means not set. */
export interface ConsentFields {
  status: ConsentStatus;
  requestedOn: string | null;
  grantedOn: string | null;
  validUntil: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  issuingOffice: string | null;
  signatory: string | null;
  documentReference: string | null;
  scope: string | null;
}

export type ConsentField = Exclude<keyof ConsentFields, 'status'>;

/** A change: the new status (if any) and the fields it sets (`null` clears, absent keeps). */
export type ConsentChange = Partial<ConsentFields>;

/**
 * Why a record breaks a rule, as a code and the facts it rests on: the API words it in English
 * (describeConsentRuleError), the dashboard in the reader's language.
 */
export type ConsentRuleError =
  | { field: ConsentField; code: 'consent_field_required'; facts: { status: ConsentStatus } }
  | { field: 'requestedOn'; code: 'consent_new_request_date_required'; facts: Record<string, never> }
  | {
      field: ConsentField;
      code: 'consent_field_only_after';
      facts: { status: ConsentStatus; onlyOnce: 'granted' | 'withdrawn' };
    }
  | {
      field: 'grantedOn' | 'validUntil' | 'withdrawnOn';
      code: 'consent_date_before';
      facts: { earliest: 'requestedOn' | 'grantedOn'; date: string; earliestDate: string };
    }
  | { field: 'status'; code: 'consent_initial_status'; facts: { status: ConsentStatus } };

export type ConsentOutcome =
  | { ok: true; record: ConsentFields }
  | {
      ok: false;
      kind: 'transition';
      from: ConsentStatus;
      to: ConsentStatus;
      allowed: readonly ConsentStatus[];
    }
  | { ok: false; kind: 'fields'; errors: ConsentRuleError[] };

/** What each status needs before a record may be in it. */
export const REQUIRED_CONSENT_FIELDS: Readonly<Record<ConsentStatus, readonly ConsentField[]>> = {
  requested: ['requestedOn'],
  granted: ['grantedOn', 'issuingOffice', 'signatory', 'documentReference'],
  refused: [],
  withdrawn: ['withdrawnOn', 'withdrawalReason'],
  expired: [],
};

/** Fields that only mean something once the consent reached a status. */
const ONLY_AFTER: readonly {
  fields: readonly ConsentField[];
  statuses: readonly ConsentStatus[];
  what: 'granted' | 'withdrawn';
}[] = [
  { fields: ['grantedOn', 'validUntil'], statuses: ['granted', 'withdrawn', 'expired'], what: 'granted' },
  { fields: ['withdrawnOn', 'withdrawalReason'], statuses: ['withdrawn'], what: 'withdrawn' },
];

/** A new request starts afresh: the grant and withdrawal of the previous one stay in the history. */
const CLEARED_BY_A_NEW_REQUEST: readonly ConsentField[] = [
  'grantedOn',
  'validUntil',
  'withdrawnOn',
  'withdrawalReason',
  'issuingOffice',
  'signatory',
  'documentReference',
];

const EMPTY: Omit<ConsentFields, 'status'> = {
  requestedOn: null,
  grantedOn: null,
  validUntil: null,
  withdrawnOn: null,
  withdrawalReason: null,
  issuingOffice: null,
  signatory: null,
  documentReference: null,
  scope: null,
};

/** Every rule a record must satisfy in its status; empty when it holds. */
export function consentRecordErrors(record: ConsentFields): ConsentRuleError[] {
  const errors: ConsentRuleError[] = [];
  for (const field of REQUIRED_CONSENT_FIELDS[record.status]) {
    if (isBlank(record[field])) {
      errors.push({ field, code: 'consent_field_required', facts: { status: record.status } });
    }
  }
  for (const rule of ONLY_AFTER) {
    if (rule.statuses.includes(record.status)) continue;
    for (const field of rule.fields) {
      if (!isBlank(record[field])) {
        errors.push({
          field,
          code: 'consent_field_only_after',
          facts: { status: record.status, onlyOnce: rule.what },
        });
      }
    }
  }
  const { requestedOn, grantedOn, validUntil, withdrawnOn } = record;
  if (requestedOn && grantedOn && grantedOn < requestedOn) {
    errors.push(dateBefore('grantedOn', grantedOn, 'requestedOn', requestedOn));
  }
  if (grantedOn && validUntil && validUntil < grantedOn) {
    errors.push(dateBefore('validUntil', validUntil, 'grantedOn', grantedOn));
  }
  if (grantedOn && withdrawnOn && withdrawnOn < grantedOn) {
    errors.push(dateBefore('withdrawnOn', withdrawnOn, 'grantedOn', grantedOn));
  }
  return errors;
}

/** The rule in English words, as the API answers it in a problem document's `errors`. */
export function describeConsentRuleError(error: ConsentRuleError): string {
  switch (error.code) {
    case 'consent_field_required':
      return `is required for a ${error.facts.status} consent`;
    case 'consent_new_request_date_required':
      return 'is required for a new request (the date it was made)';
    case 'consent_field_only_after':
      return `applies only once the consent is ${error.facts.onlyOnce}`;
    case 'consent_date_before':
      return `must be on or after ${error.facts.earliest}`;
    case 'consent_initial_status':
      return 'must be requested or granted for a new consent record';
  }
}

function dateBefore(
  field: 'grantedOn' | 'validUntil' | 'withdrawnOn',
  date: string,
  earliest: 'requestedOn' | 'grantedOn',
  earliestDate: string,
): ConsentRuleError {
  return { field, code: 'consent_date_before', facts: { earliest, date, earliestDate } };
}

/** A new record: it starts as requested or granted, and satisfies its status's rules. */
export function startConsent(initial: ConsentChange & { status: ConsentStatus }): ConsentOutcome {
  if (!(INITIAL_CONSENT_STATUSES as readonly ConsentStatus[]).includes(initial.status)) {
    return {
      ok: false,
      kind: 'fields',
      errors: [{ field: 'status', code: 'consent_initial_status', facts: { status: initial.status } }],
    };
  }
  const record: ConsentFields = { ...EMPTY, ...definedOnly(initial), status: initial.status };
  const errors = consentRecordErrors(record);
  return errors.length ? { ok: false, kind: 'fields', errors } : { ok: true, record };
}

/**
 * Applies a change to a record: an allowed status change (or none) and field values, checked
 * against the rules of the resulting status. A change back to `requested` is a new request: it
 * needs its own requestedOn, and the previous grant and withdrawal are cleared from the record.
 */
export function changeConsent(current: ConsentFields, change: ConsentChange): ConsentOutcome {
  const from = current.status;
  const to = change.status ?? from;
  if (to !== from && !canChangeConsentStatus(from, to)) {
    return { ok: false, kind: 'transition', from, to, allowed: CONSENT_TRANSITIONS[from] };
  }
  const newRequest = to === 'requested' && from !== 'requested';
  const base: ConsentFields = newRequest
    ? { ...current, ...Object.fromEntries(CLEARED_BY_A_NEW_REQUEST.map((field) => [field, null])) }
    : current;
  const record: ConsentFields = { ...base, ...definedOnly(change), status: to };
  const errors = consentRecordErrors(record);
  if (newRequest && change.requestedOn === undefined) {
    errors.unshift({ field: 'requestedOn', code: 'consent_new_request_date_required', facts: {} });
  }
  return errors.length ? { ok: false, kind: 'fields', errors } : { ok: true, record };
}

export function sameConsentFields(a: ConsentFields, b: ConsentFields): boolean {
  return (Object.keys(b) as (keyof ConsentFields)[]).every((key) => a[key] === b[key]);
}

function isBlank(value: string | null): boolean {
  return value === null || value.trim() === '';
}

function definedOnly(change: ConsentChange): ConsentChange {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}
