import { CONTRIBUTION_STATUSES, EXCHANGE_RATE_DECIMALS, toScaled, usdAmountFor } from '@hstf/domain';
import type { ContributionStatus } from '@hstf/domain';
import type { FieldError } from '../common/problem-details/problem';

/**
 * The rules a contribution's fields must satisfy together. Pure: the service applies them to the
 * request (create) or to the record as it would be after the change (update).
 */

export { CONTRIBUTION_STATUSES };
export type { ContributionStatus };

/**
 * ISO 4217 codes as the runtime's ICU knows them (`Intl.supportedValuesOf('currency')`, Node ≥ 18):
 * the currencies in use, without the funds and precious-metal codes nobody contributes in.
 */
export const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export interface ContributionFigures {
  currency: string;
  /** Decimal strings, already valid in shape (two decimals for money, eight for the rate). */
  amount: string;
  usdAmount: string;
  exchangeRate: string;
  status: ContributionStatus;
  pledgedOn: string;
  receivedOn: string | null;
}

const RATE_DECIMALS = EXCHANGE_RATE_DECIMALS;

/**
 * `checkConversion: false` skips the USD conversion rule: an update that leaves amount, currency,
 * rate and USD amount alone (a new reference, a receipt date) is not refused for figures recorded
 * before, e.g. imported with another rate convention.
 */
export function contributionProblems(
  c: ContributionFigures,
  options: { checkConversion: boolean } = { checkConversion: true },
): FieldError[] {
  const errors: FieldError[] = options.checkConversion ? conversionProblems(c) : [];
  if (c.status === 'received' && c.receivedOn === null) {
    errors.push({ field: 'receivedOn', message: 'is required when the status is received' });
  }
  if (c.status !== 'received' && c.receivedOn !== null) {
    errors.push({
      field: 'receivedOn',
      message: `must be empty unless the status is received (it is ${c.status})`,
    });
  }
  // ISO dates compare correctly as strings.
  if (c.receivedOn !== null && c.receivedOn < c.pledgedOn) {
    errors.push({ field: 'receivedOn', message: `must be on or after pledgedOn (${c.pledgedOn})` });
  }
  return errors;
}

/** For USD the rate is 1; otherwise usdAmount is amount × exchangeRate, rounded half up to the cent. */
function conversionProblems(c: ContributionFigures): FieldError[] {
  const rateIsOne = toScaled(c.exchangeRate, RATE_DECIMALS) === 10n ** BigInt(RATE_DECIMALS);
  if (c.currency === 'USD' && !rateIsOne) {
    return [{ field: 'exchangeRate', message: 'must be 1 for a contribution in USD' }];
  }
  return usdAmountProblems(c);
}

function usdAmountProblems(c: ContributionFigures): FieldError[] {
  const expected = usdAmountFor(c.amount, c.exchangeRate);
  if (toScaled(c.usdAmount, 2) === toScaled(expected, 2)) return [];
  return [
    {
      field: 'usdAmount',
      message:
        `must equal amount × exchangeRate rounded to the cent (half up): ` +
        `${c.amount} × ${c.exchangeRate} gives "${expected}", not "${c.usdAmount}"`,
    },
  ];
}
