import { PRINCIPLE_IDS } from '../principles/principles';
import type { ReviewInput } from './assessment';
import { countedReviews } from './assessment';
import type { ExactMean, Fraction } from './exact-mean';
import { addFractions, fraction, toExactMean } from './exact-mean';

export interface ProposalReviews {
  proposalId: string;
  reviews: readonly ReviewInput[];
}

export interface ReviewerCalibration {
  reviewerId: string;
  /** Counted reviews of this reviewer on proposals with a panel of two or more. */
  reviews: number;
  /** Signed: positive means the reviewer scores more generously than the panel. */
  meanDeviation: ExactMean;
}

/** Against a panel of one, a reviewer deviates from nobody; such proposals say nothing about calibration. */
export const MIN_PANEL_FOR_CALIBRATION = 2;

/**
 * The panel mean of a principle is the mean of every counted review of that proposal, the reviewer's
 * own included, so that every reviewer of a panel is measured against the same number. A reviewer's
 * deviation is the average of (score − panel mean) over every principle of every counted review.
 * Only counted reviews enter: a conflicted or unsubmitted review is not part of any panel.
 */
export function calibrateReviewers(proposals: readonly ProposalReviews[]): ReviewerCalibration[] {
  const totals = new Map<string, { reviews: number; deviation: Fraction }>();
  for (const proposal of proposals) {
    const panel = countedReviews(proposal.reviews);
    if (panel.length < MIN_PANEL_FOR_CALIBRATION) continue;
    const size = BigInt(panel.length);
    const sums = PRINCIPLE_IDS.map((p) => BigInt(panel.reduce((total, r) => total + r.scores[p], 0)));
    for (const review of panel) {
      // Σ over principles of (score − sum/size), over one denominator.
      const numerator = PRINCIPLE_IDS.reduce(
        (total, p, i) => total + BigInt(review.scores[p]) * size - (sums[i] ?? 0n),
        0n,
      );
      const entry = totals.get(review.reviewerId) ?? { reviews: 0, deviation: fraction(0n, 1n) };
      entry.reviews += 1;
      entry.deviation = addFractions(entry.deviation, fraction(numerator, size));
      totals.set(review.reviewerId, entry);
    }
  }
  return [...totals.entries()]
    .map(([reviewerId, { reviews, deviation }]) => ({
      reviewerId,
      reviews,
      meanDeviation: toExactMean(
        fraction(deviation.num, deviation.den * BigInt(reviews * PRINCIPLE_IDS.length)),
      ),
    }))
    .sort((a, b) => (a.reviewerId < b.reviewerId ? -1 : a.reviewerId > b.reviewerId ? 1 : 0));
}
