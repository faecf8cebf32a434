/**
 * Contributions in other currencies: the rate is US dollars per unit of the currency, kept with 8
 * decimals (numeric(18,8)), and usdAmount = amount × rate, rounded to the cent, half up — exactly,
 * on integers, never a float.
 */
export const EXCHANGE_RATE_DECIMALS = 8;

/** "1250.5" with 2 decimals → 125050n. */
export function toScaled(value: string, decimals: number): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(`${whole}${fraction.padEnd(decimals, '0')}`);
}

/** 125050n with 2 decimals → "1250.50". */
export function fromScaled(value: bigint, decimals: number): string {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(decimals + 1, '0');
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** amount × rate, rounded to the cent, half up (amounts and rates are positive). */
export function usdAmountFor(amount: string, exchangeRate: string): string {
  const unit = 10n ** BigInt(EXCHANGE_RATE_DECIMALS);
  const product = toScaled(amount, 2) * toScaled(exchangeRate, EXCHANGE_RATE_DECIMALS);
  return fromScaled((product + unit / 2n) / unit, 2);
}
