import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import type { Stage } from '../lifecycle/stages';
import { isStageIn, TRANSFER_STAGES } from '../lifecycle/stages';
import type { MoneyString } from '../money/money';
import { centsToMoney, formatMoney, toCents } from '../money/money';
import type { MoneyEntry, ProjectMoney } from './ledger';

/**
 * Every check a change of the Fund's money must pass, as pure functions returning `{ code, facts }`
 * (null when the change may go ahead). The API refuses with them; the web explains with them.
 */

export type MoneyProblemCode = MoneyCheckProblem['code'];

export type MoneyCheckProblem =
  | {
      code: 'received_reduction_exceeds_available';
      facts: { available: MoneyString; reduction: MoneyString; shortfall: MoneyString };
    }
  | { code: 'transfer_amount_not_positive'; facts: { amount: MoneyString } }
  | { code: 'transfer_stage_not_fundable'; facts: { stage: Stage; fundable: readonly Stage[] } }
  | { code: 'transfer_without_approved_budget'; facts: { amount: MoneyString } }
  | { code: 'transfer_in_future'; facts: { date: IsoDate; today: IsoDate } }
  | {
      code: 'transfer_exceeds_remaining_budget';
      facts: {
        amount: MoneyString;
        approvedBudget: MoneyString;
        alreadyTransferred: MoneyString;
        remaining: MoneyString;
      };
    }
  | {
      code: 'transfer_exceeds_organization_share';
      facts: {
        organizationId: string;
        amount: MoneyString;
        share: MoneyString;
        alreadyTransferred: MoneyString;
        remaining: MoneyString;
      };
    }
  | { code: 'transfer_without_paragraph_6'; facts: { date: IsoDate; countries: string[] } }
  | { code: 'reversal_target_is_reversal'; facts: { entryId: string } }
  | { code: 'entry_already_reversed'; facts: { entryId: string; reversalId: string } }
  | { code: 'reversal_before_entry'; facts: { date: IsoDate; entryDate: IsoDate } }
  | { code: 'refund_not_positive'; facts: { amount: MoneyString } }
  | {
      code: 'refund_exceeds_transferred';
      facts: {
        organizationId: string;
        amount: MoneyString;
        transferred: MoneyString;
        refunded: MoneyString;
        refundable: MoneyString;
      };
    }
  | { code: 'money_entry_in_future'; facts: { date: IsoDate; today: IsoDate } };

/**
 * A change that lowers what the Fund has received (a cancellation, an un-receipt, a deletion, a lower
 * amount or rate) may take the available balance down to zero, never below: the money is already
 * promised to projects.
 */
export function receivedReductionProblem(
  available: MoneyString,
  receivedBefore: MoneyString,
  receivedAfter: MoneyString,
): MoneyCheckProblem | null {
  const reduction = toCents(receivedBefore) - toCents(receivedAfter);
  if (reduction <= 0n) return null;
  const left = toCents(available) - reduction;
  if (left >= 0n) return null;
  return {
    code: 'received_reduction_exceeds_available',
    facts: {
      available: centsToMoney(toCents(available)),
      reduction: centsToMoney(reduction),
      shortfall: centsToMoney(-left),
    },
  };
}

/** Whether money may be sent to a project in this stage (approved or active). */
export function canReceiveTransfers(stage: Stage): boolean {
  return isStageIn(stage, TRANSFER_STAGES);
}

/**
 * Each participating organization's part of the approved budget: its share of the requested budget,
 * applied pro rata to the approved one, to the cent (largest remainder, so the parts add up to the
 * approved budget exactly; ties go to the organization listed first).
 */
export function organizationCaps(
  approvedBudget: MoneyString,
  shares: readonly { organizationId: string; budgetShare: MoneyString }[],
): Record<string, MoneyString> {
  const approved = toCents(approvedBudget);
  const total = shares.reduce((sum, s) => sum + toCents(s.budgetShare), 0n);
  if (total <= 0n) return Object.fromEntries(shares.map((s) => [s.organizationId, '0.00']));
  const parts = shares.map((s, index) => {
    const product = approved * toCents(s.budgetShare);
    return { id: s.organizationId, index, cents: product / total, remainder: product % total };
  });
  let left = approved - parts.reduce((sum, p) => sum + p.cents, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left <= 0n) break;
    part.cents += 1n;
    left -= 1n;
  }
  return Object.fromEntries(parts.map((p) => [p.id, centsToMoney(p.cents)]));
}

