import type { ReviewInput } from './assessment';
import { calibrateReviewers } from './calibration';

function review(reviewerId: string, score: number, overrides: Partial<ReviewInput> = {}): ReviewInput {
  return {
    reviewerId,
    conflictDeclared: false,
    status: 'submitted',
    scores: {
      people_centred: score,
      comprehensive: score,
      context_specific: score,
      prevention_oriented: score,
      protection_empowerment: score,
    },
    recommendation: 'approve',
    ...overrides,
  };
}

describe('reviewer calibration', () => {
  it('measures each reviewer against the mean of the whole panel, own review included', () => {
    // Panel of 2, 3 and 4: panel mean 3; deviations −1, 0, +1.
    const result = calibrateReviewers([
      { proposalId: 'p1', reviews: [review('amina', 2), review('bruno', 3), review('chen', 4)] },
    ]);
    expect(result.map((r) => [r.reviewerId, r.reviews, r.meanDeviation.decimal])).toEqual([
      ['amina', 1, '-1.00'],
      ['bruno', 1, '0.00'],
      ['chen', 1, '1.00'],
    ]);
  });

  it('averages a signed deviation across proposals and principles, exactly', () => {
    // p1: panel {2, 4}, mean 3, amina −1. p2: panel {3, 3, 4}, mean 10/3, amina −1/3.
    // amina's mean deviation over the two reviews: (−1 − 1/3) / 2 = −2/3.
    const result = calibrateReviewers([
      { proposalId: 'p1', reviews: [review('amina', 2), review('bruno', 4)] },
      { proposalId: 'p2', reviews: [review('amina', 3), review('bruno', 3), review('chen', 4)] },
    ]);
    const amina = result.find((r) => r.reviewerId === 'amina');
    expect(amina).toEqual({
      reviewerId: 'amina',
      reviews: 2,
      meanDeviation: { numerator: -2, denominator: 3, decimal: '-0.67' },
    });
  });

  it('ignores panels of one and reviews that do not count', () => {
    const result = calibrateReviewers([
      { proposalId: 'solo', reviews: [review('amina', 4)] },
      {
        proposalId: 'p',
        reviews: [review('amina', 2), review('bruno', 4), review('chen', 0, { conflictDeclared: true })],
      },
    ]);
    expect(result.map((r) => [r.reviewerId, r.reviews, r.meanDeviation.decimal])).toEqual([
      ['amina', 1, '-1.00'],
      ['bruno', 1, '1.00'],
    ]);
  });
});
