import {
  consentExpiryNotice,
  CONSENT_EXPIRY_WARNING_DAYS,
  FUNDED_STAGES,
  NOTIFICATION_AUDIENCE,
  type Language,
  type NotificationKind,
} from '@hstf/domain';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeEvents } from '../common/events/change-events';
import { RequestContext } from '../common/request-context/request-context';
import { ComplianceService, todayUtc } from '../compliance';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { JobsService, QUEUES } from '../jobs';
import { MailService } from '../mail';
import { renderMail, renderNotification, type MailItem, type NotificationFacts } from './messages/render';
import {
  AuditedChange,
  ChangeNotice,
  noticesOf,
  notificationKey,
  NOTIFYING_ENTITIES,
} from './notification-events';

/** Entries this much older than the last read are read again: a transaction may commit after a later one. */
const REREAD_WINDOW = "interval '2 minutes'";
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
 * - `collect` reads the audit log (every committed change is there, written in its transaction)
 *   from where it last stopped, so nothing is missed when a process stops between a change and
 *   its notice; it is sent when a change commits and every minute besides;
 * - `alert-scan`, daily: consents of funded projects nearing expiry, paragraph 6 on funded projects;
 * - `mail`, one per notification to be mailed at once; `digest`, daily, one mail per user with the
 *   rest.
 * A notification's key (event and recipient) is unique in the database, so a job run twice, or by
 * two processes, tells nobody twice.
 */
@Injectable()
export class NotificationDispatchService implements OnModuleInit {
  private readonly logger = new Logger(NotificationDispatchService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly compliance: ComplianceService,
    private readonly changes: ChangeEvents,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(QUEUES.collect.name, () => this.collect());
    this.jobs.handle(QUEUES.mail.name, (data) => this.mailOne(String(data.notificationId)));
    this.jobs.handle(QUEUES.alertScan.name, () => this.scan());
    this.jobs.handle(QUEUES.digest.name, () => this.mailDigests());
    this.jobs.scheduleOn(QUEUES.collect.name, '* * * * *');
    this.jobs.scheduleOn(QUEUES.alertScan.name, this.config.jobs.alertScanCron);
    this.jobs.scheduleOn(QUEUES.digest.name, this.config.jobs.digestCron);
    this.changes.subscribe(
      (event) => (NOTIFYING_ENTITIES as readonly string[]).includes(event.entity),
      () => {
        this.jobs.send(QUEUES.collect.name).catch((error: Error) => {
          // The minute's schedule collects it anyway.
          this.logger.warn(`Could not queue the notifications collector: ${error.message}`);
        });
      },
    );
  }

  /** Reads the audit log since the last run and notifies of what it finds. */
  async collect(): Promise<void> {
    const consents = new Set<string>();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT read_until FROM notification_cursor WHERE id = 1 FOR UPDATE`);
      const entries: (AuditedChange & { entity_id: string; occurred_at: Date })[] = await manager.query(
        `SELECT id, entity, entity_id, action, before, after, occurred_at FROM audit_entries
         WHERE occurred_at > (SELECT read_until FROM notification_cursor WHERE id = 1) - ${REREAD_WINDOW}
           AND entity = ANY($1)
         ORDER BY occurred_at, id`,
        [NOTIFYING_ENTITIES],
      );
      for (const entry of entries) {
        for (const notice of noticesOf({ ...entry, entityId: entry.entity_id })) {
          if (notice.kind === 'consent_changed') consents.add(notice.consentId);
          else await this.notifyOf(manager, entry.id, notice);
        }
      }
      // Up to the last entry read, not to now: a run that finds nothing new writes nothing.
      const last = entries[entries.length - 1];
      if (last) {
        await manager.query(
          `UPDATE notification_cursor SET read_until = $1 WHERE id = 1 AND read_until < $1`,
          [last.occurred_at],
        );
      }
    });
    // Paragraph 6 is judged after the changes are read, each project once.
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
