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

export interface ConsentRuleError {
  field: string;
  message: string;
}

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
  what: string;
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
    if (isBlank(record[field])) errors.push({ field, message: `is required for a ${record.status} consent` });
  }
  for (const rule of ONLY_AFTER) {
    if (rule.statuses.includes(record.status)) continue;
    for (const field of rule.fields) {
      if (!isBlank(record[field])) {
        errors.push({ field, message: `applies only once the consent is ${rule.what}` });
      }
    }
  }
  const { requestedOn, grantedOn, validUntil, withdrawnOn } = record;
  if (requestedOn && grantedOn && grantedOn < requestedOn) {
    errors.push({ field: 'grantedOn', message: 'must be on or after requestedOn' });
  }
  if (grantedOn && validUntil && validUntil < grantedOn) {
    errors.push({ field: 'validUntil', message: 'must be on or after grantedOn' });
  }
  if (grantedOn && withdrawnOn && withdrawnOn < grantedOn) {
    errors.push({ field: 'withdrawnOn', message: 'must be on or after grantedOn' });
  }
  return errors;
}

/** A new record: it starts as requested or granted, and satisfies its status's rules. */
export function startConsent(initial: ConsentChange & { status: ConsentStatus }): ConsentOutcome {
  if (!(INITIAL_CONSENT_STATUSES as readonly ConsentStatus[]).includes(initial.status)) {
    return {
      ok: false,
      kind: 'fields',
      errors: [{ field: 'status', message: 'must be requested or granted for a new consent record' }],
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
    errors.unshift({ field: 'requestedOn', message: 'is required for a new request (the date it was made)' });
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
