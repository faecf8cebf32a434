import type { DeliveryMode, Language, NotificationKind } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, limitOf, PageQuery } from '../common/pagination/pagination';
import type { NotificationFacts } from './messages/render';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  link: string;
  project_id: string | null;
  facts: NotificationFacts;
  read_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, kind, link, project_id, facts, read_at, created_at';

/** The SQL of a user's own notifications and settings: every statement names the user. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, one more row than the page for its cursor. */
  pageOfUser(userId: string, query: PageQuery & { unread?: boolean }): Promise<NotificationRow[]> {
    const cursor = decodeCursor(query.cursor, 2);
    const params: unknown[] = [userId, query.unread ?? false];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (created_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    params.push(limitOf(query) + 1);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row!.n;
  }

  async lockedOfUser(manager: EntityManager, id: string, userId: string): Promise<NotificationRow | null> {
    const [row]: NotificationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM notifications WHERE id = $1 AND user_id = $2 FOR UPDATE`,
      [id, userId],
    );
    return row ?? null;
  }

  async markRead(manager: EntityManager, id: string): Promise<NotificationRow> {
    const [updated]: NotificationRow[] = await manager.query(
      // Through a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
      `WITH marked AS (
         UPDATE notifications SET read_at = now(), version = version + 1 WHERE id = $1 RETURNING ${COLUMNS})
       SELECT * FROM marked`,
      [id],
    );
    return updated!;
  }

  /** How many were unread. */
  async markAllRead(manager: EntityManager, userId: string): Promise<number> {
    const marked: { id: string }[] = await manager.query(
      `WITH marked AS (
         UPDATE notifications SET read_at = now(), version = version + 1
         WHERE user_id = $1 AND read_at IS NULL RETURNING id)
       SELECT id FROM marked`,
      [userId],
    );
    return marked.length;
  }

  preferences(
    manager: EntityManager,
    userId: string,
  ): Promise<{ kind: NotificationKind; mode: DeliveryMode }[]> {
    return manager.query(`SELECT kind, mode FROM notification_preferences WHERE user_id = $1`, [userId]);
  }

  /** Serializes changes of one user's settings. */
  async lockUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  }

  async setLanguage(manager: EntityManager, userId: string, language: Language): Promise<void> {
    await manager.query(`UPDATE users SET language = $2 WHERE id = $1`, [userId, language]);
  }

  async setPreference(
    manager: EntityManager,
    userId: string,
    kind: NotificationKind,
    mode: DeliveryMode,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notification_preferences (user_id, kind, mode) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode, version = notification_preferences.version + 1
       WHERE notification_preferences.mode <> excluded.mode`,
      [userId, kind, mode],
    );
  }

  async languageOf(manager: EntityManager, userId: string): Promise<Language> {
    const [row]: { language: Language }[] = await manager.query(`SELECT language FROM users WHERE id = $1`, [
      userId,
    ]);
    return row?.language ?? 'en';
  }
}
