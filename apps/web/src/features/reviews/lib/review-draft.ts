import {
  PRINCIPLE_IDS,
  submissionGaps,
  type PrincipleId,
  type Recommendation,
  type SubmissionGap,
} from '@hstf/domain';
import type { Review } from '../api/get-review';
import type { ReviewDraftInput } from '../api/save-review';

/** What the reviewer has typed: a score and a justification per principle, and a recommendation. */
export interface ReviewDraft {
  scores: Record<PrincipleId, number | null>;
  justifications: Record<PrincipleId, string>;
  recommendation: Recommendation | null;
}

function record<T>(make: (principle: PrincipleId) => T): Record<PrincipleId, T> {
  return Object.fromEntries(PRINCIPLE_IDS.map((principle) => [principle, make(principle)])) as Record<
    PrincipleId,
    T
  >;
}

export function draftOf(review: Pick<Review, 'scores' | 'justifications' | 'recommendation'>): ReviewDraft {
  return {
    scores: record((principle) => review.scores?.[principle] ?? null),
    justifications: record((principle) => review.justifications?.[principle] ?? ''),
    recommendation: review.recommendation ?? null,
  };
}

/** The PATCH body that turns `saved` into `draft`: only what changed; null when nothing did. */
export function changesBetween(saved: ReviewDraft, draft: ReviewDraft): ReviewDraftInput | null {
  const scores: Partial<Record<PrincipleId, number | null>> = {};
  const justifications: Partial<Record<PrincipleId, string | null>> = {};
  for (const principle of PRINCIPLE_IDS) {
    if (draft.scores[principle] !== saved.scores[principle]) scores[principle] = draft.scores[principle];
    if (draft.justifications[principle] !== saved.justifications[principle]) {
      // Blank is no justification: the server stores it as none.
      justifications[principle] =
        draft.justifications[principle].trim() === '' ? null : draft.justifications[principle];
    }
  }
  const input: ReviewDraftInput = {};
  if (Object.keys(scores).length) input.scores = scores;
  if (Object.keys(justifications).length) input.justifications = justifications;
  if (draft.recommendation !== saved.recommendation) input.recommendation = draft.recommendation;
  return Object.keys(input).length ? input : null;
}

/** Everything in the draft, to write it over a version saved elsewhere. */
export function wholeDraft(draft: ReviewDraft): ReviewDraftInput {
  return {
    scores: { ...draft.scores },
    justifications: record((principle) =>
      draft.justifications[principle].trim() === '' ? null : draft.justifications[principle],
    ),
    recommendation: draft.recommendation,
  };
}

/** What still stops the review from being submitted, by the rules of libs/domain. */
export function gapsOf(draft: ReviewDraft): SubmissionGap[] {
  return submissionGaps(draft);
}

/** The form field a gap belongs to, for the error summary's links and the fields' messages. */
export function fieldOfGap(gap: SubmissionGap): string {
  switch (gap.code) {
    case 'score_missing':
      return `score-${gap.facts.principle}`;
    case 'justification_missing':
      return `justification-${gap.facts.principle}`;
    case 'recommendation_missing':
      return 'recommendation';
  }
}

/** The gaps the server listed in a 422 (problem.missing), when it sent them in the domain's shape. */
export function gapsFromProblem(problem: unknown): SubmissionGap[] | null {
  if (typeof problem !== 'object' || problem === null) return null;
  const missing = (problem as { missing?: unknown }).missing;
  if (!Array.isArray(missing)) return null;
  return missing.filter(
    (gap): gap is SubmissionGap =>
      typeof gap === 'object' &&
      gap !== null &&
      ['score_missing', 'justification_missing', 'recommendation_missing'].includes(
        (gap as { code?: unknown }).code as string,
      ),
  );
}
