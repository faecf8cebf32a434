import {
  addMoney,
  centsToMoney,
  compareMoney,
  describeMoneyProblem,
  formatMoney,
  parseMoney,
  subtractMoney,
  sumMoney,
  toCents,
} from './money';

function problemCode(value: unknown, allowNegative = false): string | null {
  const parsed = parseMoney(value, { allowNegative });
  return parsed.ok ? null : parsed.problem.code;
}

describe('money', () => {
  it('parses decimal strings with up to two decimals into exact cents', () => {
    expect(parseMoney('1234.50')).toEqual({ ok: true, cents: 123450n, amount: '1234.50' });
    expect(parseMoney('7')).toEqual({ ok: true, cents: 700n, amount: '7.00' });
    expect(parseMoney('0.1')).toEqual({ ok: true, cents: 10n, amount: '0.10' });
    expect(parseMoney('0.00')).toEqual({ ok: true, cents: 0n, amount: '0.00' });
  });

  it('refuses a third decimal instead of rounding it away ("1.005")', () => {
    expect(problemCode('1.005')).toBe('money_too_many_decimals');
  });

  it('refuses exponent notation ("1e3")', () => {
    expect(problemCode('1e3')).toBe('money_exponent_notation');
    expect(problemCode('1E3')).toBe('money_exponent_notation');
  });

  it('refuses a negative amount unless negatives are allowed ("-5")', () => {
    expect(problemCode('-5')).toBe('money_negative_not_allowed');
    expect(parseMoney('-5', { allowNegative: true })).toEqual({ ok: true, cents: -500n, amount: '-5.00' });
  });

  it('treats minus zero as zero, which is not negative', () => {
    expect(parseMoney('-0.00')).toEqual({ ok: true, cents: 0n, amount: '0.00' });
  });

  it('refuses a JS number, even a harmless-looking one', () => {
    expect(problemCode(1234.5)).toBe('money_not_a_string');
  });

  it('refuses anything that is not plain digits with an optional point', () => {
    for (const value of [
      '',
      ' 1.00',
      '1.00 ',
      '1,000.00',
      '.5',
      '5.',
      '+5',
      'USD 5',
      '0x10',
      'NaN',
      'Infinity',
    ]) {
      expect(problemCode(value)).toBe('money_malformed');
    }
  });

  it('accepts sixteen integer digits (numeric(18,2)) and refuses seventeen', () => {
    expect(parseMoney('9999999999999999.99')).toEqual({
      ok: true,
      cents: 999999999999999999n,
      amount: '9999999999999999.99',
    });
    expect(problemCode('10000000000000000.00')).toBe('money_too_many_integer_digits');
  });

  it('does not count leading zeros as integer digits', () => {
    expect(problemCode('00000000000000001.00')).toBeNull();
  });

  it('adds 0.1 and 0.2 to exactly "0.30"', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(sumMoney(['0.1', '0.2'])).toBe('0.30');
  });

  it('sums ten thousand cents to exactly one hundred dollars', () => {
    expect(sumMoney(Array.from({ length: 10_000 }, () => '0.01'))).toBe('100.00');
    expect(sumMoney([])).toBe('0.00');
  });

  it('subtracts across zero and keeps the sign', () => {
    expect(subtractMoney('100.00', '100.01')).toBe('-0.01');
    expect(subtractMoney('100.01', '0.01')).toBe('100.00');
  });

  it('compares by value, not by spelling', () => {
    expect(compareMoney('5', '5.00')).toBe(0);
    expect(compareMoney('5.00', '5.01')).toBe(-1);
    expect(compareMoney('10.00', '9.99')).toBe(1);
  });

  it('keeps amounts beyond the float-safe range exact', () => {
    expect(addMoney('9007199254740993.00', '0.01')).toBe('9007199254740993.01');
  });

  it('writes the canonical form with two decimals', () => {
    expect(centsToMoney(5n)).toBe('0.05');
    expect(centsToMoney(-123456n)).toBe('-1234.56');
  });

  it('formats for display with the currency and thousands separators', () => {
    expect(formatMoney('1234567.5')).toBe('USD 1,234,567.50');
    expect(formatMoney('-999.99')).toBe('-USD 999.99');
    expect(formatMoney('0')).toBe('USD 0.00');
  });

  it('throws on a malformed trusted amount instead of computing with it', () => {
    expect(() => toCents('1.005')).toThrow(RangeError);
  });

  it('explains each problem in a sentence', () => {
    const parsed = parseMoney('1.005');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(describeMoneyProblem(parsed.problem)).toMatch(/3 decimals/);
  });
});
