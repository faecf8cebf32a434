import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { crossSiteRefusal } from './cross-site';
import { inputProblem } from './input-guard';
import { boundedJsonParser, type JsonLimits } from './json-limits';

/** The paths Express would match for app.use('/api') and app.use('/api/v1/auth/login'). */
const API_PATH = /^\/api(?:[/?]|$)/i;
const SIGN_IN_PATH = /^\/api\/v1\/auth\/login(?:[/?]|$)/i;

export interface RequestGuardOptions {
  /** Fills request.cookies (cookie-parser), which the cross-site check and the session guard read. */
  cookies: RequestHandler;
  /** Runs before a sign-in's body is read; it may answer (a refused address) instead of calling next. */
  signIn: RequestHandler;
}

/**
 * The checks every request passes before its body is read, in one middleware rather than one per
 * check (each Express layer costs a dispatch on every request):
 * - API answers carry session tokens, personal data and records that change, so no browser or
 *   proxy may cache them: `Cache-Control: no-store`, set before the route runs so error answers
 *   carry it too (the dashboard's static files are outside /api and keep their own caching);
 * - a sign-in from an address already refused is answered before its body is parsed;
 * - a change signed in with the session cookie must come from the app's own pages (cross-site.ts).
 */
export function requestGuard(options: RequestGuardOptions): RequestHandler {
  const { cookies, signIn } = options;
  const crossSite = (request: Request, next: NextFunction, error?: unknown): void =>
    next(error ?? crossSiteRefusal(request) ?? undefined);
  const check = (request: Request, response: Response, next: NextFunction): void => {
    if (request.method === 'POST' && SIGN_IN_PATH.test(request.url)) {
      void signIn(request, response, (error?: unknown) => crossSite(request, next, error));
      return;
    }
    crossSite(request, next);
  };
  return function requestGuard(request: Request, response: Response, next: NextFunction): void {
    if (API_PATH.test(request.url)) response.setHeader('Cache-Control', 'no-store');
    cookies(request, response, (error?: unknown) => (error ? next(error) : check(request, response, next)));
  };
}

/**
 * Reads and checks what a request brings: a form body, flat (`extended: false`: qs would build
 * nested objects from `a[b][c]`); a JSON body, bounded while it streams (json-limits.ts); then the
 * input guard over the query and the body. Requests with neither skip all of it. Registered as
 * plain Express middleware (Nest's useBodyParser cannot bound the stream), under the names Nest
 * looks for, so that it adds neither of its own parsers (its form parser is the nesting one).
 */
export function requestBody(limits: JsonLimits, jsonLimitBytes: number): RequestHandler[] {
  const form = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 100 });
  const json = boundedJsonParser(limits, jsonLimitBytes);
  const guard = (request: Request, next: NextFunction) => {
    let problem: unknown;
    try {
      problem = inputProblem(request) ?? undefined;
    } catch (error) {
      problem = error;
    }
    next(problem);
  };
  const urlencodedParser: RequestHandler = (request, response, next) =>
    hasBody(request) ? form(request, response, next) : next();
  const jsonParser: RequestHandler = (request, response, next) => {
    if (!hasBody(request)) {
      // Only a query string or an escape in the path can hold what the guard refuses.
      const url = request.url;
      return url.includes('?') || url.includes('%') ? guard(request, next) : next();
    }
    json(request, response, (error?: unknown) => (error ? next(error) : guard(request, next)));
  };
  return [urlencodedParser, jsonParser];
}

/** Node's parser sets one of these on any request that carries a body, whatever its method. */
function hasBody(request: Request): boolean {
  return (
    request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined
  );
}
