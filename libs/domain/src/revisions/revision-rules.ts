import type { IsoDate } from '../calendar/iso-date';
import { compareIsoDates } from '../calendar/iso-date';
import { evaluateConsentRecord, type ConsentRecordInput } from '../compliance/paragraph-6';
import type { Stage } from '../lifecycle/stages';
import { isStageIn } from '../lifecycle/stages';
import { organizationCaps } from '../ledger/money-checks';
import type { MoneyString } from '../money/money';
import { centsToMoney, formatMoney, toCents } from '../money/money';

/**
 * After approval the approved budget and the end date change only through a request decided by
 * someone other than the staff member who asked (DESIGN.md §4.3): a budget revision (a raise, a cut,
 * or money moved between the participating organizations) or a no-cost extension (a later end date).
 * These rules decide whether a request may be made and whether it may be approved; the API applies
 * them at both moments, the second time under the Fund's ledger lock.
 */

export const REVISION_KINDS = ['budget', 'extension'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export const REVISION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const REVISION_DECISIONS = ['approve', 'reject'] as const;
export type RevisionDecision = (typeof REVISION_DECISIONS)[number];

/** Stages whose approved budget and end date are held by decisions: approved and running projects. */
export const REVISABLE_STAGES = ['approved', 'active'] as const satisfies readonly Stage[];

export interface BudgetShare {
  organizationId: string;
  /** The organization's share of the requested budget, as the project records it. */
  budgetShare: MoneyString;
}

export type RevisionProblem =
  | { code: 'revision_stage_not_revisable'; facts: { stage: Stage; revisable: readonly Stage[] } }
  | { code: 'revision_decided_already'; facts: { status: RevisionStatus } }
  | { code: 'revision_decider_is_requester'; facts: { requestedBy: string } }
  | {
      code: 'revision_outdated';
      facts: { field: 'approvedBudget' | 'endDate'; requestedFrom: string | null; now: string | null };
    }
  | { code: 'budget_revision_changes_nothing'; facts: Record<string, never> }
  | {
      code: 'budget_revision_organizations_differ';
      facts: { missing: string[]; unknown: string[]; duplicated: string[] };
    }
  | {
      code: 'budget_revision_shares_do_not_sum';
      facts: { sharesTotal: MoneyString; requestedBudget: MoneyString };
    }
  | {
      code: 'budget_revision_below_transferred';
      facts: { organizationId: string; part: MoneyString; transferred: MoneyString };
    }
  | {
      code: 'budget_revision_raise_exceeds_available';
      facts: { increase: MoneyString; available: MoneyString; shortfall: MoneyString };
    }
  | { code: 'end_date_unchanged'; facts: { endDate: IsoDate } }
  | { code: 'end_date_not_after_start'; facts: { startDate: IsoDate; newEndDate: IsoDate } }
  | { code: 'end_date_before_transfer'; facts: { newEndDate: IsoDate; lastTransferOn: IsoDate } }
  | { code: 'end_date_before_accepted_report'; facts: { newEndDate: IsoDate; periodEnd: IsoDate } }
  | {
      code: 'extension_consent_not_valid_through';
      facts: { newEndDate: IsoDate; countries: { country: string; validUntil: IsoDate | null }[] };
    };

export type RevisionProblemCode = RevisionProblem['code'];

export function canRevise(stage: Stage): boolean {
  return isStageIn(stage, REVISABLE_STAGES);
}

export interface BudgetRevisionFacts {
  stage: Stage;
  requestedBudget: MoneyString;
  approvedBudget: MoneyString;
  shares: readonly BudgetShare[];
  /** Per organization: what it was sent minus what it returned (transfers and refunds net of reversals). */
  transferredNet: Readonly<Record<string, MoneyString>>;
  /** The Fund's available balance now (received − committed + released). */
  available: MoneyString;
  proposal: { approvedBudget: MoneyString; shares: readonly BudgetShare[] };
}

/**
 * Every reason a budget revision may not go ahead, in order: the stage; the same organizations (a
 * revision moves money between the participants, it does not add or remove one); shares that still
 * add up to the requested budget; a change at all; no organization's part of the revised budget below
 * what it already holds; and a raise no larger than the Fund's available balance.
 */
export function budgetRevisionProblems(f: BudgetRevisionFacts): RevisionProblem[] {
  if (!canRevise(f.stage)) {
    return [{ code: 'revision_stage_not_revisable', facts: { stage: f.stage, revisable: REVISABLE_STAGES } }];
  }
  const current = new Set(f.shares.map((s) => s.organizationId));
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const share of f.proposal.shares) {
    if (seen.has(share.organizationId)) duplicated.add(share.organizationId);
    seen.add(share.organizationId);
  }
  const missing = [...current].filter((id) => !seen.has(id));
  const unknown = [...seen].filter((id) => !current.has(id));
  if (missing.length || unknown.length || duplicated.size) {
    return [
      {
        code: 'budget_revision_organizations_differ',
        facts: { missing: missing.sort(), unknown: unknown.sort(), duplicated: [...duplicated].sort() },
      },
    ];
  }
  const total = f.proposal.shares.reduce((sum, s) => sum + toCents(s.budgetShare), 0n);
  if (total !== toCents(f.requestedBudget)) {
    return [
      {
        code: 'budget_revision_shares_do_not_sum',
        facts: {
          sharesTotal: centsToMoney(total),
          requestedBudget: centsToMoney(toCents(f.requestedBudget)),
        },
      },
    ];
  }
  const shareOf = new Map(f.shares.map((s) => [s.organizationId, toCents(s.budgetShare)]));
  const sameShares = f.proposal.shares.every((s) => shareOf.get(s.organizationId) === toCents(s.budgetShare));
  if (sameShares && toCents(f.proposal.approvedBudget) === toCents(f.approvedBudget)) {
    return [{ code: 'budget_revision_changes_nothing', facts: {} }];
  }
  const problems: RevisionProblem[] = [];
  const parts = organizationCaps(f.proposal.approvedBudget, f.proposal.shares);
  for (const share of f.proposal.shares) {
    const part = toCents(parts[share.organizationId] ?? '0.00');
    const transferred = toCents(f.transferredNet[share.organizationId] ?? '0.00');
    if (part < transferred) {
      problems.push({
        code: 'budget_revision_below_transferred',
        facts: {
          organizationId: share.organizationId,
          part: centsToMoney(part),
          transferred: centsToMoney(transferred),
        },
      });
    }
  }
  const increase = toCents(f.proposal.approvedBudget) - toCents(f.approvedBudget);
  const available = toCents(f.available);
  if (increase > available) {
    problems.push({
      code: 'budget_revision_raise_exceeds_available',
      facts: {
        increase: centsToMoney(increase),
        available: centsToMoney(available),
        shortfall: centsToMoney(increase - available),
      },
    });
  }
  return problems;
}

