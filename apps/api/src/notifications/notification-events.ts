import type { NotificationKind } from '@hstf/domain';

/** An audit entry: a committed change of a record. */
export interface AuditedChange {
  id: string;
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What a change may notify of; the dispatcher finds the recipients and the facts. */
export type ChangeNotice =
  | { kind: 'review_assigned'; reviewId: string; reviewerId: string; due: string | null }
  | { kind: 'consent_withdrawn'; consentId: string }
  | { kind: 'consent_changed'; consentId: string }
  | { kind: 'receipt_recorded'; contributionId: string; donorId: string }
  | { kind: 'revision_decided'; revisionId: string };

/** The entities whose changes can notify anyone: only their changes are looked at. */
export const NOTIFYING_ENTITIES = ['review', 'consent_record', 'contribution', 'revision'] as const;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * What one committed change tells: a review created is a reviewer assigned (with its due date when
 * the review has one); a consent that becomes withdrawn is a withdrawal, and any consent change may
 * cost its project paragraph 6; a contribution that becomes received is a receipt for its donor; a
 * budget revision or extension that becomes approved or rejected is a decision.
 */
export function noticesOf(change: AuditedChange): ChangeNotice[] {
  const { before, after } = change;
  if (change.entity === 'review' && change.action === 'create' && after) {
    const reviewerId = text(after.reviewerId);
    if (!reviewerId) return [];
    return [
      {
        kind: 'review_assigned',
        reviewId: change.entityId,
        reviewerId,
        due: text(after.dueOn) ?? text(after.dueDate) ?? null,
      },
    ];
  }
  if (change.entity === 'consent_record' && after) {
    const notices: ChangeNotice[] = [{ kind: 'consent_changed', consentId: change.entityId }];
    const withdrawn = (record: Record<string, unknown> | null) =>
      record !== null && (record.status === 'withdrawn' || text(record.withdrawnOn) !== null);
    if (withdrawn(after) && !withdrawn(before)) {
      notices.unshift({ kind: 'consent_withdrawn', consentId: change.entityId });
    }
    return notices;
  }
  if (change.entity === 'contribution' && after) {
    const donorId = text(after.donorId);
    const received = (record: Record<string, unknown> | null) =>
      record !== null && record.status === 'received' && text(record.receivedOn) !== null;
    if (donorId && received(after) && !received(before)) {
      return [{ kind: 'receipt_recorded', contributionId: change.entityId, donorId }];
    }
  }
  if (change.entity === 'revision' && after) {
    const decided = (record: Record<string, unknown> | null) =>
      record !== null && (record.status === 'approved' || record.status === 'rejected');
    if (decided(after) && !decided(before))
      return [{ kind: 'revision_decided', revisionId: change.entityId }];
  }
  return [];
}

/** One notification per event and recipient: the key the database keeps unique. */
export function notificationKey(kind: NotificationKind, event: string, userId: string): string {
  return `${kind}:${event}:${userId}`;
}
