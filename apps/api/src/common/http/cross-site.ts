import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../access/access.decorators';
import { Problem } from '../problem-details/problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser attaches the session cookie to requests that other sites make it send, so SameSite
 * would be the only defence against cross-site writes. An unsafe request whose session comes
 * from the cookie must come from the app's own pages: Sec-Fetch-Site says so when the browser
 * sends it (the dashboard behind the Vite dev proxy is same-origin too), otherwise Origin must
 * name the host the request was sent to. Requests without either do not come from a browser.
 * Bearer-token clients never use the cookie (the session guard prefers the header), so they are
 * not concerned.
 */
export function crossSiteRefusal(
  request: Pick<FastifyRequest, 'method' | 'headers' | 'cookies'>,
): Problem | null {
  if (SAFE_METHODS.has(request.method) || !usesSessionCookie(request)) return null;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' ? null : refusal();
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  return hostOf(origin) === request.headers.host?.toLowerCase() ? null : refusal();
}

function usesSessionCookie(request: Pick<FastifyRequest, 'headers' | 'cookies'>): boolean {
  if (request.headers.authorization?.startsWith('Bearer ')) return false;
  return Boolean(request.cookies?.[SESSION_COOKIE]);
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // "null" (sandboxed frames, privacy redirects) and anything unparseable
  }
}

function refusal(): Problem {
  return new Problem(
    HttpStatus.FORBIDDEN,
    'cross-site-request',
    'Forbidden',
    'A change signed in with the session cookie must be sent from the app itself. ' +
      'Other clients sign in and send the token as "Authorization: Bearer".',
  );
}
