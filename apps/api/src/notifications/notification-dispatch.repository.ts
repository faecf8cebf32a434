import {
  addDays,
  CONSENT_EXPIRY_WARNING_DAYS,
  CONSENT_REQUEST_OVERDUE_DAYS,
  FUNDED_STAGES,
  NOTIFICATION_AUDIENCE,
  PROPOSAL_STAGES,
  type Language,
  type NotificationKind,
} from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NotificationFacts } from './messages/render';
import type { AuditedChange } from './notification-events';

export interface Recipient {
  id: string;
  mode: 'immediate' | 'digest' | 'off';
}

/** A notification with what its mail needs: the recipient's address and language. */
export interface MailRow {
  id: string;
  kind: NotificationKind;
  link: string;
  facts: NotificationFacts;
  mailed_at: Date | null;
  email: string;
  language: Language;
  active: boolean;
}

export interface ContactNoticeRow {
  id: string;
  kind: NotificationKind;
  email: string;
  language: Language;
  facts: NotificationFacts;
  mailed_at: Date | null;
  organization: string;
}

/** A project's code and title, as every notification names it. */
interface Named {
  project_id: string;
  code: string;
  title: string;
}

const MAIL_COLUMNS = `n.id, n.kind, n.link, n.facts, n.mailed_at, u.email, u.language, u.active`;

/**
 * The SQL of notifications in the making: what an event or the daily scan tells of, who receives
 * it, and the notifications and contact notices written and mailed. NotificationDispatchService
 * decides; every method takes the caller's transaction where it has one.
 */
