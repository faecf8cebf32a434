import { canReadLesson, describeLessonProblem, lessonProblems } from './lesson-rules';

describe('lessons learned', () => {
  const facts = {
    stage: 'closed' as const,
    reportId: null,
    recipientCountries: ['KEN', 'UGA'],
    countries: ['KEN'],
  };

  it('are written from a closed project', () => {
    expect(lessonProblems(facts)).toEqual([]);
  });

  it('are written from a running project only through one of its reports', () => {
    expect(lessonProblems({ ...facts, stage: 'active' }).map((p) => p.code)).toEqual([
      'lesson_project_not_closed',
    ]);
    expect(lessonProblems({ ...facts, stage: 'active', reportId: 'r-1' })).toEqual([]);
    expect(lessonProblems({ ...facts, stage: 'under_review', reportId: 'r-1' }).map((p) => p.code)).toEqual([
      'lesson_project_not_closed',
    ]);
  });

  it('are tagged only with the project’s recipient countries', () => {
    const [problem] = lessonProblems({ ...facts, countries: ['KEN', 'ETH'] });
    expect(problem).toEqual({
      code: 'lesson_country_not_recipient',
      facts: { countries: ['ETH'], recipients: ['KEN', 'UGA'] },
    });
    expect(describeLessonProblem(problem!)).toContain('ETH is not among');
  });

  it('are read by donors only when public', () => {
    expect(canReadLesson('donor', true)).toBe(true);
    expect(canReadLesson('donor', false)).toBe(false);
    expect(canReadLesson('staff', false)).toBe(true);
    expect(canReadLesson('reviewer', true)).toBe(false);
  });
});
