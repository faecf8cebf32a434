import {
  addDays,
  consentExpiryNotice,
  CONSENT_EXPIRY_WARNING_DAYS,
  CONSENT_REQUEST_OVERDUE_DAYS,
  contactLanguage,
  daysBetween,
  FUNDED_STAGES,
  NOTIFICATION_AUDIENCE,
  PROPOSAL_STAGES,
  reportNotice,
  reviewReminderDue,
  type Language,
  type NotificationKind,
} from '@hstf/domain';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type RecordedChange } from '../audit';
import { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc } from '../compliance';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { JobsService, QUEUES } from '../jobs';
import { MailService } from '../mail';
import {
  renderContactMail,
  renderMail,
  renderNotification,
  type MailItem,
  type NotificationFacts,
} from './messages/render';
import {
  AuditedChange,
  ChangeNotice,
  noticesOf,
  notificationKey,
  NOTIFYING_ENTITIES,
} from './notification-events';

const SYSTEM = RequestContext.system('notifications');

interface Recipient {
  id: string;
  mode: 'immediate' | 'digest' | 'off';
}

interface NotificationToSend {
  kind: NotificationKind;
  /** What makes the event itself unique (an audit entry, a consent's expiry notice). */
  event: string;
  link: string;
  projectId: string | null;
  facts: NotificationFacts;
}

interface MailRow {
  id: string;
  kind: NotificationKind;
  link: string;
  facts: NotificationFacts;
  mailed_at: Date | null;
  email: string;
  language: Language;
  active: boolean;
}

/**
 * Turns what happens into notifications, and notifications into mail, in background jobs:
 * - `change`, one per committed change that notifies anyone, sent in the change's own transaction;
 * - `alert-scan`, daily: consents of funded projects nearing expiry, paragraph 6 on funded projects,
 *   reviews due soon or overdue, proposals waiting, consent requests unanswered, reports due or overdue;
 * - `mail`, one per notification to be mailed at once; `digest`, daily, one mail per user with the
 *   rest.
 * A notification's key (event and recipient) is unique in the database, so a job run twice, or by
 * two processes, tells nobody twice.
 */