export interface ExtensionFacts {
  stage: Stage;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  newEndDate: IsoDate;
  /** The date of the project's latest transfer, if any: money sent stays inside the project's dates. */
  lastTransferOn: IsoDate | null;
  /** The latest period end an accepted report covers, if any: what was reported on stays inside too. */
  lastAcceptedPeriodEnd: IsoDate | null;
  recipientCountries: readonly string[];
  consents: readonly ConsentRecordInput[];
  today: IsoDate;
}

/**
 * Every reason an end-date revision may not go ahead: the stage; a date other than the current end.
 * A later end (a no-cost extension) needs paragraph 6 through it: in every recipient country a
 * consent that holds today must still hold on the new end date (valid until then, not withdrawn);
 * the refusal names each country where none does, with the validity of its consent. An earlier end
 * (the project shortened) stays after the start, on or after the latest transfer, and on or after
 * the end of every period an accepted report covers.
 */
export function extensionProblems(f: ExtensionFacts): RevisionProblem[] {
  if (!canRevise(f.stage)) {
    return [{ code: 'revision_stage_not_revisable', facts: { stage: f.stage, revisable: REVISABLE_STAGES } }];
  }
  if (f.endDate !== null && f.newEndDate === f.endDate) {
    return [{ code: 'end_date_unchanged', facts: { endDate: f.endDate } }];
  }
  if (f.endDate !== null && compareIsoDates(f.newEndDate, f.endDate) < 0) return shorteningProblems(f);
  const failing: { country: string; validUntil: IsoDate | null }[] = [];
  for (const country of [...f.recipientCountries].sort()) {
    const records = f.consents.filter((c) => c.country === country);
    const holdsNow = records.filter((r) => evaluateConsentRecord(r, f.today)?.counts === true);
    const holdsThrough = holdsNow.some((r) => evaluateConsentRecord(r, f.newEndDate)?.counts === true);
    if (!holdsThrough) {
      const validities = holdsNow.map((r) => r.validUntil).filter((d): d is IsoDate => d !== null);
      failing.push({ country, validUntil: validities.sort().at(-1) ?? null });
    }
  }
  if (failing.length) {
    return [
      {
        code: 'extension_consent_not_valid_through',
        facts: { newEndDate: f.newEndDate, countries: failing },
      },
    ];
  }
  return [];
}

