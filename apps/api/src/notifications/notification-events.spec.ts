import { noticesOf } from './notification-events';

const change = (entity: string, action: string, before: object | null, after: object | null) => ({
  id: 'a1',
  entity,
  entityId: 'e1',
  action,
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown> | null,
});

describe('what a committed change notifies of', () => {
  it('tells a reviewer of an assignment, with the due date when the review has one', () => {
    expect(noticesOf(change('review', 'create', null, { reviewerId: 'r1' }))).toEqual([
      { kind: 'review_assigned', reviewId: 'e1', reviewerId: 'r1', due: null },
    ]);
    expect(
      noticesOf(change('review', 'create', null, { reviewerId: 'r1', dueOn: '2026-02-01' }))[0],
    ).toMatchObject({
      due: '2026-02-01',
    });
    expect(noticesOf(change('review', 'update', { reviewerId: 'r1' }, { reviewerId: 'r1' }))).toEqual([]);
  });

  it('tells of a withdrawal only when the consent becomes withdrawn', () => {
    const kinds = (before: object | null, after: object) =>
      noticesOf(change('consent_record', 'update', before, after)).map((notice) => notice.kind);
    expect(kinds({ status: 'granted' }, { status: 'withdrawn', withdrawnOn: '2026-01-02' })).toEqual([
      'consent_withdrawn',
      'consent_changed',
    ]);
    expect(kinds({ status: 'withdrawn' }, { status: 'withdrawn', scope: 'x' })).toEqual(['consent_changed']);
  });

  it('tells a donor of a receipt when a contribution becomes received, not on other edits', () => {
    const received = { donorId: 'd1', status: 'received', receivedOn: '2026-01-05' };
    expect(noticesOf(change('contribution', 'create', null, received))).toHaveLength(1);
    expect(
      noticesOf(
        change('contribution', 'update', { donorId: 'd1', status: 'pledged', receivedOn: null }, received),
      ),
    ).toHaveLength(1);
    expect(noticesOf(change('contribution', 'update', received, { ...received, reference: 'x' }))).toEqual(
      [],
    );
    expect(noticesOf(change('contribution', 'create', null, { donorId: 'd1', status: 'pledged' }))).toEqual(
      [],
    );
  });

  it('tells of a revision or extension when it is decided, approved or rejected, once', () => {
    const pending = { status: 'pending', kind: 'extension' };
    expect(noticesOf(change('revision', 'approve', pending, { ...pending, status: 'approved' }))).toEqual([
      { kind: 'revision_decided', revisionId: 'e1' },
    ]);
    expect(noticesOf(change('revision', 'reject', pending, { ...pending, status: 'rejected' }))).toHaveLength(
      1,
    );
    expect(noticesOf(change('revision', 'create', null, pending))).toEqual([]);
  });
});
