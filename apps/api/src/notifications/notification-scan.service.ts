import {
  consentExpiryNotice,
  contactLanguage,
  daysBetween,
  reportNotice,
  reviewReminderDue,
} from '@hstf/domain';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { todayUtc } from '../compliance';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { JobsService, QUEUES } from '../jobs';
import { NotificationDispatchRepository } from './notification-dispatch.repository';
import { NotificationDispatchService, type NotificationToSend } from './notification-dispatch.service';

/**
 * The daily `alert-scan` job: consents of funded projects nearing expiry, paragraph 6 on funded
 * projects, reviews due soon or overdue, proposals waiting, consent requests unanswered, reports due
 * or overdue. What it finds is told through NotificationDispatchService, once per event.
 */
@Injectable()
export class NotificationScanService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationDispatchRepository,
    private readonly dispatch: NotificationDispatchService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(QUEUES.alertScan.name, () => this.scan());
    this.jobs.scheduleOn(QUEUES.alertScan.name, this.config.jobs.alertScanCron);
  }

  /**
   * Each consent of a funded project within 90, 30 or 7 days of its expiry (once each), paragraph 6
   * of every funded project that does not meet it or did not last time, then reviews, consent
   * requests and reports.
   */
  async scan(today = todayUtc()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const consent of await this.notifications.expiringConsents(manager, today)) {
        const days = consentExpiryNotice(consent.valid_until, today);
        if (days === null) continue;
        await this.dispatch.notify(
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
    for (const projectId of await this.notifications.paragraph6Candidates(today)) {
      await this.dispatch.judgeParagraph6(projectId);
    }
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
    for (const review of await this.notifications.reviewsDue(manager, today, reminderDays)) {
      const facts = { code: review.code, title: review.title, due: review.due_on };
      if (reviewReminderDue(review.due_on, today, reminderDays)) {
        await this.dispatch.notify(
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
        await this.dispatch.notify(
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

    const waitingDays = await this.notifications.reviewWaitingDays(manager);
    for (const project of await this.notifications.waitingProposals(manager, today, waitingDays)) {
      await this.dispatch.notify(
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
    for (const request of await this.notifications.overdueConsentRequests(manager, today)) {
      await this.dispatch.notify(
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
    for (const report of await this.notifications.reportsOwed(manager, today, soonDays)) {
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
      await this.dispatch.notify(manager, {}, notification);
      if (report.contact_email && report.organization_id) {
        await this.dispatch.notifyContact(manager, notification, {
          organizationId: report.organization_id,
          email: report.contact_email,
          language: contactLanguage(report.contact_language),
        });
      }
    }
  }
}
