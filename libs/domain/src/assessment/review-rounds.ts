import type { Stage } from '../lifecycle/stages';

/**
 * Review rounds (DESIGN.md §4.3): a proposal is reviewed in rounds. The first round opens when the
 * proposal first goes under review; returning it for revision closes the round, and resubmitting it
 * opens the next. Only the latest round counts: the reviews of earlier rounds stay on record, but
 * they judged a proposal that has since changed, so they never enter the assessment, the scorecard,
 * the calibration of reviewers or the approval gate.
 */

export interface ReviewRound {
  /** 1, 2, … per project, in the order the rounds opened. */
  number: number;
  /** null while the round is open. */
  closedAt: string | null;
}

/** What a transition does to the project's rounds: the round it closes and the one it opens. */
export interface RoundChange {
  close: number | null;
  open: number | null;
}

const REVIEWED_STAGE: Stage = 'under_review';

/** The latest round, the only one that counts; null before the proposal was first under review. */
export function countingRound<R extends ReviewRound>(rounds: readonly R[]): R | null {
  let latest: R | null = null;
  for (const round of rounds) if (latest === null || round.number > latest.number) latest = round;
  return latest;
}

/** The round open for reviews, if any. */
export function openRound<R extends ReviewRound>(rounds: readonly R[]): R | null {
  const latest = countingRound(rounds);
  return latest && latest.closedAt === null ? latest : null;
}

/** Whether a review of round `round` counts: only the latest round's reviews do. */
export function roundCounts(round: number, rounds: readonly ReviewRound[]): boolean {
  return countingRound(rounds)?.number === round;
}

/** The reviews of the counting round, in their order; the reviews of earlier rounds are left out. */
export function reviewsOfCountingRound<T extends { round: number }>(
  reviews: readonly T[],
  rounds: readonly ReviewRound[],
): T[] {
  const counting = countingRound(rounds);
  return counting === null ? [] : reviews.filter((review) => review.round === counting.number);
}

/**
 * Leaving review (for a revision, a decision or a withdrawal) closes the open round; going under
 * review opens the next one. An open round found on the way in (a proposal put under review outside
 * the lifecycle) is kept rather than doubled.
 */
export function roundChangeOnTransition(from: Stage, to: Stage, rounds: readonly ReviewRound[]): RoundChange {
  const open = openRound(rounds);
  if (from === REVIEWED_STAGE && to !== REVIEWED_STAGE) return { close: open?.number ?? null, open: null };
  if (to === REVIEWED_STAGE && from !== REVIEWED_STAGE && open === null) {
    return { close: null, open: (countingRound(rounds)?.number ?? 0) + 1 };
  }
  return { close: null, open: null };
}

/**
 * The round a reviewer assigned now joins: the open round. A proposal under review without an open
 * round (put under review before rounds were recorded) opens the next one; `opens` says so.
 */
export function assignmentRound(rounds: readonly ReviewRound[]): { number: number; opens: boolean } {
  const open = openRound(rounds);
  if (open) return { number: open.number, opens: false };
  return { number: (countingRound(rounds)?.number ?? 0) + 1, opens: true };
}
