import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '../common/problem-details/problem';
import { LoginLimiterService } from './login-limiter.service';

/**
 * Answers a sign-in from an address PostgreSQL has already refused, before its body is parsed and
 * validated: a flood from one address then costs the API next to nothing.
 */
export function refuseThrottledAddresses(limiter: LoginLimiterService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'POST') return next();
    const refusal = limiter.refusalOf(request.ip ?? null);
    if (!refusal) return next();
    const document = refusal.toDocument(request.originalUrl.split('?')[0]);
    response.setHeader('Retry-After', String(document.retryAfterSeconds));
    response.status(refusal.getStatus()).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(document));
  };
}
