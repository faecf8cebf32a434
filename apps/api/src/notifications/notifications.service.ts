import { DEFAULT_DELIVERY_MODE, notificationKindsFor, type Language } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { renderNotification } from './messages/render';
import {
  MarkedReadDto,
  NotificationDto,
  NotificationPage,
  NotificationQuery,
  NotificationSettingsDto,
  UpdateNotificationSettingsRequest,
} from './notifications.dto';
import { NotificationRow, NotificationsRepository } from './notifications.repository';

/** A user's own notifications and settings: every query is limited to the caller's rows. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: NotificationQuery): Promise<NotificationPage> {
    const me = ctx.actor.id;
    const language = await this.notifications.languageOf(this.dataSource.manager, me);
    const rows = await this.notifications.pageOfUser(me, query);
    const page = pageOf(
      rows,
      query,
      (row) => [row.created_at.toISOString(), row.id],
      (row) => toDto(row, language),
    );
    return { ...page, unread: await this.unread(ctx) };
  }

  async unread(ctx: RequestContext): Promise<number> {
    return this.notifications.unreadCount(ctx.actor.id);
  }

  async markRead(ctx: RequestContext, id: string): Promise<NotificationDto> {
    return this.dataSource.transaction(async (manager) => {
      const me = ctx.actor.id;
      const row = await this.notifications.lockedOfUser(manager, id, me);
      if (!row) throw Problem.notFound('The notification');
      const language = await this.notifications.languageOf(manager, me);
      if (row.read_at) return toDto(row, language);
      const updated = await this.notifications.markRead(manager, id);
      const after = toDto(updated, language);
      await this.audit.recordUpdate(manager, ctx, {
        entity: 'notification',
        entityId: id,
        before: { ...auditView(toDto(row, language)) },
        after: auditView(after),
      });
      return after;
    });
  }

  async markAllRead(ctx: RequestContext): Promise<MarkedReadDto> {
    return this.dataSource.transaction(async (manager) => {
      const me = ctx.actor.id;
      const marked = await this.notifications.markAllRead(manager, me);
      if (marked > 0) {
        await this.audit.record(manager, ctx, {
          action: 'read_all',
          entity: 'notification',
          entityId: me,
          before: { unread: marked },
          after: { unread: 0 },
        });
      }
      return { marked: marked };
    });
  }

  async settings(
    ctx: RequestContext,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NotificationSettingsDto> {
    const me = ctx.actor;
    const language = await this.notifications.languageOf(manager, me.id);
    const rows = await this.notifications.preferences(manager, me.id);
    const chosen = new Map(rows.map((row) => [row.kind, row.mode]));
    return {
      language,
      preferences: notificationKindsFor(me.role).map((kind) => ({
        kind,
        mode: chosen.get(kind) ?? DEFAULT_DELIVERY_MODE,
      })),
    };
  }

  async updateSettings(
    ctx: RequestContext,
    request: UpdateNotificationSettingsRequest,
  ): Promise<NotificationSettingsDto> {
    const allowed = notificationKindsFor(ctx.actor.role);
    const errors = (request.preferences ?? [])
      .map((preference, index) => ({ preference, index }))
      .filter(({ preference }) => !allowed.includes(preference.kind))
      .map(({ index }) => ({ field: `preferences.${index}.kind`, message: 'is not sent to your role' }));
    if (errors.length) throw Problem.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      const me = ctx.actor.id;
      await this.notifications.lockUser(manager, me);
      const before = await this.settings(ctx, manager);
      if (request.language && request.language !== before.language) {
        await this.notifications.setLanguage(manager, me, request.language);
      }
      for (const { kind, mode } of request.preferences ?? []) {
        await this.notifications.setPreference(manager, me, kind, mode);
      }
      const after = await this.settings(ctx, manager);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await this.audit.recordUpdate(manager, ctx, {
          entity: 'notification_settings',
          entityId: me,
          before,
          after,
        });
      }
      return after;
    });
  }
}

function toDto(row: NotificationRow, language: Language): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    ...renderNotification(language, row.kind, row.facts),
    link: row.link,
    projectId: row.project_id,
    read: row.read_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The audit keeps what changed and the project it belongs to, not the words. */
function auditView(dto: NotificationDto) {
  return { id: dto.id, kind: dto.kind, projectId: dto.projectId, read: dto.read };
}
