import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@hstf/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionUser } from '../common/request-context/request-context';
import { preparedQuery } from '../database/prepared-query';
import { hashSessionToken, newSessionToken } from './session-token';

// last_seen_at is written at most this often per session, not on every request.
const TOUCH_INTERVAL_SECONDS = 60;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(
    userId: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken();
    const [row] = await this.dataSource.query<{ expires_at: Date }[]>(
      `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4, $5)
       RETURNING expires_at`,
      [
        hashSessionToken(token),
        userId,
        this.config.sessionTtlHours,
        client.ip,
        client.userAgent?.slice(0, 300),
      ],
    );
    return { token, expiresAt: row!.expires_at };
  }

  /** The user behind a live session: not revoked, not expired, not idle too long, still active. */
  async resolve(token: string): Promise<SessionUser | null> {
    // Every request runs it: a named statement, planned once per connection.
    const rows = await preparedQuery<{
      session_id: string;
      id: string;
      email: string;
      name: string;
      role: Role;
      donor_id: string | null;
    }>(
      this.dataSource,
      `WITH live AS (
         SELECT s.id, s.user_id, s.last_seen_at FROM sessions s
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
           AND s.last_seen_at > now() - make_interval(mins => $2)
       ), touched AS (
         UPDATE sessions SET last_seen_at = now()
         FROM live WHERE sessions.id = live.id
           AND live.last_seen_at < now() - make_interval(secs => $3)
       )
       SELECT live.id AS session_id, u.id, u.email, u.name, u.role, u.donor_id
       FROM live JOIN users u ON u.id = live.user_id AND u.active`,
      [hashSessionToken(token), this.config.sessionIdleMinutes, TOUCH_INTERVAL_SECONDS],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      donorId: row.donor_id,
      sessionId: row.session_id,
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }
}
