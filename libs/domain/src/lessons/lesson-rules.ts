import type { Role } from '../accounts/roles';
import type { Stage } from '../lifecycle/stages';
import { COMMITTED_STAGES, isStageIn } from '../lifecycle/stages';

/**
 * Lessons learned (Strategic Plan goal 2: "communicate the lessons learned"): written from a closed
 * project, or from one of its reports while it runs, tagged so they can be found again, and shared
 * with donors only when staff mark them public.
 */

/** Stages a lesson may be written from without a report: the project has closed. */
export const LESSON_STAGES = ['closed'] as const satisfies readonly Stage[];

export type LessonProblem =
  | {
      code: 'lesson_project_not_closed';
      facts: { stage: Stage; allowed: readonly Stage[]; withReport: readonly Stage[] };
    }
  | { code: 'lesson_country_not_recipient'; facts: { countries: string[]; recipients: string[] } };

export interface LessonFacts {
  stage: Stage;
  /** The report the lesson was written from, if any. */
  reportId: string | null;
  recipientCountries: readonly string[];
  countries: readonly string[];
}

/**
 * Why a lesson may not be recorded for the project: it comes from a closed project, or from a report
 * of a project that reached approval; the countries it is tagged with are the project's recipients.
 */
export function lessonProblems(f: LessonFacts): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const fromReport = f.reportId !== null && isStageIn(f.stage, COMMITTED_STAGES);
  if (!fromReport && !isStageIn(f.stage, LESSON_STAGES)) {
    problems.push({
      code: 'lesson_project_not_closed',
      facts: { stage: f.stage, allowed: LESSON_STAGES, withReport: COMMITTED_STAGES },
    });
  }
  const outside = f.countries.filter((c) => !f.recipientCountries.includes(c));
  if (outside.length) {
    problems.push({
      code: 'lesson_country_not_recipient',
      facts: { countries: [...new Set(outside)].sort(), recipients: [...f.recipientCountries].sort() },
    });
  }
  return problems;
}

/** Donors read the lessons marked public; staff and admins read them all; reviewers none. */
export function canReadLesson(role: Role, isPublic: boolean): boolean {
  if (role === 'admin' || role === 'staff') return true;
  return role === 'donor' && isPublic;
}

export function describeLessonProblem(problem: LessonProblem): string {
  switch (problem.code) {
    case 'lesson_project_not_closed':
      return `The project is ${problem.facts.stage}: lessons are written from a ${problem.facts.allowed.join(' or ')} project, or from a report of one that is ${problem.facts.withReport.join(', ')}.`;
    case 'lesson_country_not_recipient':
      return `${problem.facts.countries.join(', ')} ${problem.facts.countries.length > 1 ? 'are' : 'is'} not among the project's recipient countries (${problem.facts.recipients.join(', ')}).`;
  }
}
