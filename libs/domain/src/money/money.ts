/**
 * USD amounts as decimal strings ("1234.50"), the way numeric(18,2) travels through JSON and pg.
 * Arithmetic happens on bigint cents: a JS float cannot hold 0.10 exactly, and the Fund's ledger must
 * balance to the cent.
 */
export type MoneyString = string;

/** numeric(18,2): 18 significant digits, 2 of them after the point. */
export const MONEY_MAX_INTEGER_DIGITS = 16;
export const MONEY_MAX_DECIMALS = 2;

export type MoneyProblem =
  | { code: 'money_not_a_string'; facts: { receivedType: string } }
  | { code: 'money_malformed'; facts: { value: string } }
  | { code: 'money_exponent_notation'; facts: { value: string } }
  | { code: 'money_too_many_decimals'; facts: { value: string; decimals: number; maxDecimals: number } }
  | { code: 'money_negative_not_allowed'; facts: { value: string } }
  | { code: 'money_too_many_integer_digits'; facts: { value: string; digits: number; maxDigits: number } };

export type ParsedMoney =
  { ok: true; cents: bigint; amount: MoneyString } | { ok: false; problem: MoneyProblem };

export interface ParseMoneyOptions {
  /** Contributions, budgets and transfers are never negative; only adjustments may be. */
  allowNegative?: boolean;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Strict parse of user input. A JS number is refused outright: by the time it arrives it may already
 * have lost a cent, so the client must send the string it was given.
 */
export function parseMoney(value: unknown, options: ParseMoneyOptions = {}): ParsedMoney {
  if (typeof value !== 'string') {
    return { ok: false, problem: { code: 'money_not_a_string', facts: { receivedType: typeof value } } };
  }
  if (/[eE]/.test(value))
    return { ok: false, problem: { code: 'money_exponent_notation', facts: { value } } };
  const match = DECIMAL.exec(value);
  if (!match) return { ok: false, problem: { code: 'money_malformed', facts: { value } } };
  const [, minus, integerPart = '', fraction = ''] = match;
  if (fraction.length > MONEY_MAX_DECIMALS) {
    return {
      ok: false,
      problem: {
        code: 'money_too_many_decimals',
        facts: { value, decimals: fraction.length, maxDecimals: MONEY_MAX_DECIMALS },
      },
    };
  }
  const digits = integerPart.replace(/^0+(?=\d)/, '').length;
  if (digits > MONEY_MAX_INTEGER_DIGITS) {
    return {
      ok: false,
      problem: {
        code: 'money_too_many_integer_digits',
        facts: { value, digits, maxDigits: MONEY_MAX_INTEGER_DIGITS },
      },
    };
  }
  const magnitude = BigInt(integerPart) * 100n + BigInt(fraction.padEnd(MONEY_MAX_DECIMALS, '0'));
  const cents = minus ? -magnitude : magnitude;
  if (cents < 0n && !options.allowNegative) {
    return { ok: false, problem: { code: 'money_negative_not_allowed', facts: { value } } };
  }
  return { ok: true, cents, amount: centsToMoney(cents) };
}

/**
 * Cents of an amount that is already trusted (read from the database or produced by this module).
 * Malformed input is a programming error here, so it throws instead of returning a problem.
 */
export function toCents(amount: MoneyString): bigint {
  const parsed = parseMoney(amount, { allowNegative: true });
  if (!parsed.ok) throw new RangeError(describeMoneyProblem(parsed.problem));
  return parsed.cents;
}

/** The canonical decimal string: always two decimals, no grouping, a leading minus when negative. */
export function centsToMoney(cents: bigint): MoneyString {
  const magnitude = cents < 0n ? -cents : cents;
  const whole = magnitude / 100n;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${cents < 0n ? '-' : ''}${whole.toString()}.${fraction}`;
}

export function addMoney(a: MoneyString, b: MoneyString): MoneyString {
  return centsToMoney(toCents(a) + toCents(b));
}

export function subtractMoney(a: MoneyString, b: MoneyString): MoneyString {
  return centsToMoney(toCents(a) - toCents(b));
}

export function sumMoney(amounts: Iterable<MoneyString>): MoneyString {
  let total = 0n;
  for (const amount of amounts) total += toCents(amount);
  return centsToMoney(total);
}

export function compareMoney(a: MoneyString, b: MoneyString): -1 | 0 | 1 {
  const difference = toCents(a) - toCents(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * English display form, "USD 1,234,567.50". The web formats for the reader's locale instead; this is
 * for sentences the domain writes (reasons, alerts) and for logs.
 */
export function formatMoney(amount: MoneyString, currency = 'USD'): string {
  const canonical = centsToMoney(toCents(amount));
  const negative = canonical.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? canonical.slice(1) : canonical).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${currency} ${grouped}.${fraction}`;
}

export function describeMoneyProblem(problem: MoneyProblem): string {
  switch (problem.code) {
    case 'money_not_a_string':
      return `An amount must be sent as a decimal string such as "1234.50", not as a ${problem.facts.receivedType}.`;
    case 'money_malformed':
      return `"${problem.facts.value}" is not an amount; write digits with an optional point and up to two decimals, such as "1234.50".`;
    case 'money_exponent_notation':
      return `"${problem.facts.value}" uses exponent notation; write the amount in full digits.`;
    case 'money_too_many_decimals':
      return `"${problem.facts.value}" has ${problem.facts.decimals} decimals; amounts are kept to the cent (at most ${problem.facts.maxDecimals}).`;
    case 'money_negative_not_allowed':
      return `"${problem.facts.value}" is negative; this amount must be zero or more.`;
    case 'money_too_many_integer_digits':
      return `"${problem.facts.value}" has ${problem.facts.digits} digits before the point; at most ${problem.facts.maxDigits} are allowed.`;
  }
}
