import { FUNDED_STAGES, type Language, type NotificationKind } from '@hstf/domain';
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
import { MailRow, NotificationDispatchRepository } from './notification-dispatch.repository';
import {
  AuditedChange,
  ChangeNotice,
  noticesOf,
  notificationKey,
  NOTIFYING_ENTITIES,
} from './notification-events';

const SYSTEM = RequestContext.system('notifications');

/** One notification to make, before its recipients are known. */
export interface NotificationToSend {
  kind: NotificationKind;
  /** What makes the event itself unique (an audit entry, a consent's expiry notice). */
  event: string;
  link: string;
  projectId: string | null;
  facts: NotificationFacts;
}

/**
 * Turns what happens into notifications, and notifications into mail, in background jobs:
 * - `change`, one per committed change that notifies anyone, sent in the change's own transaction;
 * - `mail`, one per notification to be mailed at once; `digest`, daily, one mail per user with the
 *   rest; `contact-mail`, one per notice to an organization's contact.
 * The daily scan (NotificationScanService) makes its notifications through this service too.
 * A notification's key (event and recipient) is unique in the database, so a job run twice, or by
 * two processes, tells nobody twice.
 */
@Injectable()
export class NotificationDispatchService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationDispatchRepository,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly compliance: ComplianceService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(QUEUES.change.name, (data) => this.notifyOfEntry(String(data.entryId)));
    this.jobs.handle(QUEUES.mail.name, (data) => this.mailOne(String(data.notificationId)));
    this.jobs.handle(QUEUES.contactMail.name, (data) => this.mailContact(String(data.noticeId)));
    this.jobs.handle(QUEUES.digest.name, () => this.mailDigests());
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
      const entry = await this.notifications.auditEntry(manager, entryId);
      if (!entry) return;
      for (const notice of noticesOf({ ...entry, entityId: entry.entity_id })) {
        if (notice.kind === 'consent_changed') consents.add(notice.consentId);
        else await this.notifyOf(manager, entry.id, notice);
      }
    });
    // Paragraph 6 is judged once the change is read, in its own transaction.
    const projects = consents.size ? await this.notifications.projectsOfConsents([...consents]) : [];
    for (const projectId of projects) await this.judgeParagraph6(projectId);
  }

  private async notifyOf(manager: EntityManager, entryId: string, notice: ChangeNotice): Promise<void> {
    if (notice.kind === 'review_assigned') {
      const review = await this.notifications.review(manager, notice.reviewId);
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
      const consent = await this.notifications.consent(manager, notice.consentId);
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
      const receipt = await this.notifications.receipt(manager, notice.contributionId);
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
      const revision = await this.notifications.revision(manager, notice.revisionId);
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
   * Paragraph 6 of one project, today: a funded project that no longer meets it is told to staff
   * once per loss (the loss is kept until the project meets it again).
   */
  async judgeParagraph6(projectId: string): Promise<void> {
    const result = await this.compliance.forProject(SYSTEM, projectId).catch(() => null);
    await this.dataSource.transaction(async (manager) => {
      const funded = result !== null && (FUNDED_STAGES as readonly string[]).includes(result.stage);
      if (!funded || result.status === 'compliant') {
        await this.notifications.forgetParagraph6Loss(manager, projectId);
        return;
      }
      if (result.status !== 'non_compliant') return;
      const lostOn = await this.notifications.recordParagraph6Loss(manager, projectId, todayUtc());
      if (!lostOn) return;
      await this.notify(
        manager,
        {},
        {
          kind: 'paragraph6_lost',
          event: `${projectId}:${lostOn}`,
          link: `/projects/${projectId}`,
          projectId,
          facts: { code: result.code, title: result.title, date: lostOn },
        },
      );
    });
  }

  /**
   * One notification per recipient who wants it (or the kind's audience when none is named), and a
   * mail job for those who want it at once, in the caller's transaction.
   */
  async notify(
    manager: EntityManager,
    to: { userIds?: string[]; donorId?: string },
    notification: NotificationToSend,
  ): Promise<void> {
    const recipients = await this.notifications.recipients(manager, notification.kind, to);
    for (const recipient of recipients) {
      if (recipient.mode === 'off') continue;
      const id = await this.notifications.insertNotification(manager, {
        userId: recipient.id,
        kind: notification.kind,
        key: notificationKey(notification.kind, notification.event, recipient.id),
        mode: recipient.mode,
        projectId: notification.projectId,
        link: notification.link,
        facts: notification.facts,
      });
      if (id && recipient.mode === 'immediate') {
        await this.jobs.send(QUEUES.mail.name, { notificationId: id }, {}, manager);
      }
    }
  }

  /**
   * A notice to an organization's contact, once per event and address (the key is unique), mailed by
   * a job sent in the caller's transaction. Its facts are the project's code and title, the report's
   * kind and dates: what the organization itself reports on, nothing of consents or reviews.
   */
  async notifyContact(
    manager: EntityManager,
    notification: NotificationToSend,
    contact: { organizationId: string; email: string; language: Language },
  ): Promise<void> {
    const id = await this.notifications.insertContactNotice(manager, {
      key: `${notification.kind}:${notification.event}:${contact.email}`,
      kind: notification.kind,
      organizationId: contact.organizationId,
      projectId: notification.projectId,
      email: contact.email,
      language: contact.language,
      facts: notification.facts,
    });
    if (id) await this.jobs.send(QUEUES.contactMail.name, { noticeId: id }, {}, manager);
  }

  /** Mails one notice to an organization's contact, once: a retry after a sent mail finds it marked. */
  async mailContact(noticeId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.notifications.lockedContactNotice(manager, noticeId);
      if (!row || row.mailed_at) return;
      await this.mail.send(renderContactMail(row.email, row.language, row.kind, row.facts, row.organization));
      await this.notifications.markContactNoticeMailed(manager, row.id);
    });
  }

  /** Mails one notification, once: a retry after a sent mail finds it marked. */
  async mailOne(notificationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.notifications.lockedNotification(manager, notificationId);
      if (!row || row.mailed_at || !row.active) return;
      await this.mail.send(renderMail(row.email, row.language, [this.itemOf(row)], false));
      await this.notifications.markMailed(manager, [row.id]);
    });
  }

  /** One mail per user with the notifications they asked to receive as a daily digest. */
  async mailDigests(): Promise<void> {
    for (const userId of await this.notifications.usersWithDigest()) {
      await this.dataSource.transaction(async (manager) => {
        const rows = await this.notifications.lockedDigest(manager, userId);
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
        await this.notifications.markMailed(
          manager,
          rows.map((row) => row.id),
        );
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
