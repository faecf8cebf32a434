import {
  describeReviewAlert,
  dueDateRefusal,
  proposalWaiting,
  reviewDueDate,
  reviewOverdue,
  waitingAlertFrom,
} from './review-deadlines';
import type { ReviewDeadlineInput } from './review-deadlines';

const owed: ReviewDeadlineInput = {
  reviewId: 'r1',
  projectId: 'p1',
  reviewerId: 'u1',
  status: 'draft',
  dueOn: '2026-03-10',
  stage: 'under_review',
  currentRound: true,
};

describe('the due date of a review', () => {
  it('is the assignment day plus the configured days', () => {
    expect(reviewDueDate('2026-02-25', 21)).toBe('2026-03-18');
    expect(reviewDueDate('2026-12-20', 14)).toBe('2027-01-03');
  });

  it('may be the assignment day itself but not earlier', () => {
    expect(dueDateRefusal('2026-03-01', '2026-03-01')).toBeNull();
    expect(dueDateRefusal('2026-02-28', '2026-03-01')).toEqual({
      code: 'due_date_before_assignment',
      facts: { dueOn: '2026-02-28', assignedOn: '2026-03-01' },
    });
  });
});

describe('an overdue review', () => {
  it('is on time through its due date and overdue from the next day', () => {
    expect(reviewOverdue(owed, '2026-03-09')).toBeNull();
    expect(reviewOverdue(owed, '2026-03-10')).toBeNull();
    expect(reviewOverdue(owed, '2026-03-11')).toEqual({
      code: 'review_overdue',
      facts: { projectId: 'p1', reviewId: 'r1', reviewerId: 'u1', dueOn: '2026-03-10', daysOverdue: 1 },
    });
    expect(reviewOverdue(owed, '2026-04-10')?.facts).toMatchObject({ daysOverdue: 31 });
  });

  it('is owed only while assigned or in draft', () => {
    expect(reviewOverdue({ ...owed, status: 'assigned' }, '2026-03-11')).not.toBeNull();
    expect(reviewOverdue({ ...owed, status: 'submitted' }, '2026-03-11')).toBeNull();
    expect(reviewOverdue({ ...owed, status: 'declined_conflict' }, '2026-03-11')).toBeNull();
  });

  it('is owed only while the proposal is under review, in its counting round', () => {
    expect(reviewOverdue({ ...owed, stage: 'revision_requested' }, '2026-03-11')).toBeNull();
    expect(reviewOverdue({ ...owed, stage: 'approved' }, '2026-03-11')).toBeNull();
    expect(reviewOverdue({ ...owed, currentRound: false }, '2026-03-11')).toBeNull();
  });
});

describe('a proposal waiting too long under review', () => {
  const proposal = {
    projectId: 'p1',
    stage: 'under_review' as const,
    round: 2,
    underReviewSince: '2026-01-01',
  };

  it('raises an alert once the days under review exceed the limit', () => {
    expect(proposalWaiting(proposal, '2026-03-02', 60)).toBeNull(); // 60 days
    expect(proposalWaiting(proposal, '2026-03-03', 60)).toEqual({
      code: 'proposal_review_waiting',
      facts: { projectId: 'p1', round: 2, underReviewSince: '2026-01-01', daysWaiting: 61, limitDays: 60 },
    });
    expect(waitingAlertFrom('2026-01-01', 60)).toBe('2026-03-03');
  });

  it('counts only while the proposal is under review', () => {
    expect(proposalWaiting({ ...proposal, stage: 'revision_requested' }, '2026-06-01', 60)).toBeNull();
  });
});

describe('review alerts in words', () => {
  it('name the dates and the days', () => {
    expect(describeReviewAlert(reviewOverdue(owed, '2026-03-11')!)).toBe(
      'The review was due on 2026-03-10 and is 1 day overdue.',
    );
    expect(
      describeReviewAlert(
        proposalWaiting(
          { projectId: 'p', stage: 'under_review', round: 1, underReviewSince: '2026-01-01' },
          '2026-03-03',
          60,
        )!,
      ),
    ).toBe('Under review since 2026-01-01 (round 1): 61 days, beyond the 60 allowed.');
  });
});
