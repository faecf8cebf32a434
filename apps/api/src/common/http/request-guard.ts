import { parse as parseQueryString } from 'node:querystring';
import { PayloadTooLargeException } from '@nestjs/common';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preValidationHookHandler,
} from 'fastify';
import { crossSiteRefusal } from './cross-site';
import { inputProblem } from './input-guard';
import { boundedJsonParser, type JsonLimits } from './json-limits';

/** The paths Express matched for app.use('/api') and app.use('/api/v1/auth/login'). */
const API_PATH = /^\/api(?:[/?]|$)/i;
const SIGN_IN_PATH = /^\/api\/v1\/auth\/login(?:[/?]|$)/i;

/** A form body's bounds, as express.urlencoded's were set here. */
const FORM_LIMIT_BYTES = 100 * 1024;
const FORM_MAX_PARAMETERS = 100;

export interface RequestGuardOptions {
  /** Runs before a sign-in's body is read; true when it has answered (a refused address). */
  signIn: (request: FastifyRequest, reply: FastifyReply) => boolean;
}

/**
 * The checks every request passes before its body is read, in one hook rather than one per check:
 * - API answers carry session tokens, personal data and records that change, so no browser or
 *   proxy may cache them: `Cache-Control: no-store`, set before the route runs so error answers
 *   carry it too (the dashboard's static files are outside /api and keep their own caching);
 * - a sign-in from an address already refused is answered before its body is parsed;
 * - a change signed in with the session cookie must come from the app's own pages (cross-site.ts).
 * Registered after @fastify/cookie's hook, which fills request.cookies.
 */
export function requestGuard(options: RequestGuardOptions): onRequestHookHandler {
  const { signIn } = options;
  return function requestGuard(request, reply, done): void {
    const url = request.url;
    if (API_PATH.test(url)) reply.header('Cache-Control', 'no-store');
    // Answered: Fastify goes no further once a hook has sent the reply.
    if (request.method === 'POST' && SIGN_IN_PATH.test(url) && signIn(request, reply)) return;
    done(crossSiteRefusal(request) ?? undefined);
  };
}

/**
 * How a request's body is read, in place of Fastify's own parsers: a form body, flat (no nested
 * objects from `a[b][c]`); a JSON body, bounded while it streams (json-limits.ts); any other type
 * left unread, as Express left it (the routes' validation then refuses a missing body). Multipart
 * bodies are read by the upload routes' interceptors (@fastify/multipart adds its own parser).
 * Then the input guard over the query and the body, before validation; requests with neither skip it.
 */
export function registerBodyParsers(
  fastify: FastifyInstance,
  limits: JsonLimits,
  jsonLimitBytes: number,
): void {
  // Only Fastify's own two: an upload route's multipart parser may be registered already (the
  // adapter loads @fastify/multipart with the first plugin awaited), and must stay.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', boundedJsonParser(limits, jsonLimitBytes));
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES },
    (_request, body, done) => {
      const form = parseQueryString(body as string, '&', '=', { maxKeys: 0 });
      if (Object.keys(form).length > FORM_MAX_PARAMETERS)
        return done(new PayloadTooLargeException('too many parameters'));
      // A plain object, as express.urlencoded's: querystring's has no prototype.
      done(null, { ...form });
    },
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  fastify.addHook('preValidation', inputGuard);
}

const inputGuard: preValidationHookHandler = function inputGuard(request, _reply, done): void {
  if (request.body === undefined) {
    // Only a query string or an escape in the path can hold what the guard refuses.
    const url = request.url;
    if (!url.includes('?') && !url.includes('%')) return done();
  }
  let problem: Error | undefined;
  try {
    problem = inputProblem(request) ?? undefined;
  } catch (error) {
    problem = error as Error;
  }
  done(problem);
};
