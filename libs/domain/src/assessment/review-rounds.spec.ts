import {
  assignmentRound,
  countingRound,
  openRound,
  reviewsOfCountingRound,
  roundChangeOnTransition,
  roundCounts,
} from './review-rounds';
import type { ReviewRound } from './review-rounds';

const closed = (number: number): ReviewRound => ({ number, closedAt: '2026-01-01T00:00:00.000Z' });
const open = (number: number): ReviewRound => ({ number, closedAt: null });

describe('the counting round', () => {
  it('is the latest round, open or closed, whatever the order the rounds are given in', () => {
    expect(countingRound([closed(2), closed(1), open(3)])?.number).toBe(3);
    expect(countingRound([closed(1), closed(2)])?.number).toBe(2);
  });

  it('does not exist before the proposal was first under review', () => {
    expect(countingRound([])).toBeNull();
    expect(roundCounts(1, [])).toBe(false);
  });

  it('is the only round whose reviews count', () => {
    const rounds = [closed(1), open(2)];
    expect(roundCounts(2, rounds)).toBe(true);
    expect(roundCounts(1, rounds)).toBe(false);
    const reviews = [
      { id: 'a', round: 1 },
      { id: 'b', round: 2 },
      { id: 'c', round: 1 },
      { id: 'd', round: 2 },
    ];
    expect(reviewsOfCountingRound(reviews, rounds).map((r) => r.id)).toEqual(['b', 'd']);
    expect(reviewsOfCountingRound(reviews, [])).toEqual([]);
  });

  it('stays the latest round once it is closed by a decision', () => {
    expect(roundCounts(2, [closed(1), closed(2)])).toBe(true);
    expect(openRound([closed(1), closed(2)])).toBeNull();
  });
});

describe('rounds open and close with the lifecycle', () => {
  it('opens round 1 when the proposal first goes under review', () => {
    expect(roundChangeOnTransition('full_proposal', 'under_review', [])).toEqual({ close: null, open: 1 });
  });

  it('closes the open round when the proposal is returned for revision', () => {
    expect(roundChangeOnTransition('under_review', 'revision_requested', [open(1)])).toEqual({
      close: 1,
      open: null,
    });
  });

  it('opens the next round on resubmission', () => {
    expect(roundChangeOnTransition('full_proposal', 'under_review', [closed(1)])).toEqual({
      close: null,
      open: 2,
    });
    expect(roundChangeOnTransition('full_proposal', 'under_review', [closed(2), closed(1)])).toEqual({
      close: null,
      open: 3,
    });
  });

  it('closes the round on any decision that ends the review', () => {
    for (const to of ['approved', 'rejected', 'withdrawn'] as const) {
      expect(roundChangeOnTransition('under_review', to, [closed(1), open(2)])).toEqual({
        close: 2,
        open: null,
      });
    }
  });

  it('keeps an open round found on the way into review rather than opening a second one', () => {
    expect(roundChangeOnTransition('full_proposal', 'under_review', [open(1)])).toEqual({
      close: null,
      open: null,
    });
  });

  it('leaves the rounds alone on moves that neither enter nor leave review', () => {
    expect(roundChangeOnTransition('revision_requested', 'full_proposal', [closed(1)])).toEqual({
      close: null,
      open: null,
    });
    expect(roundChangeOnTransition('approved', 'active', [closed(1)])).toEqual({ close: null, open: null });
  });
});

describe('the round an assignment joins', () => {
  it('is the open round', () => {
    expect(assignmentRound([closed(1), open(2)])).toEqual({ number: 2, opens: false });
  });

  it('is a new round when none is open (a proposal put under review before rounds were kept)', () => {
    expect(assignmentRound([])).toEqual({ number: 1, opens: true });
    expect(assignmentRound([closed(1)])).toEqual({ number: 2, opens: true });
  });
});
