import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { Problem, PROBLEM_CONTENT_TYPE } from '../problem-details/problem';
import { throttleAddress } from './client-address';

/**
 * The answers that say a request was malformed or over a limit. A client that keeps earning them
 * is broken or hostile; ordinary refusals (401, 403, 404, 409, 422) are part of normal use and do
 * not count.
 */
const REFUSALS: ReadonlySet<number> = new Set([400, 413, 414, 415, 429, 431]);

/** Load balancers probe health from the same addresses as everyone; it must answer at once. */
const HEALTH_PATH = /^\/api\/health(?:[/?]|$)/i;

export interface SlowLaneOptions {
  /** Refusals one address may earn before its requests are held; they are forgotten at `allowance` per `windowMs`. */
  allowance: number;
  windowMs: number;
  /** Each refusal beyond the allowance holds the address's next requests this much longer… */
  stepMs: number;
  /** …up to this; 0 turns the slow lane off. */
  maxDelayMs: number;
  /** Requests of one address held at once; beyond, they are refused at once and their connection closed. */
  maxHeld: number;
  /** Addresses remembered; the one seen least recently is forgotten first. */
  maxAddresses: number;
}

interface AddressState {
  score: number;
  at: number;
  held: number;
}

/**
 * A growing delay for an address that keeps sending refused requests (malformed or nested JSON,
 * over-limit bodies, throttled sign-ins). Refusing such a request is cheap, but a client that
 * sends the next one the moment it is refused keeps the one event loop busy, and every other
 * request waits behind it. Holding the address's requests before their body is read makes such a
 * client wait instead of the others: ten senders of 1 MB bodies, each held two seconds, send five
 * requests a second instead of a thousand. Per process, in memory: it sheds work, it is not the
 * throttle (sign-in's lives in PostgreSQL, across replicas).
 *
 * The score is a leaky bucket: each refusal adds one, and it drains at `allowance` per window, so
 * an address that stops is served at full speed again after a while proportional to its excess.
 */
export class SlowLane {
  private readonly addresses = new Map<string, AddressState>();
  private readonly drainPerMs: number;
  private readonly maxScore: number;

  constructor(
    private readonly options: SlowLaneOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.drainPerMs = options.allowance / options.windowMs;
    // Past the score that gives the longest delay, more refusals would only lengthen the recovery.
    this.maxScore = options.allowance + Math.ceil(options.maxDelayMs / Math.max(options.stepMs, 1));
  }

  get enabled(): boolean {
    return this.options.maxDelayMs > 0;
  }

  /** How long the address's next request waits, in milliseconds; 0 for a client in good standing. */
  delayFor(address: string): number {
    const state = this.current(address, false);
    if (!state) return 0;
    const excess = state.score - this.options.allowance;
    return excess > 0 ? Math.min(this.options.maxDelayMs, Math.ceil(excess * this.options.stepMs)) : 0;
  }

  /** Counts one refusal earned by the address. */
  refused(address: string): void {
    const state = this.current(address, true)!;
    state.score = Math.min(this.maxScore, state.score + 1);
  }

  /** Takes a place among the address's held requests; false when they are all taken. */
  hold(address: string): boolean {
    const state = this.current(address, true)!;
    if (state.held >= this.options.maxHeld) return false;
    state.held++;
    return true;
  }

  release(address: string): void {
    const state = this.addresses.get(address);
    if (state && state.held > 0) state.held--;
  }

  /** The address's state with its score drained to now; refreshed as the most recently seen. */
  private current(address: string, create: boolean): AddressState | undefined {
    const now = this.now();
    let state = this.addresses.get(address);
    if (state) {
      state.score = Math.max(0, state.score - (now - state.at) * this.drainPerMs);
      state.at = now;
      this.addresses.delete(address);
      if (state.score === 0 && state.held === 0 && !create) return undefined;
    } else {
      if (!create) return undefined;
      state = { score: 0, at: now, held: 0 };
      if (this.addresses.size >= this.options.maxAddresses) {
        const oldest = this.addresses.keys().next().value;
        if (oldest !== undefined) this.addresses.delete(oldest);
      }
    }
    this.addresses.set(address, state);
    return state;
  }
}

/**
 * Holds the requests of an address in the slow lane before anything reads their body, counts the
 * refusals each address earns, and refuses at once (closing the connection) an address that
 * already has `maxHeld` requests waiting. Health is never held. A Fastify onRequest hook.
 */
export function slowLaneHook(lane: SlowLane): onRequestHookHandler {
  if (!lane.enabled) return (_request, _reply, done) => done();
  return function slowLane(request, reply, done): void {
    // Behind a proxy named by TRUST_PROXY, the client's address; otherwise the TCP peer's.
    const address = throttleAddress(request.ip ?? request.socket.remoteAddress ?? null) ?? '';
    const response = reply.raw;
    response.once('finish', () => {
      if (REFUSALS.has(response.statusCode)) lane.refused(address);
    });
    const delay = HEALTH_PATH.test(request.url) ? 0 : lane.delayFor(address);
    if (delay === 0) return done();
    if (!lane.hold(address)) return refuseAtOnce(request, reply, delay);
    let released = false;
    const release = () => {
      if (released) return false;
      released = true;
      lane.release(address);
      return true;
    };
    const timer = setTimeout(() => {
      if (release()) done();
    }, delay);
    // A client that gives up while held frees its place; nothing is left to answer.
    request.raw.once('close', () => {
      if (release()) clearTimeout(timer);
    });
  };
}

function refuseAtOnce(request: FastifyRequest, reply: FastifyReply, delayMs: number): void {
  const retryAfterSeconds = Math.max(1, Math.ceil(delayMs / 1000));
  const problem = new Problem(
    HttpStatus.TOO_MANY_REQUESTS,
    'slow-down',
    'Too many refused requests',
    `This network address has sent too many requests that were refused. Try again in ${retryAfterSeconds} second(s).`,
    { retryAfterSeconds },
  );
  void reply
    .code(HttpStatus.TOO_MANY_REQUESTS)
    .header('Retry-After', String(retryAfterSeconds))
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    // The body is left unread, so the connection cannot carry another request.
    .header('Connection', 'close')
    .send(JSON.stringify(problem.toDocument(request.url.split('?')[0])));
}
