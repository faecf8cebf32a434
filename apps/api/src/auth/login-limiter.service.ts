import {
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { throttleAddress } from '../common/http/client-address';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Problem } from '../common/problem-details/problem';
import { AuthRepository } from './auth.repository';

const CLEANUP_INTERVAL_MS = 10 * 60_000;
/** The window of password-reset requests: each link is mailed, so a few an hour is plenty. */
const RESET_WINDOW_MINUTES = 60;
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
    private readonly repository: AuthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cleanup = setInterval(() => {
      this.repository
        .forgetOldCounters(
          this.config.login.windowMinutes,
          this.config.login.maxDelaySeconds,
          RESET_WINDOW_MINUTES,
        )
        .catch((error: unknown) =>
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
      const row = await this.repository.countAddressAttempt(address, this.config.login.windowMinutes);
      if (row.attempts > this.config.login.maxFailuresPerAddress) {
        this.rememberRefusal(address, row.retry_after_seconds);
        throw tooManyAttempts(
          'Too many sign-in attempts from this network address.',
          row.retry_after_seconds,
          'address',
        );
      }
    }
    const row = await this.repository.countAccountAttempt(email, this.config.login);
    if (!row.allowed) {
      throw tooManyAttempts(
        'Too many failed sign-ins for this account: each further attempt must wait a little longer.',
        row.retry_after_seconds,
        'account',
      );
    }
  }

  /**
   * Counts a password-reset request against its source address, then its email (whether or not an
   * account has it, so the answer tells nothing), each within a fixed hour; refuses it (429) past
   * either limit. Without it, anyone could have the product mail an address over and over.
   */
  async beginPasswordReset(email: string, ip: string | null): Promise<void> {
    const { resetsPerAddress, resetsPerEmail } = this.config.login;
    const address = throttleAddress(ip);
    if (address) {
      const row = await this.repository.countInWindow('reset_address', address, RESET_WINDOW_MINUTES);
      if (row.attempts > resetsPerAddress) {
        throw tooManyResets('from this network address', row.retry_after_seconds, 'address');
      }
    }
    const row = await this.repository.countInWindow(
      'reset_email',
      email.trim().toLowerCase(),
      RESET_WINDOW_MINUTES,
    );
    if (row.attempts > resetsPerEmail) {
      throw tooManyResets('for this email address', row.retry_after_seconds, 'email');
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
    await this.repository.clearAccountAttempts(email);
    const address = throttleAddress(ip);
    if (address) await this.repository.giveAddressAttemptBack(address);
  }

  /** Kept as the history of checked sign-ins; attempts refused by the throttle are not written. */
  async record(email: string, ip: string | null, succeeded: boolean): Promise<void> {
    await this.repository.recordAttempt(email, ip, succeeded);
  }
}

// The key is shared with the slow lane (common/http), so both judge the same client as one.
export { throttleAddress };

function tooManyResets(from: string, retryAfterSeconds: number, limit: 'address' | 'email'): Problem {
  const seconds = Math.max(1, retryAfterSeconds);
  return new Problem(
    HttpStatus.TOO_MANY_REQUESTS,
    'too-many-reset-requests',
    'Too many password-reset requests',
    `Too many password-reset requests ${from}. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    { retryAfterSeconds: seconds, limit },
  );
}

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