@Injectable()
export class NotificationDispatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // What one change tells of.

  async auditEntry(
    manager: EntityManager,
    entryId: string,
  ): Promise<(AuditedChange & { entity_id: string }) | null> {
    const [entry]: (AuditedChange & { entity_id: string })[] = await manager.query(
      `SELECT id, entity, entity_id, action, before, after FROM audit_entries WHERE id = $1`,
      [entryId],
    );
    return entry ?? null;
  }

  async projectsOfConsents(consentIds: string[]): Promise<string[]> {
    const rows: { project_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT project_id FROM consent_records WHERE id = ANY($1)`,
      [consentIds],
    );
    return rows.map((row) => row.project_id);
  }

  async review(manager: EntityManager, reviewId: string): Promise<Named | null> {
    const [review]: Named[] = await manager.query(
      `SELECT r.project_id, p.code, p.title FROM reviews r JOIN projects p ON p.id = r.project_id WHERE r.id = $1`,
      [reviewId],
    );
    return review ?? null;
  }

  async consent(
    manager: EntityManager,
    consentId: string,
  ): Promise<(Named & { country_iso3: string; withdrawn_on: string | null; stage: string }) | null> {
    const [consent]: (Named & { country_iso3: string; withdrawn_on: string | null; stage: string })[] =
      await manager.query(
        `SELECT c.project_id, c.country_iso3, c.withdrawn_on, p.code, p.title, p.stage
         FROM consent_records c JOIN projects p ON p.id = c.project_id
         WHERE c.id = $1 AND p.deleted_at IS NULL`,
        [consentId],
      );
    return consent ?? null;
  }

  async receipt(
    manager: EntityManager,
    contributionId: string,
  ): Promise<{ amount: string; currency: string; received_on: string; donor: string } | null> {
    const [receipt]: { amount: string; currency: string; received_on: string; donor: string }[] =
      await manager.query(
        `SELECT c.amount::text AS amount, c.currency, c.received_on, d.name AS donor
         FROM contributions c JOIN donors d ON d.id = c.donor_id WHERE c.id = $1`,
        [contributionId],
      );
    return receipt ?? null;
  }

  async revision(
    manager: EntityManager,
    revisionId: string,
  ): Promise<(Named & { kind: string; status: string }) | null> {
    const [revision]: (Named & { kind: string; status: string })[] = await manager.query(
      `SELECT r.project_id, r.kind, r.status, p.code, p.title
       FROM project_revisions r JOIN projects p ON p.id = r.project_id
       WHERE r.id = $1 AND p.deleted_at IS NULL`,
      [revisionId],
    );
    return revision ?? null;
  }

  // What the daily scan finds.

  /** Granted consents of funded projects that expire within the warning window from today. */
  expiringConsents(
    manager: EntityManager,
    today: string,
  ): Promise<(Named & { id: string; country_iso3: string; valid_until: string })[]> {
    return manager.query(
      `SELECT c.id, c.project_id, c.country_iso3, c.valid_until, p.code, p.title
       FROM consent_records c JOIN projects p ON p.id = c.project_id
       WHERE p.deleted_at IS NULL AND p.stage = ANY($1) AND c.status = 'granted' AND c.withdrawn_on IS NULL
         AND c.valid_until BETWEEN $2::date AND $2::date + $3::int`,
      [FUNDED_STAGES, today, CONSENT_EXPIRY_WARNING_DAYS],
    );
  }

  /**
   * Projects whose paragraph 6 is worth judging today: those that lost it before, and funded ones
   * with a country lacking a valid consent (a cheap first sieve; the compliance service judges).
   */
  async paragraph6Candidates(today: string): Promise<string[]> {
    const rows: { project_id: string }[] = await this.dataSource.query(
      `SELECT project_id FROM paragraph6_losses
       UNION
       SELECT p.id FROM projects p
       WHERE p.deleted_at IS NULL AND p.stage = ANY($1) AND EXISTS (
         SELECT 1 FROM project_countries pc WHERE pc.project_id = p.id AND NOT EXISTS (
           SELECT 1 FROM consent_records c WHERE c.project_id = p.id AND c.country_iso3 = pc.country_iso3
             AND c.status = 'granted' AND c.withdrawn_on IS NULL
             AND (c.valid_until IS NULL OR c.valid_until >= $2::date)))`,
      [FUNDED_STAGES, today],
    );
    return rows.map((row) => row.project_id);
  }

  /** Unsubmitted reviews of the current round due within `days` of today (or overdue). */
  reviewsDue(
    manager: EntityManager,
    today: string,
    days: number,
  ): Promise<(Named & { id: string; reviewer_id: string; reviewer: string; due_on: string })[]> {
    return manager.query(
      `SELECT r.id, r.project_id, r.reviewer_id, u.name AS reviewer, r.due_on::text AS due_on, p.code, p.title
       FROM reviews r
       JOIN projects p ON p.id = r.project_id
       JOIN users u ON u.id = r.reviewer_id
       WHERE p.deleted_at IS NULL AND p.stage = 'under_review' AND r.status IN ('assigned', 'draft')
         AND r.due_on <= $1::date + $2::int
         AND NOT EXISTS (SELECT 1 FROM review_rounds rr WHERE rr.project_id = p.id AND rr.number > r.round)`,
      [today, days],
    );
  }

  async reviewWaitingDays(manager: EntityManager): Promise<number> {
    const [settings]: { review_waiting_days: number }[] = await manager.query(
      `SELECT review_waiting_days FROM assessment_settings WHERE id`,
    );
    return settings!.review_waiting_days;
  }

  /** Proposals under review whose current round opened more than `days` before today. */
  waitingProposals(
    manager: EntityManager,
    today: string,
    days: number,
  ): Promise<{ id: string; code: string; title: string; round: number; opened_on: string }[]> {
    return manager.query(
      `SELECT p.id, p.code, p.title, rr.number AS round,
              (rr.opened_at AT TIME ZONE 'UTC')::date::text AS opened_on
       FROM projects p
       JOIN LATERAL (SELECT number, opened_at FROM review_rounds
                     WHERE project_id = p.id ORDER BY number DESC LIMIT 1) rr ON true
       WHERE p.deleted_at IS NULL AND p.stage = 'under_review'
         AND (rr.opened_at AT TIME ZONE 'UTC')::date < $1::date - $2::int`,
      [today, days],
    );
  }

  /** Proposals' consent requests unanswered past the overdue window. */
  overdueConsentRequests(
    manager: EntityManager,
    today: string,
  ): Promise<(Named & { id: string; country_iso3: string; requested_on: string })[]> {
    return manager.query(
      `SELECT c.id, c.project_id, c.country_iso3, c.requested_on::text AS requested_on, p.code, p.title
       FROM consent_records c JOIN projects p ON p.id = c.project_id
       WHERE p.deleted_at IS NULL AND p.stage = ANY($1) AND c.status = 'requested' AND c.withdrawn_on IS NULL
         AND c.requested_on < $2::date`,
      [PROPOSAL_STAGES, addDays(today, -CONSENT_REQUEST_OVERDUE_DAYS)],
    );
  }

  /** Reports still owed and due within `days` of today, with the lead organization's contact. */
  reportsOwed(
    manager: EntityManager,
    today: string,
    days: number,
  ): Promise<
    (Named & {
      id: string;
      kind: string;
      due_on: string;
      organization_id: string | null;
      organization: string | null;
      contact_email: string | null;
      contact_language: string | null;
    })[]
  > {
    return manager.query(
      `SELECT r.id, r.project_id, r.kind, r.due_on::text AS due_on, p.code, p.title,
              o.id AS organization_id, o.name AS organization, o.contact_email, o.contact_language
       FROM reports r JOIN projects p ON p.id = r.project_id
       LEFT JOIN organizations o ON o.id = p.lead_organization_id
       WHERE p.deleted_at IS NULL AND r.status IN ('due', 'returned') AND r.due_on <= $1::date + $2::int`,
      [today, days],
    );
  }

  // Paragraph 6 losses, kept until the project meets it again.

  async forgetParagraph6Loss(manager: EntityManager, projectId: string): Promise<void> {
    await manager.query(`DELETE FROM paragraph6_losses WHERE project_id = $1`, [projectId]);
  }

  /** The loss's date when it is new; null when the project had already lost it. */
  async recordParagraph6Loss(
    manager: EntityManager,
    projectId: string,
    lostOn: string,
  ): Promise<string | null> {
    const inserted: { lost_on: string }[] = await manager.query(
      `INSERT INTO paragraph6_losses (project_id, lost_on) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING lost_on`,
      [projectId, lostOn],
    );
    return inserted[0]?.lost_on ?? null;
  }

  // Notifications and their mail.

  /** The active users of the kind's audience, narrowed to the given users or donor, with their choice. */
  recipients(
    manager: EntityManager,
    kind: NotificationKind,
    to: { userIds?: string[]; donorId?: string },
  ): Promise<Recipient[]> {
    return manager.query(
      `SELECT u.id, coalesce(np.mode, 'immediate') AS mode
       FROM users u
       LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.kind = $1
       WHERE u.active AND u.role = ANY($2)
         AND ($3::uuid[] IS NULL OR u.id = ANY($3)) AND ($4::uuid IS NULL OR u.donor_id = $4)`,
      [kind, NOTIFICATION_AUDIENCE[kind], to.userIds ?? null, to.donorId ?? null],
    );
  }

  /** The new notification's id; null when its key was already used (the event was told). */
  async insertNotification(
    manager: EntityManager,
    notification: {
      userId: string;
      kind: NotificationKind;
      key: string;
      mode: Recipient['mode'];
      projectId: string | null;
      link: string;
      facts: NotificationFacts;
    },
  ): Promise<string | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, idempotency_key, mode, project_id, link, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        notification.userId,
        notification.kind,
        notification.key,
        notification.mode,
        notification.projectId,
        notification.link,
        JSON.stringify(notification.facts),
      ],
    );
    return inserted[0]?.id ?? null;
  }

  /** The notice's id; null when its key was already used. */
  async insertContactNotice(
    manager: EntityManager,
    notice: {
      key: string;
      kind: NotificationKind;
      organizationId: string;
      projectId: string | null;
      email: string;
      language: Language;
      facts: NotificationFacts;
    },
  ): Promise<string | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO contact_notices (idempotency_key, kind, organization_id, project_id, email, language, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        notice.key,
        notice.kind,
        notice.organizationId,
        notice.projectId,
        notice.email,
        notice.language,
        JSON.stringify(notice.facts),
      ],
    );
    return inserted[0]?.id ?? null;
  }

  /** The notice locked for the caller's transaction, with its organization's name. */
  async lockedContactNotice(manager: EntityManager, noticeId: string): Promise<ContactNoticeRow | null> {
    const [row]: ContactNoticeRow[] = await manager.query(
      `SELECT n.id, n.kind, n.email, n.language, n.facts, n.mailed_at, o.name AS organization
       FROM contact_notices n JOIN organizations o ON o.id = n.organization_id
       WHERE n.id = $1 FOR UPDATE OF n`,
      [noticeId],
    );
    return row ?? null;
  }

  async markContactNoticeMailed(manager: EntityManager, noticeId: string): Promise<void> {
    await manager.query(`UPDATE contact_notices SET mailed_at = now() WHERE id = $1`, [noticeId]);
  }

  /** The notification locked for the caller's transaction, with its recipient. */
  async lockedNotification(manager: EntityManager, notificationId: string): Promise<MailRow | null> {
    const [row]: MailRow[] = await manager.query(
      `SELECT ${MAIL_COLUMNS}
       FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1 FOR UPDATE OF n`,
      [notificationId],
    );
    return row ?? null;
  }

  async usersWithDigest(): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE mode = 'digest' AND mailed_at IS NULL`,
    );
    return rows.map((row) => row.user_id);
  }

  /** The user's unmailed digest notifications, oldest first, locked (skipping those another run holds). */
  lockedDigest(manager: EntityManager, userId: string): Promise<MailRow[]> {
    return manager.query(
      `SELECT ${MAIL_COLUMNS}
       FROM notifications n JOIN users u ON u.id = n.user_id
       WHERE n.user_id = $1 AND n.mode = 'digest' AND n.mailed_at IS NULL
       ORDER BY n.created_at, n.id FOR UPDATE OF n SKIP LOCKED`,
      [userId],
    );
  }

  async markMailed(manager: EntityManager, notificationIds: string[]): Promise<void> {
    await manager.query(`UPDATE notifications SET mailed_at = now() WHERE id = ANY($1)`, [notificationIds]);
  }
}
