import { describe, expect, it } from 'vitest';
import { groupAmount, plainDecimal, readAmount, tidyAmount } from './amount';

const amountOf = (input: string, locale = 'en') => {
  const reading = readAmount(input, locale);
  return reading.ok ? reading.amount : reading.problem.code;
};

describe('readAmount, the one reading of a typed amount', () => {
  it('reads a comma before one or two final digits as the decimal mark in every language', () => {
    for (const locale of ['en', 'fr', 'es', 'ru', 'zh', 'ar']) {
      expect(amountOf('1,50', locale)).toBe('1.50');
      expect(amountOf('1.50', locale)).toBe('1.50');
      expect(amountOf('2500,5', locale)).toBe('2500.50');
    }
  });

  it('sends a leading zero in the form the API accepts', () => {
    expect(amountOf('0100')).toBe('100.00');
    expect(amountOf('000')).toBe('0.00');
    expect(amountOf('0,75', 'fr')).toBe('0.75');
  });

  it('drops the grouping of thousands as each language writes it', () => {
    expect(amountOf('1,000,000')).toBe('1000000.00');
    expect(amountOf('1,000,000.50')).toBe('1000000.50');
    expect(amountOf('1\u202f000\u202f000,50', 'fr')).toBe('1000000.50');
    expect(amountOf('1 000 000,50', 'ru')).toBe('1000000.50');
    expect(amountOf('1.000.000,50', 'es')).toBe('1000000.50');
    expect(amountOf("1'000'000.50")).toBe('1000000.50');
    expect(amountOf('٢٥٠٬٠٠٠٫٥٠', 'ar')).toBe('250000.50');
  });

  it('reads three digits after a single mark by the language: grouping unless it is the decimal mark', () => {
    expect(amountOf('1,500', 'en')).toBe('1500.00');
    expect(amountOf('1.500', 'es')).toBe('1500.00');
    expect(amountOf('1,500', 'fr')).toBe('money_too_many_decimals');
    expect(amountOf('1.500', 'en')).toBe('money_too_many_decimals');
  });

  it('refuses what is no amount with the domain problem', () => {
    expect(amountOf('')).toBe('money_required');
    expect(amountOf('   ')).toBe('money_required');
    expect(amountOf('12abc')).toBe('money_malformed');
    expect(amountOf('1e6')).toBe('money_exponent_notation');
    expect(amountOf('-5')).toBe('money_negative_not_allowed');
    expect(amountOf('1.234')).toBe('money_too_many_decimals');
    expect(amountOf('12345678901234567')).toBe('money_too_many_integer_digits');
    expect(plainDecimal('1,2,3.4.5', 'en')).toBe('1,2,3.4.5');
  });
});

describe('groupAmount and tidyAmount, what a money field shows', () => {
  it('groups thousands in the reader’s language and keeps the cents', () => {
    expect(groupAmount('1000000', 'en')).toBe('1,000,000');
    expect(groupAmount('1000000.5', 'en')).toBe('1,000,000.50');
    expect(groupAmount('1000000.50', 'fr')).toBe('1\u202f000\u202f000,50');
    expect(groupAmount('250000', 'ar')).toBe('250,000');
  });

  it('shows what it reads, so a tidied amount reads back the same', () => {
    for (const locale of ['en', 'fr', 'es', 'ru', 'zh', 'ar']) {
      for (const typed of ['1000000', '1000000,5', '0100', '99.99']) {
        const shown = tidyAmount(typed, locale);
        expect(amountOf(shown, locale)).toBe(amountOf(typed, locale));
      }
    }
    expect(tidyAmount('12abc', 'en')).toBe('12abc');
  });
});
