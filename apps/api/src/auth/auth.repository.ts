import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@hstf/domain';
import { preparedQuery } from '../database/prepared-query';

export interface SessionUserRow {
  session_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  donor_id: string | null;
}

export interface ThrottleRow {
  attempts: number;
  allowed: boolean;
  retry_after_seconds: number;
}

/** The limits of sign-in, as LoginLimiterService reads them from the configuration. */
export interface ThrottleLimits {
  windowMinutes: number;
  maxFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

/**
 * The SQL of sessions and of the sign-in throttle (both held in PostgreSQL, so they hold across
 * replicas); SessionsService and LoginLimiterService decide.
 */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async openSession(
    tokenHash: Buffer,
    userId: string,
    ttlHours: number,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<Date> {
    const [row] = await preparedQuery<{ expires_at: Date }>(
      this.dataSource,
      `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4, $5)
       RETURNING expires_at`,
      [tokenHash, userId, ttlHours, client.ip, client.userAgent?.slice(0, 300)],
    );
    return row!.expires_at;
  }

  /**
   * The user behind a live session (not revoked, not expired, not idle beyond `idleMinutes`, still
   * active), marking it seen when it was last seen more than `touchSeconds` ago.
   */
  async liveSession(
    tokenHash: Buffer,
    idleMinutes: number,
    touchSeconds: number,
  ): Promise<SessionUserRow | undefined> {
    const [row] = await preparedQuery<SessionUserRow>(
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
      [tokenHash, idleMinutes, touchSeconds],
    );
    return row;
  }

  async revokeSession(sessionId: string): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** Counts an attempt from the address, in a fixed window that restarts once it has ended. */
  countAddressAttempt(address: string, windowMinutes: number): Promise<ThrottleRow> {
    return this.countInWindow('address', address, windowMinutes);
  }

  /** One more attempt of `kind` by `subject` in a fixed window that starts with the first. */
  async countInWindow(
    kind: 'address' | 'reset_address' | 'reset_email',
    subject: string,
    windowMinutes: number,
  ): Promise<ThrottleRow> {
    const [row] = await preparedQuery<ThrottleRow>(
      this.dataSource,
      `WITH settings AS (SELECT make_interval(mins => $2) AS window_length)
       INSERT INTO sign_in_throttle AS t
         (kind, subject, attempts, window_started_at, last_attempt_at, next_attempt_at, last_attempt_allowed)
       VALUES ($3, $1, 1, now(), now(), now(), true)
       ON CONFLICT (kind, subject) DO UPDATE SET
         attempts = CASE WHEN t.window_started_at <= now() - (SELECT window_length FROM settings)
                         THEN 1 ELSE t.attempts + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= now() - (SELECT window_length FROM settings)
                                  THEN now() ELSE t.window_started_at END,
         last_attempt_at = now(),
         next_attempt_at = now()
       RETURNING attempts, true AS allowed,
         ceil(extract(epoch FROM window_started_at + (SELECT window_length FROM settings) - now()))::int
           AS retry_after_seconds`,
      [subject, windowMinutes, kind],
    );
    return row!;
  }

  /**
   * Counts an attempt on the account. Failures are forgotten when the last attempt is older than the
   * window. While the account's delay has not passed, the attempt is refused and changes nothing.
   */
  async countAccountAttempt(email: string, limits: ThrottleLimits): Promise<ThrottleRow> {
    const { maxFailures, windowMinutes, firstDelaySeconds, maxDelaySeconds } = limits;
    const [row] = await preparedQuery<ThrottleRow>(
      this.dataSource,
      `WITH settings AS (SELECT make_interval(mins => $2) AS window_length)
       INSERT INTO sign_in_throttle AS t
         (kind, subject, attempts, window_started_at, last_attempt_at, next_attempt_at, last_attempt_allowed)
       VALUES ('account', $1, 1, now(), now(), now() + sign_in_delay(1, $3, $4, $5), true)
       ON CONFLICT (kind, subject) DO UPDATE SET
         attempts = CASE
           WHEN t.last_attempt_at <= now() - (SELECT window_length FROM settings) THEN 1
           WHEN t.next_attempt_at > now() THEN t.attempts
           ELSE t.attempts + 1 END,
         window_started_at = CASE
           WHEN t.last_attempt_at <= now() - (SELECT window_length FROM settings) THEN now()
           ELSE t.window_started_at END,
         last_attempt_allowed = t.last_attempt_at <= now() - (SELECT window_length FROM settings)
           OR t.next_attempt_at <= now(),
         last_attempt_at = CASE
           WHEN t.last_attempt_at <= now() - (SELECT window_length FROM settings) OR t.next_attempt_at <= now()
           THEN now() ELSE t.last_attempt_at END,
         next_attempt_at = CASE
           WHEN t.last_attempt_at <= now() - (SELECT window_length FROM settings)
           THEN now() + sign_in_delay(1, $3, $4, $5)
           WHEN t.next_attempt_at <= now() THEN now() + sign_in_delay(t.attempts + 1, $3, $4, $5)
           ELSE t.next_attempt_at END
       RETURNING attempts, last_attempt_allowed AS allowed,
         greatest(1, ceil(extract(epoch FROM next_attempt_at - now())))::int AS retry_after_seconds`,
      [email, windowMinutes, maxFailures, firstDelaySeconds, maxDelaySeconds],
    );
    return row!;
  }

  async clearAccountAttempts(email: string): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `DELETE FROM sign_in_throttle WHERE kind = 'account' AND subject = $1`,
      [email],
    );
  }

  async giveAddressAttemptBack(address: string): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `UPDATE sign_in_throttle SET attempts = attempts - 1
       WHERE kind = 'address' AND subject = $1 AND attempts > 0`,
      [address],
    );
  }

  async recordAttempt(email: string, ip: string | null, succeeded: boolean): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`,
      [email, ip, succeeded],
    );
  }

  /** Counters whose window (the reset requests' own for theirs) and longest delay have both passed. */
  async forgetOldCounters(
    windowMinutes: number,
    maxDelaySeconds: number,
    resetWindowMinutes: number,
  ): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `DELETE FROM sign_in_throttle
       WHERE last_attempt_at < now() - make_interval(
               mins => CASE WHEN kind IN ('reset_address', 'reset_email') THEN $3 ELSE $1 END)
         AND next_attempt_at < now() - make_interval(secs => $2)`,
      [windowMinutes, maxDelaySeconds, resetWindowMinutes],
    );
  }
}
