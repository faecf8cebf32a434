import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Problem } from '../common/problem-details/problem';

/**
 * Refuses sign-in for an email after too many recent failures. The count lives in PostgreSQL,
 * not in process memory, so it holds across every API replica behind a load balancer.
 */
@Injectable()
export class LoginLimiterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string): Promise<void> {
    const { maxFailures, windowMinutes } = this.config.login;
    const [row] = await this.dataSource.query<{ failures: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS failures, min(attempted_at) AS oldest
       FROM (SELECT attempted_at FROM login_attempts
             WHERE email = $1 AND NOT succeeded AND attempted_at > now() - make_interval(mins => $2)
             ORDER BY attempted_at DESC LIMIT $3) recent`,
      [email, windowMinutes, maxFailures],
    );
    if (row && row.failures >= maxFailures && row.oldest) {
      const retryAfter = Math.max(
        1,
        Math.ceil((row.oldest.getTime() + windowMinutes * 60_000 - Date.now()) / 1000),
      );
      throw new Problem(
        HttpStatus.TOO_MANY_REQUESTS,
        'too-many-sign-in-attempts',
        'Too many sign-in attempts',
        `Too many failed sign-ins for this account. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        { retryAfterSeconds: retryAfter },
      );
    }
  }

  async record(email: string, ip: string | null, succeeded: boolean): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`, [
      email,
      ip,
      succeeded,
    ]);
  }
}
