import {
  checkMoneyEventDate,
  checkPlausibleAmount,
  describeBoundProblem,
  FUND_FIRST_DAY,
  MAX_PLAUSIBLE_USD,
} from './bounds';

describe('the plausible bound of an amount', () => {
  it('is ten billion US dollars', () => {
    expect(MAX_PLAUSIBLE_USD).toBe('10000000000.00');
  });

  it('accepts an amount up to the bound, the bound included', () => {
    expect(checkPlausibleAmount('0.01')).toBeNull();
    expect(checkPlausibleAmount('9999999999.99')).toBeNull();
    expect(checkPlausibleAmount('10000000000')).toBeNull();
    expect(checkPlausibleAmount('10000000000.00')).toBeNull();
  });

  it('refuses one cent above the bound, with the value and the bound as facts', () => {
    expect(checkPlausibleAmount('10000000000.01')).toEqual({
      code: 'amount_above_plausible_bound',
      facts: { value: '10000000000.01', max: '10000000000.00' },
    });
  });

  it('refuses the largest numeric(18,2) amount, whose sums would overflow that type', () => {
    expect(checkPlausibleAmount('9999999999999999.99')?.code).toBe('amount_above_plausible_bound');
  });

  it('bounds the size of a negative correction too', () => {
    expect(checkPlausibleAmount('-10000000000.01')?.code).toBe('amount_above_plausible_bound');
    expect(checkPlausibleAmount('-5.00')).toBeNull();
  });

  it('takes a bound of its own when given one', () => {
    expect(checkPlausibleAmount('100.01', '100')?.facts).toEqual({ value: '100.01', max: '100.00' });
  });

  it('says the bound in words', () => {
    expect(describeBoundProblem(checkPlausibleAmount('20000000000')!)).toBe(
      'must be at most 10000000000.00 (USD 10,000,000,000.00)',
    );
  });
});

describe('the date of a money event', () => {
  const today = '2026-12-06';

  it('is on or after the first day of 1999, when the Fund was established', () => {
    expect(FUND_FIRST_DAY).toBe('1999-01-01');
    expect(checkMoneyEventDate('1999-01-01', today)).toBeNull();
    expect(checkMoneyEventDate('1998-12-31', today)).toEqual({
      code: 'money_event_before_fund',
      facts: { date: '1998-12-31', earliest: '1999-01-01' },
    });
    expect(checkMoneyEventDate('1900-01-01', today)?.code).toBe('money_event_before_fund');
  });

  it('is on or before today', () => {
    expect(checkMoneyEventDate(today, today)).toBeNull();
    expect(checkMoneyEventDate('2026-12-07', today)).toEqual({
      code: 'money_event_in_future',
      facts: { date: '2026-12-07', today },
    });
    expect(checkMoneyEventDate('2999-01-01', today)?.code).toBe('money_event_in_future');
    expect(checkMoneyEventDate('9999-12-31', today)?.code).toBe('money_event_in_future');
  });

  it('says why in words', () => {
    expect(describeBoundProblem(checkMoneyEventDate('1900-01-01', today)!)).toBe(
      'must not be before 1999-01-01: the Fund was established in 1999',
    );
    expect(describeBoundProblem(checkMoneyEventDate('2999-01-01', today)!)).toBe(
      'must not be after today (2026-12-06)',
    );
  });
});
