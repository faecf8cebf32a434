import type { PrincipleId, Score } from '../principles/principles';
import { PRINCIPLE_IDS, isScore, principle as principleById } from '../principles/principles';
import type { ExactMean, Fraction } from './exact-mean';
import {
  addFractions,
  compareFractions,
  fraction,
  thresholdFraction,
  toExactMean,
  toFixed2,
} from './exact-mean';

export const REVIEW_STATUSES = ['assigned', 'declined_conflict', 'draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const RECOMMENDATIONS = ['approve', 'revise', 'reject'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface ReviewInput {
  reviewerId: string;
  conflictDeclared: boolean;
  status: ReviewStatus;
  scores: Partial<Record<PrincipleId, number | null>>;
  recommendation: Recommendation | null;
}

export interface AssessmentThresholds {
  /** Every principle's mean must reach this. */
  minPrincipleMean: number;
  /** The mean of the five principle means must reach this. */
  minOverallMean: number;
  minReviews: number;
  /** max − min at or above this is a disagreement that staff must moderate before a decision. */
  disagreementSpread: number;
}

export const DEFAULT_ASSESSMENT_THRESHOLDS: Readonly<AssessmentThresholds> = {
  minPrincipleMean: 2.0,
  minOverallMean: 2.5,
  minReviews: 2,
  disagreementSpread: 2,
};

/** Staff notes recorded where reviewers disagree, one per principle. */
export type ModerationNotes = Partial<Record<PrincipleId, string | null>>;

export type ReviewExclusion =
  | { code: 'review_not_submitted'; facts: { status: ReviewStatus } }
  | { code: 'review_conflict_declared'; facts: Record<string, never> }
  | { code: 'review_scores_incomplete'; facts: { principles: PrincipleId[] } };

export interface ReviewTally {
  reviewerId: string;
  counted: boolean;
  /** Every reason the review is left out of the assessment; empty when it counts. */
  exclusions: ReviewExclusion[];
  recommendation: Recommendation | null;
}

export interface PrincipleAssessment {
  principle: PrincipleId;
  count: number;
  /** Scores of the counted reviews, in the order the reviews were given. */
  scores: Score[];
  mean: ExactMean | null;
  min: Score | null;
  max: Score | null;
  spread: number | null;
  /** null while there is no counted review to take a mean of. */
  meetsThreshold: boolean | null;
  disagreement: boolean;
  moderated: boolean;
  moderationNote: string | null;
}

export type AssessmentFailure =
  | { code: 'too_few_reviews'; facts: { counted: number; required: number } }
  | {
      code: 'principle_mean_below_threshold';
      facts: { principle: PrincipleId; mean: ExactMean; threshold: string };
    }
  | { code: 'overall_mean_below_threshold'; facts: { mean: ExactMean; threshold: string } };

export interface Assessment {
  thresholds: AssessmentThresholds;
  reviews: ReviewTally[];
  countedReviews: number;
  enoughReviews: boolean;
  principles: PrincipleAssessment[];
  /** The mean of the five principle means. */
  overallMean: ExactMean | null;
  passes: boolean;
  /** Every reason it does not pass; empty when it passes. */
  failures: AssessmentFailure[];
  disagreements: PrincipleId[];
  /** Disagreements without a moderation note: they block a decision even when the assessment passes. */
  unmoderatedDisagreements: PrincipleId[];
  recommendations: Record<Recommendation, number>;
}

export interface CountedReview {
  reviewerId: string;
  scores: Record<PrincipleId, Score>;
}

function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export function tallyReview(review: ReviewInput): ReviewTally {
  const exclusions: ReviewExclusion[] = [];
  if (review.status !== 'submitted') {
    exclusions.push({ code: 'review_not_submitted', facts: { status: review.status } });
  }
  if (review.conflictDeclared) exclusions.push({ code: 'review_conflict_declared', facts: {} });
  const unscored = PRINCIPLE_IDS.filter((p) => !isScore(review.scores[p]));
  // A draft is expected to be incomplete; only a submitted one missing a score is worth reporting.
  if (review.status === 'submitted' && unscored.length > 0) {
    exclusions.push({ code: 'review_scores_incomplete', facts: { principles: unscored } });
  }
  return {
    reviewerId: review.reviewerId,
    counted: exclusions.length === 0,
    exclusions,
    recommendation: review.recommendation,
  };
}

/**
 * The reviews that count: submitted, by a reviewer who declared no conflict, with all five scores.
 * A reviewer who declared a conflict is withdrawn from the proposal, so even a submitted score of
 * theirs is left out.
 */
export function countedReviews(reviews: readonly ReviewInput[]): CountedReview[] {
  return reviews
    .filter((r) => tallyReview(r).counted)
    .map((r) => {
      const scores = {} as Record<PrincipleId, Score>;
      for (const p of PRINCIPLE_IDS) {
        const score = r.scores[p];
        if (isScore(score)) scores[p] = score;
      }
      return { reviewerId: r.reviewerId, scores };
    });
}

