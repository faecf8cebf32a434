import {
  HUMAN_SECURITY_DIMENSIONS,
  PRINCIPLE_IDS,
  PRINCIPLES,
  RESOLUTION_66_290_PARAGRAPH_3B,
  RUBRIC,
  VULNERABLE_GROUPS,
  isScore,
  principle,
} from './principles';

describe('the five principles', () => {
  it('are the five of resolution 66/290 paragraph 3 (b), in its order', () => {
    expect(PRINCIPLES.map((p) => p.id)).toEqual([...PRINCIPLE_IDS]);
    expect(PRINCIPLES.map((p) => p.title)).toEqual([
      'People-centred',
      'Comprehensive',
      'Context-specific',
      'Prevention-oriented',
      'Protection and empowerment',
    ]);
  });

  it('each carry what the reviewer looks for, the source quote and guiding questions', () => {
    for (const p of PRINCIPLES) {
      expect(p.looksFor.length).toBeGreaterThan(20);
      expect(p.source.text.length).toBeGreaterThan(100);
      expect(p.guidingQuestions.length).toBeGreaterThanOrEqual(3);
      for (const q of p.guidingQuestions) expect(q.endsWith('?')).toBe(true);
    }
    expect(principle('comprehensive').source.text).toMatch(/freedom from fear, freedom from want/);
  });

  it('are each named in the quoted paragraph 3 (b) of resolution 66/290', () => {
    for (const p of PRINCIPLES) expect(RESOLUTION_66_290_PARAGRAPH_3B.text).toContain(p.title.toLowerCase());
  });
});

describe('the scoring rubric', () => {
  it('runs from 0 absent to 4 exemplary', () => {
    expect(RUBRIC.map((r) => [r.score, r.label])).toEqual([
      [0, 'absent'],
      [1, 'weak'],
      [2, 'partial'],
      [3, 'strong'],
      [4, 'exemplary'],
    ]);
  });

  it('accepts whole scores 0 to 4 only', () => {
    expect([0, 1, 2, 3, 4].every(isScore)).toBe(true);
    expect([-1, 5, 2.5, '3', null].some(isScore)).toBe(false);
  });
});

describe('vocabularies', () => {
  it('has the seven UNDP 1994 dimensions and the twelve vulnerable groups of the design', () => {
    expect(HUMAN_SECURITY_DIMENSIONS).toEqual([
      'economic',
      'food',
      'health',
      'environmental',
      'personal',
      'community',
      'political',
    ]);
    expect(VULNERABLE_GROUPS).toHaveLength(12);
    expect(VULNERABLE_GROUPS).toContain('internally_displaced_persons');
  });
});
