import type { PrincipleId } from '../principles/principles';
import type { ReviewInput } from './assessment';
import { assessProposal, describeAssessmentFailure, describeReviewExclusion } from './assessment';

type FiveScores = [number, number, number, number, number];

let nextReviewer = 0;
function review(scores: FiveScores, overrides: Partial<ReviewInput> = {}): ReviewInput {
  nextReviewer += 1;
  return {
    reviewerId: `reviewer-${nextReviewer}`,
    conflictDeclared: false,
    status: 'submitted',
    scores: {
      people_centred: scores[0],
      comprehensive: scores[1],
      context_specific: scores[2],
      prevention_oriented: scores[3],
      protection_empowerment: scores[4],
    },
    recommendation: 'approve',
    ...overrides,
  };
}

function codes(reviews: ReviewInput[], notes: Partial<Record<PrincipleId, string>> = {}): string[] {
  return assessProposal(reviews, { moderationNotes: notes }).failures.map((f) => f.code);
}

describe('assessment: which reviews count', () => {
  it('exactly two counted reviews are enough', () => {
    const result = assessProposal([review([3, 3, 3, 3, 3]), review([3, 3, 3, 3, 3])]);
    expect(result.countedReviews).toBe(2);
    expect(result.enoughReviews).toBe(true);
    expect(result.passes).toBe(true);
  });

  it('one review is not enough, however good', () => {
    const result = assessProposal([review([4, 4, 4, 4, 4])]);
    expect(result.passes).toBe(false);
    expect(result.failures).toEqual([{ code: 'too_few_reviews', facts: { counted: 1, required: 2 } }]);
  });

  it('leaves out drafts and reviews by reviewers who declared a conflict', () => {
    const result = assessProposal([
      review([3, 3, 3, 3, 3]),
      review([0, 0, 0, 0, 0], { status: 'draft' }),
      review([0, 0, 0, 0, 0], { conflictDeclared: true }),
      review([0, 0, 0, 0, 0], { status: 'declined_conflict', conflictDeclared: true }),
    ]);
    expect(result.countedReviews).toBe(1);
    expect(result.principles[0]?.scores).toEqual([3]);
    expect(result.reviews.map((r) => r.exclusions.map((e) => e.code))).toEqual([
      [],
      ['review_not_submitted'],
      ['review_conflict_declared'],
      ['review_not_submitted', 'review_conflict_declared'],
    ]);
  });

  it('leaves out a submitted review missing a score instead of treating the gap as zero', () => {
    const incomplete = review([3, 3, 3, 3, 3]);
    incomplete.scores.comprehensive = null;
    const result = assessProposal([review([3, 3, 3, 3, 3]), incomplete]);
    expect(result.countedReviews).toBe(1);
    expect(result.reviews[1]?.exclusions).toEqual([
      { code: 'review_scores_incomplete', facts: { principles: ['comprehensive'] } },
    ]);
  });

  it('leaves out a score outside 0–4', () => {
    const result = assessProposal([review([3, 3, 3, 3, 3]), review([3, 3, 3, 3, 5])]);
    expect(result.countedReviews).toBe(1);
  });
});