function shorteningProblems(f: ExtensionFacts): RevisionProblem[] {
  const problems: RevisionProblem[] = [];
  if (f.startDate !== null && compareIsoDates(f.newEndDate, f.startDate) <= 0) {
    problems.push({
      code: 'end_date_not_after_start',
      facts: { startDate: f.startDate, newEndDate: f.newEndDate },
    });
  }
  if (f.lastTransferOn !== null && compareIsoDates(f.newEndDate, f.lastTransferOn) < 0) {
    problems.push({
      code: 'end_date_before_transfer',
      facts: { newEndDate: f.newEndDate, lastTransferOn: f.lastTransferOn },
    });
  }
  if (f.lastAcceptedPeriodEnd !== null && compareIsoDates(f.newEndDate, f.lastAcceptedPeriodEnd) < 0) {
    problems.push({
      code: 'end_date_before_accepted_report',
      facts: { newEndDate: f.newEndDate, periodEnd: f.lastAcceptedPeriodEnd },
    });
  }
  return problems;
}

export interface DecisionFacts {
  status: RevisionStatus;
  requestedBy: string;
  decidedBy: string;
}

/**
 * Four eyes: a pending request is decided once, by someone other than the staff member who made it.
 */
export function decisionProblem(f: DecisionFacts): RevisionProblem | null {
  if (f.status !== 'pending') return { code: 'revision_decided_already', facts: { status: f.status } };
  if (f.requestedBy === f.decidedBy) {
    return { code: 'revision_decider_is_requester', facts: { requestedBy: f.requestedBy } };
  }
  return null;
}

/** English wording of a refusal, for the API's problem documents. */
export function describeRevisionProblem(problem: RevisionProblem): string {
  switch (problem.code) {
    case 'revision_stage_not_revisable':
      return `The project is ${problem.facts.stage}; budget revisions and extensions are requested for projects that are ${problem.facts.revisable.join(' or ')}.`;
    case 'revision_decided_already':
      return `This request was already ${problem.facts.status}; a request is decided once.`;
    case 'revision_decider_is_requester':
      return 'Four eyes: the staff member who made the request cannot decide it. Another staff member decides.';
    case 'revision_outdated':
      return `The project's ${problem.facts.field === 'approvedBudget' ? 'approved budget' : 'end date'} changed since this request was made (from ${problem.facts.requestedFrom ?? 'none'} to ${problem.facts.now ?? 'none'}): reject it and request again from the current figures.`;
    case 'budget_revision_changes_nothing':
      return 'The revision changes neither the approved budget nor any organization’s share.';
    case 'budget_revision_organizations_differ': {
      const parts = [
        problem.facts.missing.length ? `missing ${problem.facts.missing.join(', ')}` : '',
        problem.facts.unknown.length ? `not participating: ${problem.facts.unknown.join(', ')}` : '',
        problem.facts.duplicated.length ? `listed twice: ${problem.facts.duplicated.join(', ')}` : '',
      ].filter(Boolean);
      return `A revision gives a share to each participating organization once (${parts.join('; ')}).`;
    }
    case 'budget_revision_shares_do_not_sum':
      return `The shares sum to ${formatMoney(problem.facts.sharesTotal)}, not to the requested budget of ${formatMoney(problem.facts.requestedBudget)}.`;
    case 'budget_revision_below_transferred':
      return `Organization ${problem.facts.organizationId} would hold ${formatMoney(problem.facts.part)} of the revised budget, less than the ${formatMoney(problem.facts.transferred)} it was already sent.`;
    case 'budget_revision_raise_exceeds_available':
      return `The raise of ${formatMoney(problem.facts.increase)} exceeds the Fund's available balance of ${formatMoney(problem.facts.available)} by ${formatMoney(problem.facts.shortfall)}.`;
    case 'end_date_unchanged':
      return `The project already ends on ${problem.facts.endDate}: give another end date.`;
    case 'end_date_not_after_start':
      return `The new end date (${problem.facts.newEndDate}) must be after the project's start (${problem.facts.startDate}).`;
    case 'end_date_before_transfer':
      return `The new end date (${problem.facts.newEndDate}) is before the latest transfer, made on ${problem.facts.lastTransferOn}.`;
    case 'end_date_before_accepted_report':
      return `The new end date (${problem.facts.newEndDate}) is before the end of a period an accepted report covers (${problem.facts.periodEnd}).`;
    case 'extension_consent_not_valid_through':
      return `Paragraph 6 of resolution 66/290 must hold through the new end date (${problem.facts.newEndDate}): the consent of ${problem.facts.countries
        .map((c) =>
          c.validUntil ? `${c.country} is valid until ${c.validUntil}` : `${c.country} does not hold`,
        )
        .join('; ')}.`;
  }
}
