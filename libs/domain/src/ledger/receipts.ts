import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import { usdAmountFor } from '../money/exchange';
import type { MoneyString } from '../money/money';
import { centsToMoney, formatMoney, toCents } from '../money/money';
import type { ContributionStatus } from './ledger';

/**
 * Pledges and receipts (DESIGN.md §4.4). A contribution is a pledge: an amount in its currency, a
 * date and a rate. The money that arrives is one or more receipts, each with its own date, amount (in
 * the pledge's currency), rate and USD value. A wrong receipt is corrected by a reversal naming it.
 * The exchange difference of a receipt is its USD value minus what the same amount was worth at the
 * pledge's rate: the Fund's gain (positive) or loss (negative).
 */

export const RECEIPT_KINDS = ['receipt', 'reversal'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** What a receipt may be reserved for: nothing, a funding window, a human-security dimension, a country (ISO3) or a project (id). */
export const EARMARK_KINDS = ['none', 'window', 'dimension', 'country', 'project'] as const;
export type EarmarkKind = (typeof EARMARK_KINDS)[number];

export interface Earmark {
  kind: EarmarkKind;
  /** Null exactly when the kind is none. */
  target: string | null;
}

export interface Receipt {
  id: string;
  contributionId: string;
  kind: ReceiptKind;
  on: IsoDate;
  /** In the pledge's currency; always positive, the kind says which way. */
  amount: MoneyString;
  exchangeRate: string;
  usdAmount: MoneyString;
  reverses: string | null;
  earmark: Earmark;
}

export interface Pledge {
  status: ContributionStatus;
  amount: MoneyString;
  currency: string;
  exchangeRate: string;
  pledgedOn: IsoDate;
}

export interface ReceiptLine extends Receipt {
  /** A receipt reversed since (its reversal's id), else null. */
  reversedBy: string | null;
  /** USD value − amount at the pledge's rate; for a reversal, the opposite of its receipt's. */
  exchangeDifference: MoneyString;
}

export interface PledgeStatement {
  /** Σ receipts − Σ reversals, in the pledge's currency. */
  receivedAmount: MoneyString;
  /** The same in USD, at each receipt's rate: what the Fund's ledger counts as received. */
  receivedUsd: MoneyString;
  /** What the donor has still to pay, in the pledge's currency, never below zero. */
  outstanding: MoneyString;
  /** The outstanding amount at the pledge's rate. */
  outstandingUsd: MoneyString;
  /** Σ exchange differences: the Fund's gain (positive) or loss (negative) on this pledge. */
  exchangeDifference: MoneyString;
  lines: ReceiptLine[];
}

const sign = (r: Pick<Receipt, 'kind'>) => (r.kind === 'receipt' ? 1n : -1n);

/** The receipt's USD value less the same amount at the pledge's rate. */
export function exchangeDifferenceOf(
  pledgeRate: string,
  receipt: Pick<Receipt, 'amount' | 'usdAmount'>,
): MoneyString {
  return centsToMoney(toCents(receipt.usdAmount) - toCents(usdAmountFor(receipt.amount, pledgeRate)));
}

/** A pledge's receipts added up: received, outstanding and the exchange difference. */
export function pledgeStatement(pledge: Pledge, receipts: readonly Receipt[]): PledgeStatement {
  const reversals = new Map(receipts.filter((r) => r.reverses).map((r) => [r.reverses!, r.id]));
  let amount = 0n;
  let usd = 0n;
  let difference = 0n;
  const lines = receipts.map((r) => {
    const line: ReceiptLine = {
      ...r,
      reversedBy: reversals.get(r.id) ?? null,
      exchangeDifference: centsToMoney(sign(r) * toCents(exchangeDifferenceOf(pledge.exchangeRate, r))),
    };
    amount += sign(r) * toCents(r.amount);
    usd += sign(r) * toCents(r.usdAmount);
    difference += toCents(line.exchangeDifference);
    return line;
  });
  const outstanding = toCents(pledge.amount) - amount;
  const left = outstanding > 0n ? centsToMoney(outstanding) : '0.00';
  return {
    receivedAmount: centsToMoney(amount),
    receivedUsd: centsToMoney(usd),
    outstanding: left,
    outstandingUsd: usdAmountFor(left, pledge.exchangeRate),
    exchangeDifference: centsToMoney(difference),
    lines,
  };
}

/** What a contribution adds to the Fund's received figure: its net receipts in USD, nothing once cancelled. */
export function receivedFromReceipts(
  status: ContributionStatus,
  receipts: readonly Pick<Receipt, 'kind' | 'usdAmount'>[],
): MoneyString {
  if (status === 'cancelled') return '0.00';
  return centsToMoney(receipts.reduce((sum, r) => sum + sign(r) * toCents(r.usdAmount), 0n));
}

export type ReceiptProblem =
  | { code: 'receipt_on_cancelled_pledge'; facts: Record<string, never> }
  | { code: 'receipt_amount_not_positive'; facts: { amount: MoneyString } }
  | {
      code: 'receipt_exceeds_outstanding';
      facts: { amount: MoneyString; outstanding: MoneyString; currency: string };
    }
  | { code: 'receipt_before_pledge'; facts: { date: IsoDate; pledgedOn: IsoDate } }
  | { code: 'receipt_in_future'; facts: { date: IsoDate; today: IsoDate } }
  | { code: 'receipt_rate_not_one_for_usd'; facts: { exchangeRate: string } }
  | { code: 'receipt_earmark_incomplete'; facts: { kind: EarmarkKind } }
  | { code: 'receipt_reversal_of_reversal'; facts: { receiptId: string } }
  | { code: 'receipt_already_reversed'; facts: { receiptId: string; reversalId: string } }
  | { code: 'receipt_reversal_before_receipt'; facts: { date: IsoDate; receiptDate: IsoDate } };

export interface ReceiptRequest {
  on: IsoDate;
  amount: MoneyString;
  exchangeRate: string;
  earmark: Earmark;
}

/**
 * Why a receipt may not be recorded against the pledge, or null: the pledge is not cancelled, the
 * amount is positive and at most what is outstanding, the date is between the pledge and today, the
 * rate of a USD pledge is 1, and an earmark names its target.
 */
export function receiptProblem(
  pledge: Pledge,
  statement: Pick<PledgeStatement, 'outstanding'>,
  request: ReceiptRequest,
  today: IsoDate,
): ReceiptProblem | null {
  if (pledge.status === 'cancelled') return { code: 'receipt_on_cancelled_pledge', facts: {} };
  const cents = toCents(request.amount);
  if (cents <= 0n) return { code: 'receipt_amount_not_positive', facts: { amount: centsToMoney(cents) } };
  if (cents > toCents(statement.outstanding)) {
    return {
      code: 'receipt_exceeds_outstanding',
      facts: { amount: centsToMoney(cents), outstanding: statement.outstanding, currency: pledge.currency },
    };
  }
  if (compareIsoDates(request.on, pledge.pledgedOn) < 0) {
    return { code: 'receipt_before_pledge', facts: { date: request.on, pledgedOn: pledge.pledgedOn } };
  }
  if (compareIsoDates(request.on, today) > 0) {
    return { code: 'receipt_in_future', facts: { date: request.on, today } };
  }
  if (pledge.currency === 'USD' && usdAmountFor('1.00', request.exchangeRate) !== '1.00') {
    return { code: 'receipt_rate_not_one_for_usd', facts: { exchangeRate: request.exchangeRate } };
  }
  const target = request.earmark.target?.trim() ?? '';
  if ((request.earmark.kind === 'none') !== (target === '')) {
    return { code: 'receipt_earmark_incomplete', facts: { kind: request.earmark.kind } };
  }
  return null;
}

/**
 * Why a receipt may not be reversed, or null: a reversal names a receipt (never a reversal), once,
 * dated on or after it and no later than today. The balance it takes away is checked by the caller
 * with receivedReductionProblem, under the ledger lock.
 */
export function receiptReversalProblem(
  target: Pick<Receipt, 'id' | 'kind' | 'on'>,
  existingReversal: { id: string } | null,
  on: IsoDate,
  today: IsoDate,
): ReceiptProblem | null {
  if (target.kind === 'reversal')
    return { code: 'receipt_reversal_of_reversal', facts: { receiptId: target.id } };
  if (existingReversal) {
    return {
      code: 'receipt_already_reversed',
      facts: { receiptId: target.id, reversalId: existingReversal.id },
    };
  }
  if (compareIsoDates(on, target.on) < 0) {
    return { code: 'receipt_reversal_before_receipt', facts: { date: on, receiptDate: target.on } };
  }
  if (compareIsoDates(on, today) > 0) return { code: 'receipt_in_future', facts: { date: on, today } };
  return null;
}

/** English wording of a receipt refusal, for the API's problem documents. */
export function describeReceiptProblem(problem: ReceiptProblem): string {
  switch (problem.code) {
    case 'receipt_on_cancelled_pledge':
      return 'The pledge was cancelled: no money can be received against it.';
    case 'receipt_amount_not_positive':
      return `A receipt must be more than zero (it is ${problem.facts.amount}).`;
    case 'receipt_exceeds_outstanding':
      return `A receipt of ${formatMoney(problem.facts.amount, problem.facts.currency)} exceeds what is outstanding on the pledge: ${formatMoney(problem.facts.outstanding, problem.facts.currency)}.`;
    case 'receipt_before_pledge':
      return `Money cannot be received on ${problem.facts.date}, before the pledge (${problem.facts.pledgedOn}).`;
    case 'receipt_in_future':
      return `${problem.facts.date} is after today (${problem.facts.today}); receipts record money that has arrived.`;
    case 'receipt_rate_not_one_for_usd':
      return `The pledge is in US dollars, so the rate must be 1 (it is ${problem.facts.exchangeRate}).`;
    case 'receipt_earmark_incomplete':
      return problem.facts.kind === 'none'
        ? 'An unearmarked receipt names no earmark target.'
        : `An earmark to a ${problem.facts.kind} must name which one.`;
    case 'receipt_reversal_of_reversal':
      return 'A reversal cannot itself be reversed; record the receipt again instead.';
    case 'receipt_already_reversed':
      return `This receipt was already reversed (by ${problem.facts.reversalId}).`;
    case 'receipt_reversal_before_receipt':
      return `A reversal dated ${problem.facts.date} would come before the receipt it reverses (${problem.facts.receiptDate}).`;
  }
}
