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
    const body = JSON.stringify(document);
    // Written directly: Express's send would also hash the body for an ETag no one revalidates.
    response.statusCode = refusal.getStatus();
    response.setHeader('Retry-After', String(document.retryAfterSeconds));
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(body);
  };
}