function validateThresholds(thresholds: AssessmentThresholds): void {
  for (const key of ['minReviews', 'disagreementSpread'] as const) {
    if (!Number.isInteger(thresholds[key]) || thresholds[key] < 1) {
      throw new RangeError(`${key} must be a whole number of at least 1: ${thresholds[key]}`);
    }
  }
}

export interface AssessmentOptions {
  thresholds?: Partial<AssessmentThresholds>;
  moderationNotes?: ModerationNotes;
}

export function assessProposal(reviews: readonly ReviewInput[], options: AssessmentOptions = {}): Assessment {
  const thresholds: AssessmentThresholds = { ...DEFAULT_ASSESSMENT_THRESHOLDS, ...options.thresholds };
  validateThresholds(thresholds);
  const principleThreshold = thresholdFraction(thresholds.minPrincipleMean);
  const overallThreshold = thresholdFraction(thresholds.minOverallMean);
  const notes = options.moderationNotes ?? {};

  const tallies = reviews.map(tallyReview);
  const counted = countedReviews(reviews);
  const enoughReviews = counted.length >= thresholds.minReviews;
  const failures: AssessmentFailure[] = [];
  if (!enoughReviews) {
    failures.push({
      code: 'too_few_reviews',
      facts: { counted: counted.length, required: thresholds.minReviews },
    });
  }

  const means: Fraction[] = [];
  const principles = PRINCIPLE_IDS.map((id): PrincipleAssessment => {
    const scores = counted.map((r) => r.scores[id]);
    const note = notes[id];
    const moderationNote = hasText(note) ? note : null;
    if (scores.length === 0) {
      return {
        principle: id,
        count: 0,
        scores,
        mean: null,
        min: null,
        max: null,
        spread: null,
        meetsThreshold: null,
        disagreement: false,
        moderated: moderationNote !== null,
        moderationNote,
      };
    }
    const sum = scores.reduce<number>((total, s) => total + s, 0);
    const mean = fraction(BigInt(sum), BigInt(scores.length));
    means.push(mean);
    const min = Math.min(...scores) as Score;
    const max = Math.max(...scores) as Score;
    const meetsThreshold = compareFractions(mean, principleThreshold) >= 0;
    if (!meetsThreshold) {
      failures.push({
        code: 'principle_mean_below_threshold',
        facts: { principle: id, mean: toExactMean(mean), threshold: toFixed2(principleThreshold) },
      });
    }
    return {
      principle: id,
      count: scores.length,
      scores,
      mean: toExactMean(mean),
      min,
      max,
      spread: max - min,
      meetsThreshold,
      disagreement: max - min >= thresholds.disagreementSpread,
      moderated: moderationNote !== null,
      moderationNote,
    };
  });

  let overallMean: ExactMean | null = null;
  if (means.length === PRINCIPLE_IDS.length) {
    const total = means.reduce(addFractions, fraction(0n, 1n));
    const mean = fraction(total.num, total.den * BigInt(means.length));
    overallMean = toExactMean(mean);
    if (compareFractions(mean, overallThreshold) < 0) {
      failures.push({
        code: 'overall_mean_below_threshold',
        facts: { mean: overallMean, threshold: toFixed2(overallThreshold) },
      });
    }
  }

  const disagreements = principles.filter((p) => p.disagreement).map((p) => p.principle);
  const recommendations: Record<Recommendation, number> = { approve: 0, revise: 0, reject: 0 };
  for (const tally of tallies) {
    if (tally.counted && tally.recommendation) recommendations[tally.recommendation] += 1;
  }

  return {
    thresholds,
    reviews: tallies,
    countedReviews: counted.length,
    enoughReviews,
    principles,
    overallMean,
    passes: failures.length === 0,
    failures,
    disagreements,
    unmoderatedDisagreements: principles
      .filter((p) => p.disagreement && !p.moderated)
      .map((p) => p.principle),
    recommendations,
  };
}

export function describeAssessmentFailure(failure: AssessmentFailure): string {
  switch (failure.code) {
    case 'too_few_reviews':
      return `${failure.facts.counted} review${failure.facts.counted === 1 ? '' : 's'} count${failure.facts.counted === 1 ? 's' : ''} (submitted, without a declared conflict); at least ${failure.facts.required} are needed.`;
    case 'principle_mean_below_threshold':
      return `${principleById(failure.facts.principle).title} has a mean score of ${failure.facts.mean.decimal}, below the required ${failure.facts.threshold}.`;
    case 'overall_mean_below_threshold':
      return `The mean of the five principle means is ${failure.facts.mean.decimal}, below the required ${failure.facts.threshold}.`;
  }
}

export function describeReviewExclusion(exclusion: ReviewExclusion): string {
  switch (exclusion.code) {
    case 'review_not_submitted':
      return `The review is not submitted (it is ${exclusion.facts.status.replace('_', ' ')}).`;
    case 'review_conflict_declared':
      return 'The reviewer declared a conflict of interest and is withdrawn from this proposal.';
    case 'review_scores_incomplete':
      return `The review has no valid score for ${exclusion.facts.principles.map((p) => principleById(p).title).join(', ')}.`;
  }
}
