import { describe, expect, it } from 'vitest';
import { cellsOf } from './cells';
import { progressOf } from './progress';

describe('the results helpers', () => {
  it('lays out one cell per sex and age group, or none without a breakdown', () => {
    expect(cellsOf({ breakdown: { bySex: true, ageGroups: ['0-17', '18+'] } }).map((c) => c.key)).toEqual([
      'female|0-17',
      'female|18+',
      'male|0-17',
      'male|18+',
    ]);
    expect(cellsOf({ breakdown: { bySex: false, ageGroups: ['60+'] } })).toEqual([
      { key: '|60+', sex: null, ageGroup: '60+' },
    ]);
    expect(cellsOf({ breakdown: { bySex: false, ageGroups: [] } })).toEqual([]);
  });

  it('measures progress from the baseline towards the target, within 0 and 1', () => {
    const actual = (value: number) => ({
      value,
      reportId: 'r',
      reportKind: 'progress' as const,
      reportSequence: 1,
      reportStatus: 'accepted' as const,
      periodEnd: '2026-12-31',
      breakdown: [],
    });
    expect(progressOf({ baseline: 100, target: 300, actual: actual(200) })).toBe(0.5);
    expect(progressOf({ baseline: 100, target: 300, actual: actual(400) })).toBe(1);
    expect(progressOf({ baseline: 50, target: 10, actual: actual(30) })).toBe(0.5);
    expect(progressOf({ baseline: 0, target: 0, actual: actual(3) })).toBeNull();
    expect(progressOf({ baseline: 0, target: 10, actual: null })).toBeNull();
  });
});
