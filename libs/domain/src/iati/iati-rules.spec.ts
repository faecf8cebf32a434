import fc from 'fast-check';
import {
  annualBudgetPeriods,
  evenPercentages,
  iatiActivityStatus,
  iatiSectors,
  principleSignificance,
} from './iati-rules';

const hundredths = (percentage: string) => Math.round(Number(percentage) * 100);

describe('evenPercentages', () => {
  it('gives the left-over hundredths to the first shares', () => {
    expect(evenPercentages(1)).toEqual(['100.00']);
    expect(evenPercentages(3)).toEqual(['33.34', '33.33', '33.33']);
    expect(evenPercentages(7)).toEqual(['14.29', '14.29', '14.29', '14.29', '14.28', '14.28', '14.28']);
    expect(evenPercentages(0)).toEqual([]);
  });

  it('always adds up to exactly 100 with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (count) => {
        const shares = evenPercentages(count);
        expect(shares).toHaveLength(count);
        for (const share of shares) expect(share).toMatch(/^\d{1,3}\.\d{2}$/);
        expect(shares.reduce((sum, share) => sum + hundredths(share), 0)).toBe(10000);
      }),
    );
  });
});

describe('principleSignificance', () => {
  it('maps the panel mean to not targeted, significant or principal at 1.5 and 2.5 exactly', () => {
    expect(principleSignificance(0, 0)).toBeNull();
    expect(principleSignificance(2, 2)).toBe('0'); // mean 1
    expect(principleSignificance(3, 2)).toBe('1'); // mean 1.5
    expect(principleSignificance(2, 1)).toBe('1'); // mean 2
    expect(principleSignificance(4, 3)).toBe('0'); // mean 1.33
    expect(principleSignificance(7, 3)).toBe('1'); // mean 2.33
    expect(principleSignificance(5, 2)).toBe('2'); // mean 2.5
    expect(principleSignificance(12, 3)).toBe('2'); // mean 4
  });
});

describe('iatiActivityStatus', () => {
  it('publishes only stages from approval on', () => {
    expect(iatiActivityStatus('approved')).toBe('2');
    expect(iatiActivityStatus('active')).toBe('2');
    expect(iatiActivityStatus('completed')).toBe('3');
    expect(iatiActivityStatus('closed')).toBe('4');
    expect(iatiActivityStatus('suspended')).toBe('6');
    expect(iatiActivityStatus('under_review')).toBeNull();
    expect(iatiActivityStatus('withdrawn')).toBeNull();
  });
});

describe('iatiSectors', () => {
  it('reads one DAC sector per dimension, split evenly, or multisector aid', () => {
    expect(iatiSectors(['food', 'economic', 'health'])).toEqual([
      { code: '16020', percentage: '33.34' },
      { code: '52010', percentage: '33.33' },
      { code: '12220', percentage: '33.33' },
    ]);
    expect(iatiSectors([])).toEqual([{ code: '43010', percentage: '100.00' }]);
  });
});

describe('annualBudgetPeriods', () => {
  it('cuts the budget at each 31 December in proportion to the days', () => {
    expect(annualBudgetPeriods('2026-07-01', '2027-06-30', '365.00')).toEqual([
      { start: '2026-07-01', end: '2026-12-31', value: '184.00' },
      { start: '2027-01-01', end: '2027-06-30', value: '181.00' },
    ]);
    expect(annualBudgetPeriods('2026-01-01', '2026-12-31', '1000.00')).toEqual([
      { start: '2026-01-01', end: '2026-12-31', value: '1000.00' },
    ]);
    expect(annualBudgetPeriods('2026-01-02', '2026-01-01', '1000.00')).toEqual([]);
  });

  it('adds up to the budget to the cent, each period within one calendar year', () => {
    const date = fc
      .record({ year: fc.integer({ min: 2000, max: 2040 }), day: fc.integer({ min: 0, max: 364 }) })
      .map(({ year, day }) => new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, fc.bigInt({ min: 0n, max: 10n ** 15n }), (a, b, cents) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const budget = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        const periods = annualBudgetPeriods(start, end, budget);
        expect(periods[0]!.start).toBe(start);
        expect(periods.at(-1)!.end).toBe(end);
        for (const period of periods) expect(period.start.slice(0, 4)).toBe(period.end.slice(0, 4));
        const total = periods.reduce((sum, p) => sum + BigInt(p.value.replace('.', '')), 0n);
        expect(total).toBe(cents);
      }),
    );
  });
});
