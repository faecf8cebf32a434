import { EXCHANGE_RATE_DECIMALS, parseMoney, toScaled } from '@hstf/domain';

// The API's rule, usdAmount = amount × rate rounded half up, is libs/domain's.
export { usdAmountFor } from '@hstf/domain';

/** Rates are numeric(18,8): up to 10 digits before the point, 8 after (US dollars per unit). */
export const RATE_DECIMALS = EXCHANGE_RATE_DECIMALS;
export const RATE_INTEGER_DIGITS = 10;

export type AmountProblem = 'required' | 'malformed' | 'decimals' | 'zero' | 'tooLarge';

/** An amount in the contribution's currency: more than zero, at most two decimals (libs/domain parseMoney). */
export function amountProblem(value: string): AmountProblem | null {
  if (!value) return 'required';
  const parsed = parseMoney(value);
  if (!parsed.ok) {
    switch (parsed.problem.code) {
      case 'money_too_many_decimals':
        return 'decimals';
      case 'money_too_many_integer_digits':
        return 'tooLarge';
      default:
        return 'malformed';
    }
  }
  return parsed.cents > 0n ? null : 'zero';
}

export type RateProblem = 'required' | 'malformed' | 'decimals' | 'zero' | 'tooLarge' | 'usdNotOne';

export function rateProblem(value: string, currency: string | null): RateProblem | null {
  if (!value) return 'required';
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return 'malformed';
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > RATE_DECIMALS) return 'decimals';
  if (whole.replace(/^0+(?=\d)/, '').length > RATE_INTEGER_DIGITS) return 'tooLarge';
  const scaled = toScaled(value, RATE_DECIMALS);
  if (scaled === 0n) return 'zero';
  if (currency === 'USD' && scaled !== 10n ** BigInt(RATE_DECIMALS)) return 'usdNotOne';
  return null;
}

/** Whether two decimal strings name the same number at this scale ("0.007125" and "0.00712500"). */
export function sameDecimal(a: string, b: string, decimals: number): boolean {
  try {
    return toScaled(a, decimals) === toScaled(b, decimals);
  } catch {
    return a === b;
  }
}
