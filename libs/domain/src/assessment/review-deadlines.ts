import type { IsoDate } from '../calendar/iso-date';
import { addDays, compareIsoDates, daysBetween } from '../calendar/iso-date';
import type { Stage } from '../lifecycle/stages';
import type { ReviewStatus } from './assessment';

/**
 * Waiting too long: a review has a due date, set when the reviewer is assigned; a proposal should not
 * stay under review beyond a configured number of days. Both are dates, judged on a calendar day
 * (UTC): a review due on the 10th is on time all of the 10th and overdue from the 11th.
 */

/** Defaults written in the settings row: three weeks to review, sixty days under review. */
export const DEFAULT_REVIEW_DUE_DAYS = 21;
export const DEFAULT_REVIEW_WAITING_DAYS = 60;

/** The due date of a review assigned on `assignedOn` when the settings allow `dueDays` days. */
export function reviewDueDate(assignedOn: IsoDate, dueDays: number): IsoDate {
  return addDays(assignedOn, dueDays);
}

/** Whether a due date chosen by staff is acceptable for an assignment made on `assignedOn`. */
export function dueDateRefusal(
  dueOn: IsoDate,
  assignedOn: IsoDate,
): { code: 'due_date_before_assignment'; facts: { dueOn: IsoDate; assignedOn: IsoDate } } | null {
  return compareIsoDates(dueOn, assignedOn) < 0
    ? { code: 'due_date_before_assignment', facts: { dueOn, assignedOn } }
    : null;
}

/** A review still owed: assigned (conflicts not declared yet) or in draft. */
const OWED: readonly ReviewStatus[] = ['assigned', 'draft'];

export interface ReviewDeadlineInput {
  reviewId: string;
  projectId: string;
  reviewerId: string;
  status: ReviewStatus;
  dueOn: IsoDate;
  /** The stage of the proposal: reviews are owed only while it is under review. */
  stage: Stage;
  /** Whether the review belongs to the proposal's counting round; an earlier round's is owed no more. */
  currentRound: boolean;
}

export interface ProposalWaitingInput {
  projectId: string;
  stage: Stage;
  round: number;
  /** The day the counting round opened: the proposal has been under review since then. */
  underReviewSince: IsoDate;
}

export type ReviewAlert =
  | {
      code: 'review_overdue';
      facts: {
        projectId: string;
        reviewId: string;
        reviewerId: string;
        dueOn: IsoDate;
        daysOverdue: number;
      };
    }
  | {
      code: 'proposal_review_waiting';
      facts: {
        projectId: string;
        round: number;
        underReviewSince: IsoDate;
        daysWaiting: number;
        limitDays: number;
      };
    };

/** The review is overdue on `on`: still owed on a proposal under review, and its due date has passed. */
export function reviewOverdue(review: ReviewDeadlineInput, on: IsoDate): ReviewAlert | null {
  if (review.stage !== 'under_review' || !review.currentRound || !OWED.includes(review.status)) return null;
  if (compareIsoDates(on, review.dueOn) <= 0) return null;
  return {
    code: 'review_overdue',
    facts: {
      projectId: review.projectId,
      reviewId: review.reviewId,
      reviewerId: review.reviewerId,
      dueOn: review.dueOn,
      daysOverdue: daysBetween(review.dueOn, on),
    },
  };
}

/** The proposal has been under review for more than `limitDays` days on `on`. */
export function proposalWaiting(
  proposal: ProposalWaitingInput,
  on: IsoDate,
  limitDays: number,
): ReviewAlert | null {
  if (proposal.stage !== 'under_review') return null;
  const daysWaiting = daysBetween(proposal.underReviewSince, on);
  if (daysWaiting <= limitDays) return null;
  return {
    code: 'proposal_review_waiting',
    facts: {
      projectId: proposal.projectId,
      round: proposal.round,
      underReviewSince: proposal.underReviewSince,
      daysWaiting,
      limitDays,
    },
  };
}

/** The date from which a proposal under review since `since` is waiting too long. */
export function waitingAlertFrom(since: IsoDate, limitDays: number): IsoDate {
  return addDays(since, limitDays + 1);
}

export function describeReviewAlert(alert: ReviewAlert): string {
  switch (alert.code) {
    case 'review_overdue':
      return `The review was due on ${alert.facts.dueOn} and is ${alert.facts.daysOverdue} day${alert.facts.daysOverdue === 1 ? '' : 's'} overdue.`;
    case 'proposal_review_waiting':
      return `Under review since ${alert.facts.underReviewSince} (round ${alert.facts.round}): ${alert.facts.daysWaiting} days, beyond the ${alert.facts.limitDays} allowed.`;
  }
}
