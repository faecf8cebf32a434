import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Sema } from 'async-sema';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Problem } from '../common/problem-details/problem';

/**
 * Bounds the password hashes sign-in computes at once. argon2 runs on libuv's thread pool (four
 * threads by default), which compression, file reads and DNS share: unbounded, a flood of sign-ins
 * fills it and every other request waits. A few hashes run at once, a bounded queue waits, and a
 * sign-in beyond that is refused with 429 at once, costing nothing.
 */
@Injectable()
export class PasswordHashGate {
  private readonly sema: Sema;
  private readonly queueLimit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.sema = new Sema(config.login.hashConcurrency);
    this.queueLimit = config.login.hashQueue;
  }

  async run<T>(hash: () => Promise<T>): Promise<T> {
    const token: unknown = this.sema.tryAcquire();
    if (token === undefined) {
      if (this.sema.nrWaiting() >= this.queueLimit) {
        throw new Problem(
          HttpStatus.TOO_MANY_REQUESTS,
          'sign-in-busy',
          'Too many sign-ins at once',
          'The server is checking too many passwords at once. Try again in a moment.',
          { retryAfterSeconds: 1 },
        );
      }
      await this.sema.acquire();
    }
    try {
      return await hash();
    } finally {
      this.sema.release();
    }
  }
}
