import { addDays, compareIsoDates, daysBetween, isIsoDate } from './iso-date';

describe('ISO calendar dates', () => {
  it('accepts real calendar days only, including 29 February of a leap year', () => {
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2015-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2015-04-31')).toBe(false);
    expect(isIsoDate('2015-13-01')).toBe(false);
    expect(isIsoDate('2015-1-01')).toBe(false);
    expect(isIsoDate('2015-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20150101)).toBe(false);
  });

  it('orders days as calendar days', () => {
    expect(compareIsoDates('2015-06-30', '2015-07-01')).toBeLessThan(0);
    expect(compareIsoDates('2015-07-01', '2015-07-01')).toBe(0);
    expect(compareIsoDates('2016-01-01', '2015-12-31')).toBeGreaterThan(0);
  });

  it('counts whole days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2015-12-31', '2016-01-01')).toBe(1);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2015-02-28', '2015-03-01')).toBe(1);
    expect(daysBetween('2015-01-01', '2016-01-01')).toBe(365);
    expect(daysBetween('2016-01-01', '2015-01-01')).toBe(-365);
  });

  it('adds days and lands on the right calendar day', () => {
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
    expect(addDays('2015-03-01', -1)).toBe('2015-02-28');
    expect(addDays('2015-01-01', 90)).toBe('2015-04-01');
  });

  it('refuses anything but four, two and two ASCII digits between dashes', () => {
    for (const malformed of [
      '2015-01-0a',
      '2015/01/01',
      '+015-01-01',
      ' 2015-01-1',
      '2015-01-01\n',
      '\u0662\u0660\u0661\u0665-01-01',
      '2015-00-10',
      '2015-01-00',
      '',
    ]) {
      expect(isIsoDate(malformed)).toBe(false);
      expect(() => daysBetween(malformed, '2015-01-01')).toThrow(RangeError);
    }
    expect(isIsoDate('0000-01-01')).toBe(true);
  });

  it('counts days as the proleptic Gregorian calendar does, every day from 1899 to 2101', () => {
    const start = Date.UTC(1899, 0, 1);
    const wrong: string[] = [];
    for (let day = 0; day < 202 * 366; day++) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      if (daysBetween('1899-01-01', date) !== day || addDays('1899-01-01', day) !== date) wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses to compute with a malformed date rather than guess', () => {
    expect(() => compareIsoDates('2015-02-30', '2015-03-01')).toThrow(RangeError);
  });
});
