import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../common/problem-details/problem';
import { LoginLimiterService } from './login-limiter.service';

/**
 * Answers a sign-in from an address PostgreSQL has already refused, before its body is parsed and
 * validated: a flood from one address then costs the API next to nothing. True when it answered.
 */
export function refuseThrottledAddresses(
  limiter: LoginLimiterService,
): (request: FastifyRequest, reply: FastifyReply) => boolean {
  return (request, reply) => {
    if (request.method !== 'POST') return false;
    const refusal = limiter.refusalOf(request.ip ?? null);
    if (!refusal) return false;
    const document = refusal.toDocument(request.url.split('?')[0]);
    void reply
      .code(refusal.getStatus())
      .header('Retry-After', String(document.retryAfterSeconds))
      .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
      .send(JSON.stringify(document));
    return true;
  };
}