export interface TransferRequestFacts {
  stage: Stage;
  approvedBudget: MoneyString | null;
  shares: readonly { organizationId: string; budgetShare: MoneyString }[];
  money: ProjectMoney;
  organizationId: string;
  amount: MoneyString;
  on: IsoDate;
  today: IsoDate;
  /** Paragraph 6 on the transfer date: the recipient countries where it does not hold. */
  paragraph6: { holds: boolean; failingCountries: string[] };
  /** A justification recorded by staff to send money although paragraph 6 does not hold. */
  override: string | null;
}

/**
 * Why a transfer may not be recorded, or null. In order: a positive amount, a fundable stage, an
 * approved budget, a date no later than today, the organization's part of the approved budget, the
 * approved budget in total, and paragraph 6 on the transfer date unless overridden with a
 * justification.
 */
export function transferProblem(f: TransferRequestFacts): MoneyCheckProblem | null {
  const cents = toCents(f.amount);
  const amount = centsToMoney(cents);
  if (cents <= 0n) return { code: 'transfer_amount_not_positive', facts: { amount } };
  if (!canReceiveTransfers(f.stage)) {
    return { code: 'transfer_stage_not_fundable', facts: { stage: f.stage, fundable: TRANSFER_STAGES } };
  }
  if (f.approvedBudget === null) return { code: 'transfer_without_approved_budget', facts: { amount } };
  if (compareIsoDates(f.on, f.today) > 0) {
    return { code: 'transfer_in_future', facts: { date: f.on, today: f.today } };
  }
  const caps = organizationCaps(f.approvedBudget, f.shares);
  const share = toCents(caps[f.organizationId] ?? '0.00');
  const organization = toCents(f.money.organizations[f.organizationId]?.transferred ?? '0.00');
  if (organization + cents > share) {
    return {
      code: 'transfer_exceeds_organization_share',
      facts: {
        organizationId: f.organizationId,
        amount,
        share: centsToMoney(share),
        alreadyTransferred: centsToMoney(organization),
        remaining: centsToMoney(share - organization > 0n ? share - organization : 0n),
      },
    };
  }
  const approved = toCents(f.approvedBudget);
  const transferred = toCents(f.money.transferred);
  if (transferred + cents > approved) {
    return {
      code: 'transfer_exceeds_remaining_budget',
      facts: {
        amount,
        approvedBudget: centsToMoney(approved),
        alreadyTransferred: centsToMoney(transferred),
        remaining: centsToMoney(approved - transferred > 0n ? approved - transferred : 0n),
      },
    };
  }
  if (!f.paragraph6.holds && !(f.override && f.override.trim().length > 0)) {
    return {
      code: 'transfer_without_paragraph_6',
      facts: { date: f.on, countries: [...f.paragraph6.failingCountries].sort() },
    };
  }
  return null;
}

/**
 * Why an entry may not be reversed, or null. A reversal names a transfer or a refund (never another
 * reversal), once, dated on or after it and no later than today. A reversed refund takes money back
 * out of the available balance, so the caller also checks receivedReductionProblem-style balance
 * with reversalLowersAvailableBy.
 */
export function reversalProblem(
  target: MoneyEntry,
  existingReversal: { id: string } | null,
  on: IsoDate,
  today: IsoDate,
): MoneyCheckProblem | null {
  if (target.kind === 'reversal')
    return { code: 'reversal_target_is_reversal', facts: { entryId: target.id } };
  if (existingReversal) {
    return { code: 'entry_already_reversed', facts: { entryId: target.id, reversalId: existingReversal.id } };
  }
  if (compareIsoDates(on, target.on) < 0) {
    return { code: 'reversal_before_entry', facts: { date: on, entryDate: target.on } };
  }
  if (compareIsoDates(on, today) > 0) return { code: 'money_entry_in_future', facts: { date: on, today } };
  return null;
}

/**
 * How much reversing the entry takes from the available balance: a refund reversed is money the Fund
 * no longer has back; a transfer reversed of a completed or closed project adds to its released
 * balance, and of a running one changes nothing available.
 */