describe('assessment: the pass rule', () => {
  it('passes with an overall mean of exactly 2.5', () => {
    // Principle means 2, 2, 3, 3, 2.5: each ≥ 2.0, their mean exactly 2.5.
    const result = assessProposal([review([2, 2, 3, 3, 2]), review([2, 2, 3, 3, 3])]);
    expect(result.overallMean).toEqual({ numerator: 5, denominator: 2, decimal: '2.50' });
    expect(result.passes).toBe(true);
  });

  it('fails with an overall mean of 2.4, every principle mean being at least 2.0', () => {
    // Principle means 2, 2, 2, 3, 3: their mean is 2.4.
    const result = assessProposal([review([2, 2, 2, 3, 3]), review([2, 2, 2, 3, 3])]);
    expect(result.overallMean?.decimal).toBe('2.40');
    expect(result.failures).toEqual([
      {
        code: 'overall_mean_below_threshold',
        facts: { mean: { numerator: 12, denominator: 5, decimal: '2.40' }, threshold: '2.50' },
      },
    ]);
  });

  it('passes a principle mean of exactly 2.0 and fails one of 1.5, even when the overall mean is high', () => {
    expect(codes([review([2, 4, 4, 4, 4]), review([2, 4, 4, 4, 4])])).toEqual([]);
    const failing = assessProposal([review([1, 4, 4, 4, 4]), review([2, 4, 4, 4, 4])]);
    expect(failing.failures).toEqual([
      {
        code: 'principle_mean_below_threshold',
        facts: {
          principle: 'people_centred',
          mean: { numerator: 3, denominator: 2, decimal: '1.50' },
          threshold: '2.00',
        },
      },
    ]);
    expect(failing.principles[0]?.meetsThreshold).toBe(false);
  });

  it('lists every reason it fails, not only the first', () => {
    expect(codes([review([1, 1, 1, 1, 1])])).toEqual([
      'too_few_reviews',
      'principle_mean_below_threshold',
      'principle_mean_below_threshold',
      'principle_mean_below_threshold',
      'principle_mean_below_threshold',
      'principle_mean_below_threshold',
      'overall_mean_below_threshold',
    ]);
  });

  it('compares a mean of 7/3 exactly against a two-decimal threshold: above 2.33, below 2.34', () => {
    // Principle means 7/3, 7/3, 8/3, 8/3, 8/3 over three reviews.
    const reviews = [review([2, 2, 2, 2, 2]), review([2, 2, 3, 3, 3]), review([3, 3, 3, 3, 3])];
    const result = assessProposal(reviews, { thresholds: { minPrincipleMean: 2.33 } });
    expect(result.principles[0]?.mean).toEqual({ numerator: 7, denominator: 3, decimal: '2.33' });
    expect(result.passes).toBe(true);
    const stricter = assessProposal(reviews, { thresholds: { minPrincipleMean: 2.34 } });
    expect(stricter.failures.map((f) => f.code)).toEqual([
      'principle_mean_below_threshold',
      'principle_mean_below_threshold',
    ]);
  });

  it('uses configured thresholds', () => {
    const reviews = [review([3, 3, 3, 3, 3]), review([3, 3, 3, 3, 3])];
    expect(assessProposal(reviews, { thresholds: { minReviews: 3 } }).failures[0]).toEqual({
      code: 'too_few_reviews',
      facts: { counted: 2, required: 3 },
    });
    expect(assessProposal(reviews, { thresholds: { minOverallMean: 3.01 } }).passes).toBe(false);
  });

  it('refuses a threshold it cannot hold exactly', () => {
    expect(() => assessProposal([], { thresholds: { minOverallMean: 0.1 + 0.2 } })).toThrow(RangeError);
    expect(() => assessProposal([], { thresholds: { minReviews: 0 } })).toThrow(RangeError);
  });
});

describe('assessment: disagreement', () => {
  it('a spread of exactly 2 is a disagreement; a spread of 1 is not', () => {
    const result = assessProposal([review([1, 3, 3, 3, 3]), review([3, 4, 3, 3, 3])]);
    expect(result.principles[0]).toMatchObject({ min: 1, max: 3, spread: 2, disagreement: true });
    expect(result.principles[1]).toMatchObject({ spread: 1, disagreement: false });
    expect(result.disagreements).toEqual(['people_centred']);
    expect(result.unmoderatedDisagreements).toEqual(['people_centred']);
  });

  it('a moderation note on the principle settles it; a blank note does not', () => {
    const reviews = [review([1, 3, 3, 3, 3]), review([3, 3, 3, 3, 3])];
    const blank = assessProposal(reviews, { moderationNotes: { people_centred: '  ' } });
    expect(blank.unmoderatedDisagreements).toEqual(['people_centred']);
    const noted = assessProposal(reviews, {
      moderationNotes: { people_centred: 'Panel met on 3 May; the lower score misread the annex.' },
    });
    expect(noted.principles[0]).toMatchObject({ disagreement: true, moderated: true });
    expect(noted.unmoderatedDisagreements).toEqual([]);
  });

  it('does not make an unmoderated disagreement a reason the assessment fails: that is its own gate', () => {
    const result = assessProposal([review([1, 3, 3, 3, 3]), review([3, 3, 3, 3, 3])]);
    expect(result.passes).toBe(true);
  });

  it('uses a configured spread', () => {
    const reviews = [review([1, 3, 3, 3, 3]), review([3, 3, 3, 3, 3])];
    expect(assessProposal(reviews, { thresholds: { disagreementSpread: 3 } }).disagreements).toEqual([]);
  });
});

describe('assessment: reporting', () => {
  it('counts the recommendations of counted reviews only', () => {
    const result = assessProposal([
      review([3, 3, 3, 3, 3], { recommendation: 'approve' }),
      review([3, 3, 3, 3, 3], { recommendation: 'revise' }),
      review([3, 3, 3, 3, 3], { recommendation: 'reject', conflictDeclared: true }),
    ]);
    expect(result.recommendations).toEqual({ approve: 1, revise: 1, reject: 0 });
  });

  it('has no means and no mean failures when nothing counts', () => {
    const result = assessProposal([]);
    expect(result.overallMean).toBeNull();
    expect(result.principles.every((p) => p.mean === null && p.meetsThreshold === null)).toBe(true);
    expect(result.failures.map((f) => f.code)).toEqual(['too_few_reviews']);
  });

  it('explains failures and exclusions in sentences', () => {
    const result = assessProposal([review([1, 4, 4, 4, 4])]);
    expect(result.failures.map(describeAssessmentFailure)).toEqual([
      '1 review counts (submitted, without a declared conflict); at least 2 are needed.',
      'People-centred has a mean score of 1.00, below the required 2.00.',
    ]);
    expect(describeReviewExclusion({ code: 'review_conflict_declared', facts: {} })).toMatch(/conflict/);
  });
});
