import {
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { throttleAddress } from '../common/http/client-address';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Problem } from '../common/problem-details/problem';

interface ThrottleRow {
  attempts: number;
  allowed: boolean;
  retry_after_seconds: number;
}

const CLEANUP_INTERVAL_MS = 10 * 60_000;
/** Refused addresses remembered per process; beyond this, the oldest are forgotten (and asked again). */
const REMEMBERED_REFUSALS = 10_000;

/**
 * Throttles sign-in per source address and per account, before the password is checked.
 *
 * Each attempt is counted when it starts, by one INSERT … ON CONFLICT … RETURNING per key: the row
 * lock makes concurrent attempts (on any replica) count one after another, so no more attempts are
 * checked than the limits allow. A success takes its attempt back.
 *
 * - An address may make `maxFailuresPerAddress` attempts per window, over all accounts; then it is
 *   refused until the window ends.
 * - An account is never locked: after `maxFailures` attempts, each further one must wait a delay
 *   that doubles from `firstDelaySeconds` up to `maxDelaySeconds`. Attempts refused while waiting do not count, so
 *   an attacker cannot keep the real user out for longer than that delay.
 */
@Injectable()
export class LoginLimiterService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Auth');
  private cleanup: NodeJS.Timeout | undefined;
  /** Address → when PostgreSQL's refusal of it ends (epoch ms). */
  private readonly refusedAddresses = new Map<string, number>();
  /** The last address refusal built: a flood asks for the same one thousands of times a second. */
  private lastAddressRefusal: { seconds: number; problem: Problem } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cleanup = setInterval(() => {
      this.forgetOldCounters().catch((error: unknown) =>
        this.logger.warn({ event: 'sign_in_throttle_cleanup_failed', error: String(error) }),
      );
    }, CLEANUP_INTERVAL_MS);
    this.cleanup.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.cleanup);
  }

  /** Counts the attempt against the address, then the account; refuses it (429) past either limit. */
  async begin(email: string, ip: string | null): Promise<void> {
    const address = throttleAddress(ip);
    if (address) {
      const row = await this.countAddressAttempt(address);
      if (row.attempts > this.config.login.maxFailuresPerAddress) {
        this.rememberRefusal(address, row.retry_after_seconds);
        throw tooManyAttempts(
          'Too many sign-in attempts from this network address.',
          row.retry_after_seconds,
          'address',
        );
      }
    }
    const row = await this.countAccountAttempt(email);
    if (!row.allowed) {
      throw tooManyAttempts(
        'Too many failed sign-ins for this account: each further attempt must wait a little longer.',
        row.retry_after_seconds,
        'account',
      );
    }
  }

  /**
   * The refusal PostgreSQL already gave this address, while it lasts: a flood from one address is
   * then answered before its body is read or the database asked. An address's window is fixed, so
   * the remembered refusal ends when PostgreSQL's would.
   */
  refusalOf(ip: string | null): Problem | null {
    const address = throttleAddress(ip);
    if (!address) return null;
    const until = this.refusedAddresses.get(address);
    if (until === undefined) return null;
    const seconds = Math.ceil((until - Date.now()) / 1000);
    if (seconds <= 0) {
      this.refusedAddresses.delete(address);
      return null;
    }
    // An exception captures a stack trace when built: the same refusal is kept while its wait is the same.
    if (this.lastAddressRefusal?.seconds !== seconds) {
      const problem = tooManyAttempts(
        'Too many sign-in attempts from this network address.',
        seconds,
        'address',
      );
      this.lastAddressRefusal = { seconds, problem };
    }
    return this.lastAddressRefusal.problem;
  }

  private rememberRefusal(address: string, retryAfterSeconds: number): void {
    this.refusedAddresses.delete(address);
    this.refusedAddresses.set(address, Date.now() + retryAfterSeconds * 1000);
    if (this.refusedAddresses.size > REMEMBERED_REFUSALS) {
      const oldest = this.refusedAddresses.keys().next().value;
      if (oldest !== undefined) this.refusedAddresses.delete(oldest);
    }
  }

  /** A successful sign-in clears the account's failures and gives the address its attempt back. */
  async succeeded(email: string, ip: string | null): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE kind = 'account' AND subject = $1`, [
      email,
    ]);
    const address = throttleAddress(ip);
    if (address) {
      await this.dataSource.query(
        `UPDATE sign_in_throttle SET attempts = attempts - 1
         WHERE kind = 'address' AND subject = $1 AND attempts > 0`,
        [address],
      );
    }
  }

  /** Kept as the history of checked sign-ins; attempts refused by the throttle are not written. */
  async record(email: string, ip: string | null, succeeded: boolean): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`, [
      email,
      ip,
      succeeded,
    ]);
  }

  private async countAddressAttempt(address: string): Promise<ThrottleRow> {
    const [row] = await this.dataSource.query<ThrottleRow[]>(
      `WITH settings AS (SELECT make_interval(mins => $2) AS window_length)
       INSERT INTO sign_in_throttle AS t
         (kind, subject, attempts, window_started_at, last_attempt_at, next_attempt_at, last_attempt_allowed)
       VALUES ('address', $1, 1, now(), now(), now(), true)
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
      [address, this.config.login.windowMinutes],
    );
    return row!;
  }

  private async countAccountAttempt(email: string): Promise<ThrottleRow> {
    const { maxFailures, windowMinutes, firstDelaySeconds, maxDelaySeconds } = this.config.login;
    // Failures are forgotten when the last attempt is older than the window. While the account's
    // delay has not passed, the attempt is refused and changes nothing.
    const [row] = await this.dataSource.query<ThrottleRow[]>(
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

  private async forgetOldCounters(): Promise<void> {
    const { windowMinutes, maxDelaySeconds } = this.config.login;
    await this.dataSource.query(
      `DELETE FROM sign_in_throttle
       WHERE last_attempt_at < now() - make_interval(mins => $1)
         AND next_attempt_at < now() - make_interval(secs => $2)`,
      [windowMinutes, maxDelaySeconds],
    );
  }
}

// The key is shared with the slow lane (common/http), so both judge the same client as one.
export { throttleAddress };

function tooManyAttempts(detail: string, retryAfterSeconds: number, limit: 'address' | 'account'): Problem {
  const seconds = Math.max(1, retryAfterSeconds);
  return new Problem(
    HttpStatus.TOO_MANY_REQUESTS,
    'too-many-sign-in-attempts',
    'Too many sign-in attempts',
    `${detail} Try again in ${seconds < 120 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`}.`,
    { retryAfterSeconds: seconds, limit },
  );
}
