import type { IsoDate } from '../calendar/iso-date';
import { addDays, compareIsoDates } from '../calendar/iso-date';
import type { Stage } from '../lifecycle/stages';
import { isStageIn, PROPOSAL_STAGES } from '../lifecycle/stages';

/**
 * Resolution 66/290 paragraph 6, evaluated for one project on one date (DESIGN.md §4.2): for every
 * recipient country, a consent that holds on that date and an alignment to a national strategy whose
 * period covers the project's start. A consent record is read as it stood on the date, from its
 * versions (consentStatusOn, consentOn), so a withdrawal or an expiry after the date never changes
 * the answer for it. Alignments keep no history: they are read as they are.
 */

export const CONSENT_STATUSES = ['requested', 'granted', 'refused', 'withdrawn', 'expired'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** One version of a consent record, as it was recorded. */
export interface ConsentVersion {
  status: ConsentStatus;
  requestedOn: IsoDate | null;
  grantedOn: IsoDate | null;
  /** null: no end date. */
  validUntil: IsoDate | null;
  withdrawnOn: IsoDate | null;
  hasIssuingOffice: boolean;
  hasSignatory: boolean;
  hasDocumentReference: boolean;
  /**
   * The day (UTC) this version was recorded: a change that carries no date of its own (a refusal,
   * an expiry marked early) takes effect then. Absent: on file before any date asked.
   */
  recordedOn?: IsoDate;
}

export interface ConsentRecordInput extends ConsentVersion {
  id: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** The earlier versions of the record (its history), oldest first; the record itself is the latest. */
  history?: readonly ConsentVersion[];
}

export interface AlignmentInput {
  id: string;
  country: string;
  strategyId: string;
  strategyTitle: string;
  periodFrom: IsoDate;
  /** null: an open-ended strategy. */
  periodTo: IsoDate | null;
  justification: string | null;
}

export interface Paragraph6Input {
  recipientCountries: readonly string[];
  consents: readonly ConsentRecordInput[];
  alignments: readonly AlignmentInput[];
  projectStart: IsoDate | null;
  /**
   * The project's stage: a proposal (before the decision) with no consent on file for a country is
   * "not requested" there, not a failure. Absent: judged as a decided project.
   */
  stage?: Stage;
}

export const COMPLIANCE_STATUSES = ['compliant', 'pending', 'not_requested', 'non_compliant'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export type ConsentProblem =
  | { code: 'consent_not_granted'; facts: { status: 'requested' | 'refused' | 'expired' } }
  | { code: 'consent_record_withdrawn'; facts: { withdrawnOn: IsoDate | null } }
  | { code: 'consent_grant_date_missing'; facts: Record<string, never> }
  | { code: 'consent_granted_after_date'; facts: { grantedOn: IsoDate; on: IsoDate } }
  | { code: 'consent_expired_on_date'; facts: { validUntil: IsoDate; on: IsoDate } }
  | { code: 'consent_issuing_authority_missing'; facts: { missing: ('office' | 'signatory')[] } }
  | { code: 'consent_document_reference_missing'; facts: Record<string, never> };

export interface ConsentRecordEvaluation {
  recordId: string;
  /** The record as it stood on the date. */
  status: ConsentStatus;
  requestedOn: IsoDate | null;
  grantedOn: IsoDate | null;
  validUntil: IsoDate | null;
  withdrawnOn: IsoDate | null;
  counts: boolean;
  /** Every reason the record does not count on the date; empty when it counts. */
  problems: ConsentProblem[];
}

export type AlignmentProblem =
  | { code: 'alignment_start_unknown'; facts: Record<string, never> }
  | {
      code: 'alignment_period_excludes_start';
      facts: { periodFrom: IsoDate; periodTo: IsoDate | null; projectStart: IsoDate };
    }
  | { code: 'alignment_justification_missing'; facts: Record<string, never> };

export interface AlignmentEvaluation {
  alignmentId: string;
  strategyId: string;
  strategyTitle: string;
  periodFrom: IsoDate;
  periodTo: IsoDate | null;
  /** null when the project has no start date to cover. */
  coversStart: boolean | null;
  hasJustification: boolean;
  counts: boolean;
  problems: AlignmentProblem[];
}

export type ComplianceReason =
  | { code: 'consent_missing'; facts: { country: string } }
  | { code: 'consent_not_requested'; facts: { country: string } }
  | { code: 'consent_requested'; facts: { country: string; recordId: string; requestedOn: IsoDate | null } }
  | { code: 'consent_refused'; facts: { country: string; recordId: string } }
  | { code: 'consent_withdrawn'; facts: { country: string; recordId: string; withdrawnOn: IsoDate | null } }
  | { code: 'consent_not_valid'; facts: { country: string; recordId: string; problems: ConsentProblem[] } }
  | { code: 'alignment_missing'; facts: { country: string } }
  | {
      code: 'alignment_not_valid';
      facts: { country: string; alignmentId: string; strategyTitle: string; problems: AlignmentProblem[] };
    }
  | { code: 'no_recipient_country'; facts: Record<string, never> }
  | { code: 'project_start_missing'; facts: Record<string, never> };

export interface CountryCompliance {
  country: string;
  status: ComplianceStatus;
  consent: { holds: boolean; recordId: string | null; records: ConsentRecordEvaluation[] };
  alignment: {
    holds: boolean;
    alignmentId: string | null;
    strategyId: string | null;
    records: AlignmentEvaluation[];
  };
  /** Why the country is not compliant; empty when it is. */
  reasons: ComplianceReason[];
}

export interface Paragraph6Result {
  on: IsoDate;
  status: ComplianceStatus;
  countries: CountryCompliance[];
  /** Reasons about the project as a whole; the countries carry their own. */
  reasons: ComplianceReason[];
}

function isWithdrawn(record: ConsentVersion): boolean {
  // A withdrawal date on a record still marked granted is contradictory data: the safe reading is
  // that the State took its consent back.
  return record.status === 'withdrawn' || record.withdrawnOn !== null;
}

/**
 * The status of one version of a consent record on a date, from the dates it carries: a withdrawal
 * takes effect on its date, an expiry the day after the validity ends (or the day it was recorded,
 * if that came first), a grant on its date, a request on its date, a refusal on the day it was
 * recorded. Before its own change took effect the version says what stood until then: granted from
 * the grant date, requested from the request date. null: nothing of it was on file yet.
 */
export function consentStatusOn(version: ConsentVersion, on: IsoDate): ConsentStatus | null {
  const reached = (date: IsoDate | null | undefined): boolean =>
    date === undefined || (date !== null && compareIsoDates(date, on) <= 0);
  const recorded = reached(version.recordedOn);
  const dated = (date: IsoDate | null): boolean => (date === null ? recorded : reached(date));
  const before = (): ConsentStatus | null => {
    if (version.status !== 'requested' && version.status !== 'refused' && version.grantedOn !== null) {
      if (reached(version.grantedOn)) return 'granted';
    }
    return version.requestedOn !== null && reached(version.requestedOn) ? 'requested' : null;
  };
  switch (isWithdrawn(version) ? 'withdrawn' : version.status) {
    case 'withdrawn':
      return dated(version.withdrawnOn) ? 'withdrawn' : before();
    case 'expired':
      return recorded || (version.validUntil !== null && reached(addDays(version.validUntil, 1)))
        ? 'expired'
        : before();
    case 'refused':
      return recorded ? 'refused' : before();
    case 'granted':
      return dated(version.grantedOn) ? 'granted' : before();
    case 'requested':
      return dated(version.requestedOn) ? 'requested' : null;
  }
}

/**
 * The record as it stood on the date: the latest version with something on file then, read on that
 * date (a grant not yet made is not there, a withdrawal not yet made is not there). null: the record
 * was not on file yet.
 */
export function consentOn(record: ConsentRecordInput, on: IsoDate): ConsentRecordInput | null {
  const versions: ConsentVersion[] = [record, ...[...(record.history ?? [])].reverse()];
  for (const version of versions) {
    const status = consentStatusOn(version, on);
    if (status === null) continue;
    const granted = status === 'granted' || status === 'withdrawn' || status === 'expired';
    return {
      id: record.id,
      country: record.country,
      status,
      requestedOn: version.requestedOn,
      grantedOn: granted ? version.grantedOn : null,
      validUntil: granted ? version.validUntil : null,
      withdrawnOn: status === 'withdrawn' ? version.withdrawnOn : null,
      hasIssuingOffice: version.hasIssuingOffice,
      hasSignatory: version.hasSignatory,
      hasDocumentReference: version.hasDocumentReference,
    };
  }
  return null;
}

/** Judges the record as it is given; consentOn gives it as it stood on a date. */
function judgeConsent(record: ConsentRecordInput, on: IsoDate): ConsentRecordEvaluation {
  const problems: ConsentProblem[] = [];
  if (isWithdrawn(record)) {
    problems.push({ code: 'consent_record_withdrawn', facts: { withdrawnOn: record.withdrawnOn } });
  } else if (record.status === 'requested' || record.status === 'refused' || record.status === 'expired') {
    problems.push({ code: 'consent_not_granted', facts: { status: record.status } });
  } else {
    if (record.grantedOn === null) {
      problems.push({ code: 'consent_grant_date_missing', facts: {} });
    } else if (compareIsoDates(record.grantedOn, on) > 0) {
      problems.push({ code: 'consent_granted_after_date', facts: { grantedOn: record.grantedOn, on } });
    }
    // Valid until a date means valid on that whole day.
    if (record.validUntil !== null && compareIsoDates(record.validUntil, on) < 0) {
      problems.push({ code: 'consent_expired_on_date', facts: { validUntil: record.validUntil, on } });
    }
    const missing: ('office' | 'signatory')[] = [];
    if (!record.hasIssuingOffice) missing.push('office');
    if (!record.hasSignatory) missing.push('signatory');
    if (missing.length > 0) problems.push({ code: 'consent_issuing_authority_missing', facts: { missing } });
    if (!record.hasDocumentReference)
      problems.push({ code: 'consent_document_reference_missing', facts: {} });
  }
  return {
    recordId: record.id,
    status: record.status,
    requestedOn: record.requestedOn,
    grantedOn: record.grantedOn,
    validUntil: record.validUntil,
    withdrawnOn: record.withdrawnOn,
    counts: problems.length === 0,
    problems,
  };
}

/** The record judged as it stood on the date; null when it was not on file yet. */
export function evaluateConsentRecord(
  record: ConsentRecordInput,
  on: IsoDate,
): ConsentRecordEvaluation | null {
  const asOn = consentOn(record, on);
  return asOn && judgeConsent(asOn, on);
}

function hasText(value: string | null): boolean {
  return value !== null && value.trim().length > 0;
}

export function evaluateAlignment(
  alignment: AlignmentInput,
  projectStart: IsoDate | null,
): AlignmentEvaluation {
  const problems: AlignmentProblem[] = [];
  let coversStart: boolean | null = null;
  if (projectStart === null) {
    problems.push({ code: 'alignment_start_unknown', facts: {} });
  } else {
    coversStart =
      compareIsoDates(alignment.periodFrom, projectStart) <= 0 &&
      (alignment.periodTo === null || compareIsoDates(projectStart, alignment.periodTo) <= 0);
    if (!coversStart) {
      problems.push({
        code: 'alignment_period_excludes_start',
        facts: { periodFrom: alignment.periodFrom, periodTo: alignment.periodTo, projectStart },
      });
    }
  }
  const hasJustification = hasText(alignment.justification);
  if (!hasJustification) problems.push({ code: 'alignment_justification_missing', facts: {} });
  return {
    alignmentId: alignment.id,
    strategyId: alignment.strategyId,
    strategyTitle: alignment.strategyTitle,
    periodFrom: alignment.periodFrom,
    periodTo: alignment.periodTo,
    coversStart,
    hasJustification,
    counts: problems.length === 0,
    problems,
  };
}

/**
 * The consent that counts for a country on the date, if any, as it stood then: the most recently
 * granted valid one.
 */
export function countingConsent(
  records: readonly ConsentRecordInput[],
  on: IsoDate,
): ConsentRecordInput | null {
  let best: ConsentRecordInput | null = null;
  for (const record of records) {
    const asOn = consentOn(record, on);
    if (!asOn || !judgeConsent(asOn, on).counts) continue;
    if (best === null || compareIsoDates(asOn.grantedOn ?? on, best.grantedOn ?? on) > 0) best = asOn;
  }
  return best;
}

/** Stages judged before their decision: a missing consent there is not requested yet, not refused. */
export function isProposalStage(stage: Stage | undefined): boolean {
  return stage !== undefined && isStageIn(stage, PROPOSAL_STAGES);
}

function evaluateCountry(country: string, input: Paragraph6Input, on: IsoDate): CountryCompliance {
  const consents = input.consents.filter((c) => c.country === country).flatMap((c) => consentOn(c, on) ?? []);
  const alignments = input.alignments.filter((a) => a.country === country);
  const consentEvaluations = consents.map((c) => judgeConsent(c, on));
  const alignmentEvaluations = alignments.map((a) => evaluateAlignment(a, input.projectStart));
  const consent = countingConsent(consents, on);
  const alignmentIndex = alignmentEvaluations.findIndex((a) => a.counts);
  const alignment = alignmentIndex >= 0 ? alignments[alignmentIndex] : undefined;
  const notRequested = consents.length === 0 && isProposalStage(input.stage);

  const reasons: ComplianceReason[] = [];
  if (!consent) {
    if (consents.length === 0) {
      reasons.push({ code: notRequested ? 'consent_not_requested' : 'consent_missing', facts: { country } });
    }
    for (const record of consents) {
      if (isWithdrawn(record)) {
        reasons.push({
          code: 'consent_withdrawn',
          facts: { country, recordId: record.id, withdrawnOn: record.withdrawnOn },
        });
      } else if (record.status === 'refused') {
        reasons.push({ code: 'consent_refused', facts: { country, recordId: record.id } });
      } else if (record.status === 'requested') {
        reasons.push({
          code: 'consent_requested',
          facts: { country, recordId: record.id, requestedOn: record.requestedOn },
        });
      } else {
        const problems = consentEvaluations.find((e) => e.recordId === record.id)?.problems ?? [];
        reasons.push({ code: 'consent_not_valid', facts: { country, recordId: record.id, problems } });
      }
    }
  }
  if (!alignment) {
    if (alignments.length === 0) reasons.push({ code: 'alignment_missing', facts: { country } });
    for (const evaluation of alignmentEvaluations) {
      reasons.push({
        code: 'alignment_not_valid',
        facts: {
          country,
          alignmentId: evaluation.alignmentId,
          strategyTitle: evaluation.strategyTitle,
          problems: evaluation.problems,
        },
      });
    }
  }

  // DESIGN.md §4.2, to the letter: pending when a consent is requested and nothing is refused or
  // withdrawn. A refusal or withdrawal on file makes the country non-compliant until a valid consent
  // replaces it, even while a new request is out. A proposal that has not asked yet is not failing.
  const requested = consents.some((c) => c.status === 'requested' && !isWithdrawn(c));
  const refusedOrWithdrawn = consents.some((c) => c.status === 'refused' || isWithdrawn(c));
  const status: ComplianceStatus =
    consent && alignment
      ? 'compliant'
      : requested && !refusedOrWithdrawn
        ? 'pending'
        : notRequested
          ? 'not_requested'
          : 'non_compliant';

  return {
    country,
    status,
    consent: { holds: consent !== null, recordId: consent?.id ?? null, records: consentEvaluations },
    alignment: {
      holds: alignment !== undefined,
      alignmentId: alignment?.id ?? null,
      strategyId: alignment?.strategyId ?? null,
      records: alignmentEvaluations,
    },
    reasons,
  };
}

/** The overall status from the countries': the worst of them, in this order. */
const SEVERITY: readonly ComplianceStatus[] = ['non_compliant', 'pending', 'not_requested', 'compliant'];

export function evaluateParagraph6(input: Paragraph6Input, on: IsoDate): Paragraph6Result {
  // Validates the date up front, so a malformed one fails even for a project without records.
  compareIsoDates(on, on);
  const countries = [...new Set(input.recipientCountries)].map((c) => evaluateCountry(c, input, on));
  const reasons: ComplianceReason[] = [];
  if (countries.length === 0) reasons.push({ code: 'no_recipient_country', facts: {} });
  if (input.projectStart === null) reasons.push({ code: 'project_start_missing', facts: {} });
  const status: ComplianceStatus =
    countries.length === 0
      ? isProposalStage(input.stage)
        ? 'not_requested'
        : 'non_compliant'
      : SEVERITY.find((s) => countries.some((c) => c.status === s))!;
  return { on, status, countries, reasons };
}

/** On which date a project is judged when no date is asked, and why (DESIGN.md §4.2). */
export type Paragraph6Basis = 'today' | 'approval' | 'last_decision';

export interface ProjectDecisions {
  /** The date of the (latest) decision to approve, if any. */
  approvedOn: IsoDate | null;
  /** The date of the latest decision of any kind, if any. */
  lastDecisionOn: IsoDate | null;
}

/**
 * Proposals before the decision and approved or active projects are judged on today; completed and
 * closed ones as they stood when they were approved; rejected and withdrawn ones as they stood at
 * that decision. What changed since is history, not a failure (paragraph6Losses). Without the
 * decision on file, today.
 */
export function paragraph6Date(
  stage: Stage,
  today: IsoDate,
  decisions: ProjectDecisions,
): { on: IsoDate; basis: Paragraph6Basis } {
  if ((stage === 'completed' || stage === 'closed') && decisions.approvedOn !== null) {
    return { on: decisions.approvedOn, basis: 'approval' };
  }
  if ((stage === 'rejected' || stage === 'withdrawn') && decisions.lastDecisionOn !== null) {
    return { on: decisions.lastDecisionOn, basis: 'last_decision' };
  }
  return { on: today, basis: 'today' };
}

/** A consent that counted on the date judged and no longer does: shown as history. */
export interface Paragraph6Loss {
  country: string;
  recordId: string;
  /** What happened to it: withdrawn, expired (by date or by status), or changed otherwise. */
  kind: 'withdrawn' | 'expired' | 'changed';
  /** The first day it no longer counted; null when the records do not say. */
  lostOn: IsoDate | null;
}

/**
 * For a project judged on an earlier date: the consents that counted then and no longer count
 * today, each with the day it stopped counting.
 */
export function paragraph6Losses(
  input: Paragraph6Input,
  judged: Paragraph6Result,
  today: IsoDate,
): Paragraph6Loss[] {
  if (compareIsoDates(judged.on, today) >= 0) return [];
  return judged.countries.flatMap((country): Paragraph6Loss[] => {
    const record = input.consents.find((c) => c.id === country.consent.recordId);
    if (!record) return [];
    const now = consentOn(record, today);
    if (now && judgeConsent(now, today).counts) return [];
    if (now && isWithdrawn(now)) {
      return [{ country: country.country, recordId: record.id, kind: 'withdrawn', lostOn: now.withdrawnOn }];
    }
    const validUntil = now?.validUntil ?? null;
    if (now && validUntil !== null && compareIsoDates(validUntil, today) < 0) {
      return [
        { country: country.country, recordId: record.id, kind: 'expired', lostOn: addDays(validUntil, 1) },
      ];
    }
    return [
      {
        country: country.country,
        recordId: record.id,
        kind: now?.status === 'expired' ? 'expired' : 'changed',
        lostOn: null,
      },
    ];
  });
}

export function describeConsentProblem(problem: ConsentProblem): string {
  switch (problem.code) {
    case 'consent_not_granted':
      return `its status is ${problem.facts.status}, not granted`;
    case 'consent_record_withdrawn':
      return problem.facts.withdrawnOn
        ? `it was withdrawn on ${problem.facts.withdrawnOn}`
        : 'it has been withdrawn';
    case 'consent_grant_date_missing':
      return 'it has no date of grant';
    case 'consent_granted_after_date':
      return `it was granted on ${problem.facts.grantedOn}, after ${problem.facts.on}`;
    case 'consent_expired_on_date':
      return `it was valid until ${problem.facts.validUntil}, before ${problem.facts.on}`;
    case 'consent_issuing_authority_missing':
      return `the issuing authority's ${problem.facts.missing.join(' and ')} ${problem.facts.missing.length > 1 ? 'are' : 'is'} not recorded`;
    case 'consent_document_reference_missing':
      return 'no document reference is recorded';
  }
}

export function describeAlignmentProblem(problem: AlignmentProblem): string {
  switch (problem.code) {
    case 'alignment_start_unknown':
      return 'the project has no start date to compare with the strategy period';
    case 'alignment_period_excludes_start':
      return `its period (${problem.facts.periodFrom} to ${problem.facts.periodTo ?? 'open-ended'}) does not cover the project start on ${problem.facts.projectStart}`;
    case 'alignment_justification_missing':
      return 'no justification is written';
  }
}

export function describeComplianceReason(reason: ComplianceReason): string {
  switch (reason.code) {
    case 'consent_missing':
      return `No consent of ${reason.facts.country} is recorded.`;
    case 'consent_not_requested':
      return `The consent of ${reason.facts.country} has not been requested yet.`;
    case 'consent_requested':
      return `The consent of ${reason.facts.country} was requested${reason.facts.requestedOn ? ` on ${reason.facts.requestedOn}` : ''} and has not been granted yet.`;
    case 'consent_refused':
      return `${reason.facts.country} refused its consent.`;
    case 'consent_withdrawn':
      return `${reason.facts.country} withdrew its consent${reason.facts.withdrawnOn ? ` on ${reason.facts.withdrawnOn}` : ''}.`;
    case 'consent_not_valid':
      return `The consent of ${reason.facts.country} does not count: ${reason.facts.problems.map(describeConsentProblem).join('; ')}.`;
    case 'alignment_missing':
      return `No alignment to a national strategy of ${reason.facts.country} is recorded.`;
    case 'alignment_not_valid':
      return `The alignment of ${reason.facts.country} to "${reason.facts.strategyTitle}" does not count: ${reason.facts.problems.map(describeAlignmentProblem).join('; ')}.`;
    case 'no_recipient_country':
      return 'The project names no recipient country, so no recipient State has consented.';
    case 'project_start_missing':
      return 'The project has no start date, so no strategy period can be shown to cover it.';
  }
}