@Injectable()
export class NotificationDispatchService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly compliance: ComplianceService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(QUEUES.change.name, (data) => this.notifyOfEntry(String(data.entryId)));
    this.jobs.handle(QUEUES.mail.name, (data) => this.mailOne(String(data.notificationId)));
    this.jobs.handle(QUEUES.contactMail.name, (data) => this.mailContact(String(data.noticeId)));
    this.jobs.handle(QUEUES.alertScan.name, () => this.scan());
    this.jobs.handle(QUEUES.digest.name, () => this.mailDigests());
    this.jobs.scheduleOn(QUEUES.alertScan.name, this.config.jobs.alertScanCron);
    this.jobs.scheduleOn(QUEUES.digest.name, this.config.jobs.digestCron);
    this.audit.onRecorded((manager, change) => this.queueChange(manager, change));
  }

  /**
   * A change that notifies anyone queues a job in the change's own transaction. Why a job there
   * rather than after the commit (ChangeEvents) or the notifications themselves: the job commits
   * with the change and never without it, so a process that stops between the commit and the work
   * loses nothing, and a change rolled back tells nobody; yet finding the recipients and mailing
   * them stays out of the request, so a failure there never refuses the change and is retried with
   * backoff. The job names the audit entry: a job run twice (retried after a lost connection) finds
   * the notifications of that entry already made, their key being unique.
   */
  private async queueChange(manager: EntityManager, change: RecordedChange): Promise<void> {
    if (!(NOTIFYING_ENTITIES as readonly string[]).includes(change.entity)) return;
    // As the job will read it back from the audit entry: JSON.
    const entry = JSON.parse(JSON.stringify({ ...change, id: change.entryId })) as AuditedChange;
    if (noticesOf(entry).length === 0) return;
    // Outside a transaction the change has committed already: the job follows at once.
    const inTransaction = manager.queryRunner?.isTransactionActive === true;
    await this.jobs.send(
      QUEUES.change.name,
      { entryId: change.entryId },
      {},
      inTransaction ? manager : undefined,
    );
  }

  /** Notifies of what one committed change (its audit entry) tells. */
  async notifyOfEntry(entryId: string): Promise<void> {
    const consents = new Set<string>();
    await this.dataSource.transaction(async (manager) => {
      const [entry]: (AuditedChange & { entity_id: string })[] = await manager.query(
        `SELECT id, entity, entity_id, action, before, after FROM audit_entries WHERE id = $1`,
        [entryId],
      );
      if (!entry) return;
      for (const notice of noticesOf({ ...entry, entityId: entry.entity_id })) {
        if (notice.kind === 'consent_changed') consents.add(notice.consentId);
        else await this.notifyOf(manager, entry.id, notice);
      }
    });
    // Paragraph 6 is judged once the change is read, in its own transaction.
    const projects: { project_id: string }[] = consents.size
      ? await this.dataSource.query(`SELECT DISTINCT project_id FROM consent_records WHERE id = ANY($1)`, [
          [...consents],
        ])
      : [];
    for (const { project_id } of projects) await this.judgeParagraph6(project_id);
  }

  private async notifyOf(manager: EntityManager, entryId: string, notice: ChangeNotice): Promise<void> {
    if (notice.kind === 'review_assigned') {
      const [review]: { project_id: string; code: string; title: string }[] = await manager.query(
        `SELECT r.project_id, p.code, p.title FROM reviews r JOIN projects p ON p.id = r.project_id WHERE r.id = $1`,
        [notice.reviewId],
      );
      if (!review) return; // unassigned since
      await this.notify(
        manager,
        { userIds: [notice.reviewerId] },
        {
          kind: 'review_assigned',
          event: entryId,
          link: `/reviews/${notice.reviewId}`,
          projectId: review.project_id,
          facts: { code: review.code, title: review.title, due: notice.due },
        },
      );
    } else if (notice.kind === 'consent_withdrawn') {
      const [consent]: {
        project_id: string;
        country_iso3: string;
        withdrawn_on: string | null;
        code: string;
        title: string;
        stage: string;
      }[] = await manager.query(
        `SELECT c.project_id, c.country_iso3, c.withdrawn_on, p.code, p.title, p.stage
         FROM consent_records c JOIN projects p ON p.id = c.project_id
         WHERE c.id = $1 AND p.deleted_at IS NULL`,
        [notice.consentId],
      );
      if (!consent || !(FUNDED_STAGES as readonly string[]).includes(consent.stage)) return;
      await this.notify(
        manager,
        {},
        {
          kind: 'consent_withdrawn',
          event: entryId,
          link: `/projects/${consent.project_id}`,
          projectId: consent.project_id,
          facts: {
            code: consent.code,
            title: consent.title,
            country: consent.country_iso3.trim(),
            date: consent.withdrawn_on ?? todayUtc(),
          },
        },
      );
    } else if (notice.kind === 'receipt_recorded') {
      const [receipt]: { amount: string; currency: string; received_on: string; donor: string }[] =
        await manager.query(
          `SELECT c.amount::text AS amount, c.currency, c.received_on, d.name AS donor
         FROM contributions c JOIN donors d ON d.id = c.donor_id WHERE c.id = $1`,
          [notice.contributionId],
        );
      if (!receipt) return;
      // What the donor's users read in the dashboard anyway: their own contribution, nothing else.
      await this.notify(
        manager,
        { donorId: notice.donorId },
        {
          kind: 'receipt_recorded',
          event: entryId,
          link: '/donors/mine',
          projectId: null,
          facts: {
            amount: receipt.amount,
            currency: receipt.currency,
            date: receipt.received_on,
            donor: receipt.donor,
          },
        },
      );
    } else if (notice.kind === 'revision_decided') {
      const [revision]: { project_id: string; kind: string; status: string; code: string; title: string }[] =
        await manager.query(
          `SELECT r.project_id, r.kind, r.status, p.code, p.title
           FROM project_revisions r JOIN projects p ON p.id = r.project_id
           WHERE r.id = $1 AND p.deleted_at IS NULL`,
          [notice.revisionId],
        );
      if (!revision) return;
      // Staff, the requester among them (only staff request revisions).
      await this.notify(
        manager,
        {},
        {
          kind: 'revision_decided',
          event: entryId,
          link: `/projects/${revision.project_id}`,
          projectId: revision.project_id,
          facts: {
            code: revision.code,
            title: revision.title,
            revision: revision.kind,
            decision: revision.status,
          },
        },
      );
    }
  }

  /**
   * The daily scan: each consent of a funded project within 90, 30 or 7 days of its expiry (once
   * each), and paragraph 6 of every funded project that does not meet it or did not last time.
   */
  async scan(today = todayUtc()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const consents: {
        id: string;
        project_id: string;
        country_iso3: string;
        valid_until: string;
        code: string;
        title: string;
      }[] = await manager.query(
        `SELECT c.id, c.project_id, c.country_iso3, c.valid_until, p.code, p.title
         FROM consent_records c JOIN projects p ON p.id = c.project_id
         WHERE p.deleted_at IS NULL AND p.stage = ANY($1) AND c.status = 'granted' AND c.withdrawn_on IS NULL
           AND c.valid_until BETWEEN $2::date AND $2::date + $3::int`,
        [FUNDED_STAGES, today, CONSENT_EXPIRY_WARNING_DAYS],
      );
      for (const consent of consents) {
        const days = consentExpiryNotice(consent.valid_until, today);
        if (days === null) continue;
        await this.notify(
          manager,
          {},
          {
            kind: 'consent_expiring',
            event: `${consent.id}:${consent.valid_until}:${days}`,
            link: `/projects/${consent.project_id}`,
            projectId: consent.project_id,
            facts: {
              code: consent.code,
              title: consent.title,
              country: consent.country_iso3.trim(),
              date: consent.valid_until,
              days,
            },
          },
        );
      }
    });
    const candidates: { project_id: string }[] = await this.dataSource.query(
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
    for (const { project_id } of candidates) await this.judgeParagraph6(project_id);
    await this.dataSource.transaction(async (manager) => {
      await this.scanReviews(manager, today);
      await this.scanConsentRequests(manager, today);
      await this.scanReports(manager, today);
    });
  }

  /**
   * Reviews of the current round not yet submitted: the reviewer reminded within the configured days
   * of the due date, staff told once it has passed; a proposal under review beyond the configured
   * days, told to staff once per round. Each once per due date (a new due date reminds again).
   */
  private async scanReviews(manager: EntityManager, today: string): Promise<void> {
    const reminderDays = this.config.jobs.reviewReminderDays;
    const reviews: {
      id: string;
      project_id: string;
      reviewer_id: string;
      reviewer: string;
      due_on: string;
      code: string;
      title: string;
    }[] = await manager.query(
      `SELECT r.id, r.project_id, r.reviewer_id, u.name AS reviewer, r.due_on::text AS due_on, p.code, p.title
       FROM reviews r
       JOIN projects p ON p.id = r.project_id
       JOIN users u ON u.id = r.reviewer_id
       WHERE p.deleted_at IS NULL AND p.stage = 'under_review' AND r.status IN ('assigned', 'draft')
         AND r.due_on <= $1::date + $2::int
         AND NOT EXISTS (SELECT 1 FROM review_rounds rr WHERE rr.project_id = p.id AND rr.number > r.round)`,
      [today, reminderDays],
    );
    for (const review of reviews) {
      const facts = { code: review.code, title: review.title, due: review.due_on };
      if (reviewReminderDue(review.due_on, today, reminderDays)) {
        await this.notify(
          manager,
          { userIds: [review.reviewer_id] },
          {
            kind: 'review_reminder',
            event: `${review.id}:${review.due_on}`,
            link: `/reviews/${review.id}`,
            projectId: review.project_id,
            facts,
          },
        );
      } else if (review.due_on < today) {
        await this.notify(
          manager,
          {},
          {
            kind: 'review_overdue',
            event: `${review.id}:${review.due_on}`,
            link: `/projects/${review.project_id}`,
            projectId: review.project_id,
            facts: { ...facts, reviewer: review.reviewer },
          },
        );
      }
    }

    const [settings]: { review_waiting_days: number }[] = await manager.query(
      `SELECT review_waiting_days FROM assessment_settings WHERE id`,
    );
    const waitingDays = settings!.review_waiting_days;
    const waiting: { id: string; code: string; title: string; round: number; opened_on: string }[] =
      await manager.query(
        `SELECT p.id, p.code, p.title, rr.number AS round,
                (rr.opened_at AT TIME ZONE 'UTC')::date::text AS opened_on
         FROM projects p
         JOIN LATERAL (SELECT number, opened_at FROM review_rounds
                       WHERE project_id = p.id ORDER BY number DESC LIMIT 1) rr ON true
         WHERE p.deleted_at IS NULL AND p.stage = 'under_review'
           AND (rr.opened_at AT TIME ZONE 'UTC')::date < $1::date - $2::int`,
        [today, waitingDays],
      );
    for (const project of waiting) {
      await this.notify(
        manager,
        {},
        {
          kind: 'proposal_waiting',
          event: `${project.id}:${project.round}`,
          link: `/projects/${project.id}`,
          projectId: project.id,
          facts: {
            code: project.code,
            title: project.title,
            date: project.opened_on,
            days: daysBetween(project.opened_on, today),
          },
        },
      );
    }
  }

  /** A proposal's consent requested longer ago than the overdue window and unanswered, once per request. */
  private async scanConsentRequests(manager: EntityManager, today: string): Promise<void> {
    const requests: {
      id: string;
      project_id: string;
      country_iso3: string;
      requested_on: string;
      code: string;
      title: string;
    }[] = await manager.query(
      `SELECT c.id, c.project_id, c.country_iso3, c.requested_on::text AS requested_on, p.code, p.title
       FROM consent_records c JOIN projects p ON p.id = c.project_id
       WHERE p.deleted_at IS NULL AND p.stage = ANY($1) AND c.status = 'requested' AND c.withdrawn_on IS NULL
         AND c.requested_on < $2::date`,
      [PROPOSAL_STAGES, addDays(today, -CONSENT_REQUEST_OVERDUE_DAYS)],
    );
    for (const request of requests) {
      await this.notify(
        manager,
        {},
        {
          kind: 'consent_request_overdue',
          event: `${request.id}:${request.requested_on}`,
          link: `/projects/${request.project_id}`,
          projectId: request.project_id,
          facts: {
            code: request.code,
            title: request.title,
            country: request.country_iso3.trim(),
            date: request.requested_on,
            days: daysBetween(request.requested_on, today),
          },
        },
      );
    }
  }

  /**
   * Reports still owed (due, or returned for changes): due soon within the configured days, then
   * overdue, each once per due date. Told to staff, and by mail to the lead organization's contact
   * when one is recorded.
   */
  private async scanReports(manager: EntityManager, today: string): Promise<void> {
    const soonDays = this.config.jobs.reportDueSoonDays;
    const reports: {
      id: string;
      project_id: string;
      kind: string;
      due_on: string;
      code: string;
      title: string;
      organization_id: string | null;
      organization: string | null;
      contact_email: string | null;
      contact_language: string | null;
    }[] = await manager.query(
      `SELECT r.id, r.project_id, r.kind, r.due_on::text AS due_on, p.code, p.title,
              o.id AS organization_id, o.name AS organization, o.contact_email, o.contact_language
       FROM reports r JOIN projects p ON p.id = r.project_id
       LEFT JOIN organizations o ON o.id = p.lead_organization_id
       WHERE p.deleted_at IS NULL AND r.status IN ('due', 'returned') AND r.due_on <= $1::date + $2::int`,
      [today, soonDays],
    );
    for (const report of reports) {
      const notice = reportNotice(report.due_on, today, soonDays);
      if (!notice) continue;
      const notification: NotificationToSend = {
        kind: notice === 'due' ? 'report_due' : 'report_overdue',
        event: `${report.id}:${report.due_on}`,
        link: `/projects/${report.project_id}`,
        projectId: report.project_id,
        facts: {
          code: report.code,
          title: report.title,
          report: report.kind,
          date: report.due_on,
          days: Math.abs(daysBetween(today, report.due_on)),
        },
      };
      await this.notify(manager, {}, notification);
      if (report.contact_email && report.organization_id) {
        await this.notifyContact(manager, notification, {
          organizationId: report.organization_id,
          email: report.contact_email,
          language: contactLanguage(report.contact_language),
        });
      }
    }
  }

  /**
   * A notice to an organization's contact, once per event and address (the key is unique), mailed by
   * a job sent in the caller's transaction. Its facts are the project's code and title, the report's
   * kind and dates: what the organization itself reports on, nothing of consents or reviews.
   */
  private async notifyContact(
    manager: EntityManager,
    notification: NotificationToSend,
    contact: { organizationId: string; email: string; language: Language },
  ): Promise<void> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO contact_notices (idempotency_key, kind, organization_id, project_id, email, language, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        `${notification.kind}:${notification.event}:${contact.email}`,
        notification.kind,
        contact.organizationId,
        notification.projectId,
        contact.email,
        contact.language,
        JSON.stringify(notification.facts),
      ],
    );
    if (inserted[0]) {
      await this.jobs.send(QUEUES.contactMail.name, { noticeId: inserted[0].id }, {}, manager);
    }
  }

  /** Mails one notice to an organization's contact, once: a retry after a sent mail finds it marked. */
  async mailContact(noticeId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: {
        id: string;
        kind: NotificationKind;
        email: string;
        language: Language;
        facts: NotificationFacts;
        mailed_at: Date | null;
        organization: string;
      }[] = await manager.query(
        `SELECT n.id, n.kind, n.email, n.language, n.facts, n.mailed_at, o.name AS organization
         FROM contact_notices n JOIN organizations o ON o.id = n.organization_id
         WHERE n.id = $1 FOR UPDATE OF n`,
        [noticeId],
      );
      if (!row || row.mailed_at) return;
      await this.mail.send(renderContactMail(row.email, row.language, row.kind, row.facts, row.organization));
      await manager.query(`UPDATE contact_notices SET mailed_at = now() WHERE id = $1`, [row.id]);
    });
  }

  /**
   * Paragraph 6 of one project, today: a funded project that no longer meets it is told to staff
   * once per loss (the loss is kept until the project meets it again).
   */
  async judgeParagraph6(projectId: string): Promise<void> {
    const result = await this.compliance.forProject(SYSTEM, projectId).catch(() => null);
    await this.dataSource.transaction(async (manager) => {
      const funded = result !== null && (FUNDED_STAGES as readonly string[]).includes(result.stage);
      if (!funded || result.status === 'compliant') {
        await manager.query(`DELETE FROM paragraph6_losses WHERE project_id = $1`, [projectId]);
        return;
      }
      if (result.status !== 'non_compliant') return;
      const inserted: { lost_on: string }[] = await manager.query(
        `INSERT INTO paragraph6_losses (project_id, lost_on) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING lost_on`,
        [projectId, todayUtc()],
      );
      if (!inserted[0]) return;
      await this.notify(
        manager,
        {},
        {
          kind: 'paragraph6_lost',
          event: `${projectId}:${inserted[0].lost_on}`,
          link: `/projects/${projectId}`,
          projectId,
          facts: { code: result.code, title: result.title, date: inserted[0].lost_on },
        },
      );
    });
  }

  /**
   * One notification per recipient who wants it (or the kind's audience when none is named), and a
   * mail job for those who want it at once, in the caller's transaction.
   */
  private async notify(
    manager: EntityManager,
    to: { userIds?: string[]; donorId?: string },
    notification: NotificationToSend,
  ): Promise<void> {
    const recipients: Recipient[] = await manager.query(
      `SELECT u.id, coalesce(np.mode, 'immediate') AS mode
       FROM users u
       LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.kind = $1
       WHERE u.active AND u.role = ANY($2)
         AND ($3::uuid[] IS NULL OR u.id = ANY($3)) AND ($4::uuid IS NULL OR u.donor_id = $4)`,
      [notification.kind, NOTIFICATION_AUDIENCE[notification.kind], to.userIds ?? null, to.donorId ?? null],
    );
    for (const recipient of recipients) {
      if (recipient.mode === 'off') continue;
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO notifications (user_id, kind, idempotency_key, mode, project_id, link, facts)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          recipient.id,
          notification.kind,
          notificationKey(notification.kind, notification.event, recipient.id),
          recipient.mode,
          notification.projectId,
          notification.link,
          JSON.stringify(notification.facts),
        ],
      );
      if (inserted[0] && recipient.mode === 'immediate') {
        await this.jobs.send(QUEUES.mail.name, { notificationId: inserted[0].id }, {}, manager);
      }
    }
  }

  /** Mails one notification, once: a retry after a sent mail finds it marked. */
  async mailOne(notificationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: MailRow[] = await manager.query(
        `SELECT n.id, n.kind, n.link, n.facts, n.mailed_at, u.email, u.language, u.active
         FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1 FOR UPDATE OF n`,
        [notificationId],
      );
      if (!row || row.mailed_at || !row.active) return;
      await this.mail.send(renderMail(row.email, row.language, [this.itemOf(row)], false));
      await manager.query(`UPDATE notifications SET mailed_at = now() WHERE id = $1`, [row.id]);
    });
  }

  /** One mail per user with the notifications they asked to receive as a daily digest. */
  async mailDigests(): Promise<void> {
    const users: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE mode = 'digest' AND mailed_at IS NULL`,
    );
    for (const { user_id } of users) {
      await this.dataSource.transaction(async (manager) => {
        const rows: MailRow[] = await manager.query(
          `SELECT n.id, n.kind, n.link, n.facts, n.mailed_at, u.email, u.language, u.active
           FROM notifications n JOIN users u ON u.id = n.user_id
           WHERE n.user_id = $1 AND n.mode = 'digest' AND n.mailed_at IS NULL
           ORDER BY n.created_at, n.id FOR UPDATE OF n SKIP LOCKED`,
          [user_id],
        );
        if (rows.length === 0) return;
        const first = rows[0]!;
        if (first.active) {
          await this.mail.send(
            renderMail(
              first.email,
              first.language,
              rows.map((row) => this.itemOf(row)),
              true,
            ),
          );
        }
        await manager.query(`UPDATE notifications SET mailed_at = now() WHERE id = ANY($1)`, [
          rows.map((row) => row.id),
        ]);
      });
    }
  }

  private itemOf(row: MailRow): MailItem {
    return {
      ...renderNotification(row.language, row.kind, row.facts),
      url: `${this.config.mail.appUrl}${row.link}`,
    };
  }
}
