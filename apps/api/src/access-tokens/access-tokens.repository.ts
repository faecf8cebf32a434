import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@hstf/domain';
import { decodeCursor } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { preparedQuery } from '../database/prepared-query';

export interface AccessTokenRow {
  id: string;
  name: string;
  created_at: Date;
  /** created_at to the microsecond, for the cursor: a JS Date keeps only milliseconds. */
  created_at_key: string;
  last_used_at: Date | null;
  expires_on: string | null;
  expired: boolean;
}

export interface AccessTokenUserRow {
  token_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  donor_id: string | null;
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `t.id, t.name, t.created_at,
  to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_key,
  t.last_used_at,
  to_char((t.expires_at AT TIME ZONE 'UTC') - interval '1 day', 'YYYY-MM-DD') AS expires_on,
  coalesce(t.expires_at <= now(), false) AS expired`;

/** The SQL of personal access tokens; AccessTokensService decides. */
@Injectable()
export class AccessTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The user behind a live token (not revoked, not expired, its user still active), marking it
   * used when it was last used more than `touchSeconds` ago: not written on every request.
   */
  async liveToken(tokenHash: Buffer, touchSeconds: number): Promise<AccessTokenUserRow | undefined> {
    const [row] = await preparedQuery<AccessTokenUserRow>(
      this.dataSource,
      `WITH live AS (
         SELECT t.id, t.user_id, t.last_used_at FROM personal_access_tokens t
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
       ), touched AS (
         UPDATE personal_access_tokens SET last_used_at = now()
         FROM live WHERE personal_access_tokens.id = live.id
           AND (live.last_used_at IS NULL OR live.last_used_at < now() - make_interval(secs => $2))
       )
       SELECT live.id AS token_id, u.id, u.email, u.name, u.role, u.donor_id
       FROM live JOIN users u ON u.id = live.user_id AND u.active`,
      [tokenHash, touchSeconds],
    );
    return row;
  }

  /**
   * Locks the user's row, so two creations at once are counted one after the other, and counts
   * the user's live tokens and those created within the last hour (with when the oldest of these
   * leaves the hour).
   */
  async lockAndCount(
    manager: EntityManager,
    userId: string,
  ): Promise<{ live: number; last_hour: number; retry_after_seconds: number }> {
    await manager.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
    const [row] = await manager.query<{ live: number; last_hour: number; retry_after_seconds: number }[]>(
      `SELECT
         count(*) FILTER (WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()))::int AS live,
         count(*) FILTER (WHERE created_at > now() - interval '1 hour')::int AS last_hour,
         coalesce(ceil(extract(epoch FROM min(created_at) FILTER (WHERE created_at > now() - interval '1 hour')
           + interval '1 hour' - now())), 0)::int AS retry_after_seconds
       FROM personal_access_tokens WHERE user_id = $1`,
      [userId],
    );
    return row!;
  }

  async insert(
    manager: EntityManager,
    token: { userId: string; name: string; tokenHash: Buffer; expiresOn: string | null },
  ): Promise<AccessTokenRow> {
    const [row] = await manager.query<AccessTokenRow[]>(
      `INSERT INTO personal_access_tokens AS t (user_id, name, token_hash, expires_at)
       VALUES ($1, $2, $3, ($4::date + 1)::timestamp AT TIME ZONE 'UTC')
       RETURNING ${COLUMNS}`,
      [token.userId, token.name, token.tokenHash, token.expiresOn],
    );
    return row!;
  }

  /** The user's token, locked, unless it is someone else's or already revoked. */
  async lockOwn(manager: EntityManager, userId: string, id: string): Promise<AccessTokenRow | undefined> {
    const [row] = await manager.query<AccessTokenRow[]>(
      `SELECT ${COLUMNS} FROM personal_access_tokens t
       WHERE t.id = $1 AND t.user_id = $2 AND t.revoked_at IS NULL FOR UPDATE`,
      [id, userId],
    );
    return row;
  }

  async revoke(manager: EntityManager, id: string): Promise<Date> {
    const [row] = await manager.query<{ revoked_at: Date }[]>(
      // Through a CTE: TypeORM answers an UPDATE's RETURNING with the affected count beside the rows.
      `WITH revoked AS (
         UPDATE personal_access_tokens
         SET revoked_at = now(), updated_at = now(), version = version + 1
         WHERE id = $1 RETURNING revoked_at
       )
       SELECT revoked_at FROM revoked`,
      [id],
    );
    return row!.revoked_at;
  }

  /** The user's tokens not revoked, newest first; one more row than `limit`, for the cursor. */
  list(userId: string, cursor: string | undefined, limit: number): Promise<AccessTokenRow[]> {
    const key = decodeCursor(cursor, 2);
    // Read as a timestamp and a uuid by PostgreSQL: anything else is a cursor this list never gave.
    if (key && !(CURSOR_AT.test(String(key[0])) && CURSOR_ID.test(String(key[1]))))
      throw Problem.validation([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
    return preparedQuery<AccessTokenRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM personal_access_tokens t
       WHERE t.user_id = $1 AND t.revoked_at IS NULL
         AND ($2::timestamptz IS NULL OR (t.created_at, t.id) < ($2::timestamptz, $3::uuid))
       ORDER BY t.created_at DESC, t.id DESC
       LIMIT $4`,
      [userId, key?.[0] ?? null, key?.[1] ?? null, limit + 1],
    );
  }
}
