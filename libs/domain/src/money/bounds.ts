import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { centsToMoney, formatMoney, parseMoney, type MoneyString } from './money';

/**
 * The largest US-dollar amount a single budget, share, receipt or transfer may hold. The Fund's
 * whole history is a few hundred million dollars; ten billion leaves room for any real record while
 * keeping every sum of them far inside numeric(18,2), whatever PostgreSQL adds up.
 */
export const MAX_PLAUSIBLE_USD: MoneyString = '10000000000.00';

/** The Trust Fund for Human Security was established in 1999: no money moved through it before. */
export const FUND_FOUNDING_YEAR = 1999;
export const FUND_FIRST_DAY: IsoDate = `${FUND_FOUNDING_YEAR}-01-01`;

export type AmountBoundProblem = {
  code: 'amount_above_plausible_bound';
  facts: { value: MoneyString; max: MoneyString };
};

export type MoneyEventDateProblem =
  | { code: 'money_event_before_fund'; facts: { date: IsoDate; earliest: IsoDate } }
  | { code: 'money_event_in_future'; facts: { date: IsoDate; today: IsoDate } };

/** Null when the amount is within the bound; amounts that do not parse are another check's business. */
export function checkPlausibleAmount(
  amount: MoneyString,
  max: MoneyString = MAX_PLAUSIBLE_USD,
): AmountBoundProblem | null {
  const value = parseMoney(amount, { allowNegative: true });
  const bound = parseMoney(max);
  if (!value.ok || !bound.ok) return null;
  const magnitude = value.cents < 0n ? -value.cents : value.cents;
  return magnitude > bound.cents
    ? { code: 'amount_above_plausible_bound', facts: { value: centsToMoney(value.cents), max: bound.amount } }
    : null;
}

/**
 * Money events (a receipt, a pledge, a transfer) happen between the Fund's founding and today: an
 * earlier date is a typing slip, a later one a plan, which is not a record of money that moved.
 */
export function checkMoneyEventDate(date: IsoDate, today: IsoDate): MoneyEventDateProblem | null {
  if (!isIsoDate(date)) return null;
  if (compareIsoDates(date, FUND_FIRST_DAY) < 0) {
    return { code: 'money_event_before_fund', facts: { date, earliest: FUND_FIRST_DAY } };
  }
  if (compareIsoDates(date, today) > 0) {
    return { code: 'money_event_in_future', facts: { date, today } };
  }
  return null;
}

export function describeBoundProblem(problem: AmountBoundProblem | MoneyEventDateProblem): string {
  switch (problem.code) {
    case 'amount_above_plausible_bound':
      return `must be at most ${problem.facts.max} (${formatMoney(problem.facts.max)})`;
    case 'money_event_before_fund':
      return `must not be before ${problem.facts.earliest}: the Fund was established in ${FUND_FOUNDING_YEAR}`;
    case 'money_event_in_future':
      return `must not be after today (${problem.facts.today})`;
  }
}
