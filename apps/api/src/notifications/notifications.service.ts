import {
  DEFAULT_DELIVERY_MODE,
  notificationKindsFor,
  type DeliveryMode,
  type Language,
  type NotificationKind,
} from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { decodeCursor, limitOf, pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { renderNotification, type NotificationFacts } from './messages/render';
import {
  MarkedReadDto,
  NotificationDto,
  NotificationPage,
  NotificationQuery,
  NotificationSettingsDto,
  UpdateNotificationSettingsRequest,
} from './notifications.dto';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  link: string;
  project_id: string | null;
  facts: NotificationFacts;
  read_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, kind, link, project_id, facts, read_at, created_at';

/** A user's own notifications and settings: every query is limited to the caller's rows. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: NotificationQuery): Promise<NotificationPage> {
    const me = ctx.actor.id;
    const language = await this.languageOf(this.dataSource.manager, me);
    const cursor = decodeCursor(query.cursor, 2);
    const params: unknown[] = [me, query.unread ?? false];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (created_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    params.push(limitOf(query) + 1);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = pageOf(
      rows,
      query,
      (row) => [row.created_at.toISOString(), row.id],
      (row) => toDto(row, language),
    );
    return { ...page, unread: await this.unread(ctx) };
  }

  async unread(ctx: RequestContext): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [ctx.actor.id],
    );
    return row!.n;
  }

  async markRead(ctx: RequestContext, id: string): Promise<NotificationDto> {
    return this.dataSource.transaction(async (manager) => {
      const me = ctx.actor.id;
      const [row]: NotificationRow[] = await manager.query(
        `SELECT ${COLUMNS} FROM notifications WHERE id = $1 AND user_id = $2 FOR UPDATE`,
        [id, me],
      );
      if (!row) throw Problem.notFound('The notification');
      const language = await this.languageOf(manager, me);
      if (row.read_at) return toDto(row, language);
      const [updated]: NotificationRow[] = await manager.query(
        // Through a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
        `WITH marked AS (
           UPDATE notifications SET read_at = now(), version = version + 1 WHERE id = $1 RETURNING ${COLUMNS})
         SELECT * FROM marked`,
        [id],
      );
      const after = toDto(updated!, language);
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
      const marked: { id: string }[] = await manager.query(
        `WITH marked AS (
           UPDATE notifications SET read_at = now(), version = version + 1
           WHERE user_id = $1 AND read_at IS NULL RETURNING id)
         SELECT id FROM marked`,
        [me],
      );
      if (marked.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'read_all',
          entity: 'notification',
          entityId: me,
          before: { unread: marked.length },
          after: { unread: 0 },
        });
      }
      return { marked: marked.length };
    });
  }

  async settings(
    ctx: RequestContext,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NotificationSettingsDto> {
    const me = ctx.actor;
    const language = await this.languageOf(manager, me.id);
    const rows: { kind: NotificationKind; mode: DeliveryMode }[] = await manager.query(
      `SELECT kind, mode FROM notification_preferences WHERE user_id = $1`,
      [me.id],
    );
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
      await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [me]);
      const before = await this.settings(ctx, manager);
      if (request.language && request.language !== before.language) {
        await manager.query(`UPDATE users SET language = $2 WHERE id = $1`, [me, request.language]);
      }
      for (const { kind, mode } of request.preferences ?? []) {
        await manager.query(
          `INSERT INTO notification_preferences (user_id, kind, mode) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode, version = notification_preferences.version + 1
           WHERE notification_preferences.mode <> excluded.mode`,
          [me, kind, mode],
        );
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

  private async languageOf(manager: EntityManager, userId: string): Promise<Language> {
    const [row]: { language: Language }[] = await manager.query(`SELECT language FROM users WHERE id = $1`, [
      userId,
    ]);
    return row?.language ?? 'en';
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