export function reversalLowersAvailableBy(target: MoneyEntry): MoneyString {
  return target.kind === 'refund' ? centsToMoney(toCents(target.amount)) : '0.00';
}

/** A refund returns at most what the organization was sent for the project and has not yet returned. */
export function refundProblem(
  money: ProjectMoney,
  organizationId: string,
  amount: MoneyString,
  on: IsoDate,
  today: IsoDate,
): MoneyCheckProblem | null {
  const cents = toCents(amount);
  if (cents <= 0n) return { code: 'refund_not_positive', facts: { amount: centsToMoney(cents) } };
  if (compareIsoDates(on, today) > 0) return { code: 'money_entry_in_future', facts: { date: on, today } };
  const organization = money.organizations[organizationId] ?? { transferred: '0.00', refunded: '0.00' };
  const refundable = toCents(organization.transferred) - toCents(organization.refunded);
  if (cents > refundable) {
    return {
      code: 'refund_exceeds_transferred',
      facts: {
        organizationId,
        amount: centsToMoney(cents),
        transferred: organization.transferred,
        refunded: organization.refunded,
        refundable: centsToMoney(refundable > 0n ? refundable : 0n),
      },
    };
  }
  return null;
}

/** English wording of a money refusal, for the API's problem documents. */
export function describeMoneyCheckProblem(problem: MoneyCheckProblem): string {
  switch (problem.code) {
    case 'received_reduction_exceeds_available':
      return `This change lowers what the Fund has received by ${formatMoney(problem.facts.reduction)}, but only ${formatMoney(problem.facts.available)} is available: the rest is committed to approved projects (short by ${formatMoney(problem.facts.shortfall)}).`;
    case 'transfer_amount_not_positive':
      return `A transfer must be more than zero (it is ${formatMoney(problem.facts.amount)}).`;
    case 'transfer_stage_not_fundable':
      return `The project is ${problem.facts.stage}; transfers go only to projects that are ${problem.facts.fundable.join(' or ')}.`;
    case 'transfer_without_approved_budget':
      return 'The project has no approved budget, so nothing can be transferred to it.';
    case 'transfer_in_future':
      return `A transfer is dated when the money moved: ${problem.facts.date} is after today (${problem.facts.today}).`;
    case 'transfer_exceeds_remaining_budget':
      return `A transfer of ${formatMoney(problem.facts.amount)} exceeds what remains of the approved budget: ${formatMoney(problem.facts.remaining)} (${formatMoney(problem.facts.approvedBudget)} approved, ${formatMoney(problem.facts.alreadyTransferred)} already transferred).`;
    case 'transfer_exceeds_organization_share':
      return `A transfer of ${formatMoney(problem.facts.amount)} exceeds what remains of this organization's share of the approved budget: ${formatMoney(problem.facts.remaining)} (share ${formatMoney(problem.facts.share)}, ${formatMoney(problem.facts.alreadyTransferred)} already transferred).`;
    case 'transfer_without_paragraph_6':
      return `Paragraph 6 of resolution 66/290 does not hold on ${problem.facts.date} for ${problem.facts.countries.join(', ')}: consent of the recipient State and alignment with its national strategies are required. Record an override with a justification to transfer anyway.`;
    case 'reversal_target_is_reversal':
      return 'A reversal cannot itself be reversed; record the original entry again instead.';
    case 'entry_already_reversed':
      return `This entry was already reversed (by ${problem.facts.reversalId}).`;
    case 'reversal_before_entry':
      return `A reversal dated ${problem.facts.date} would come before the entry it reverses (${problem.facts.entryDate}).`;
    case 'refund_not_positive':
      return `A refund must be more than zero (it is ${formatMoney(problem.facts.amount)}).`;
    case 'refund_exceeds_transferred':
      return `A refund of ${formatMoney(problem.facts.amount)} exceeds what the organization can return: ${formatMoney(problem.facts.refundable)} (${formatMoney(problem.facts.transferred)} transferred, ${formatMoney(problem.facts.refunded)} already refunded).`;
    case 'money_entry_in_future':
      return `${problem.facts.date} is after today (${problem.facts.today}); money entries record what has happened.`;
  }
}
