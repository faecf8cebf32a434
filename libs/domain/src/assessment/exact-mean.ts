/**
 * Means kept as exact fractions. A mean of 2.5 must pass a 2.5 threshold; 7/3 + 8/3 + ... in floats
 * can land a hair under it. Comparisons cross-multiply integers, so no rounding happens before a
 * decision; rounding happens only to show a number to a person.
 */
export interface ExactMean {
  numerator: number;
  denominator: number;
  /** Rounded half away from zero to two decimals, for display only: never compare this. */
  decimal: string;
}

export interface Fraction {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('A mean over zero items does not exist.');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const difference = a.num * b.den - b.num * a.den;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function toFixed2(value: Fraction): string {
  const negative = value.num < 0n;
  const magnitude = negative ? -value.num : value.num;
  const hundredths = (magnitude * 200n + value.den) / (2n * value.den);
  const text = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
  return negative && hundredths !== 0n ? `-${text}` : text;
}

export function toExactMean(value: Fraction): ExactMean {
  return { numerator: Number(value.num), denominator: Number(value.den), decimal: toFixed2(value) };
}

/**
 * A configured threshold such as 2.5 or 2, read through its shortest decimal spelling so that 2.5 is
 * exactly 5/2. More than two decimals is refused: 0.1 + 0.2 as a threshold is a configuration bug.
 */
export function thresholdFraction(value: number): Fraction {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match)
    throw new RangeError(`A threshold must be a non-negative number with at most two decimals: ${text}`);
  const decimals = match[2] ?? '';
  return fraction(BigInt(`${match[1] ?? '0'}${decimals}`), 10n ** BigInt(decimals.length));
}
