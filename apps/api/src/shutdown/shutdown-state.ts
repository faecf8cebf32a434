import { Global, Injectable, Module } from '@nestjs/common';
import type { onRequestHookHandler } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemDocument } from '../common/problem-details/problem';

/** How long a client is asked to wait before retrying on another instance, or this one restarted. */
const DRAINING_RETRY_AFTER_SECONDS = 5;

/**
 * Whether the API is draining (shutting down), and how many requests are still in flight.
 * While draining, a request that arrives on a connection that is still open answers 503 (health
 * included, so a load balancer stops sending) and the connection is closed after it.
 */
@Injectable()
export class ShutdownState {
  private draining = false;
  private inFlight = 0;
  private idle: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** A Fastify onRequest hook, the first: counts requests, refuses new ones while draining. */
  readonly hook: onRequestHookHandler = (request, reply, done): void => {
    if (this.draining) {
      const document: ProblemDocument = {
        type: 'https://hstf-portfolio.org/problems/unavailable',
        title: 'Service unavailable',
        status: 503,
        detail: 'The API is shutting down; send the request again.',
        instance: request.url.split('?')[0],
      };
      void reply
        .code(503)
        .header('Connection', 'close')
        .header('Retry-After', String(DRAINING_RETRY_AFTER_SECONDS))
        .header('Cache-Control', 'no-store')
        .type(PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify(document));
      return;
    }
    this.inFlight++;
    // 'close' fires once per response, whether it finished or the client went away.
    reply.raw.once('close', () => {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
    done();
  };

  startDraining(): void {
    this.draining = true;
  }

  /** Resolves true once no request is in flight, or false when `timeoutMs` passes first. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

@Global()
@Module({ providers: [ShutdownState], exports: [ShutdownState] })
export class ShutdownModule {}
