import { compareIsoDates, daysBetween, type IsoDate } from '../calendar/iso-date';

/**
 * Personal access tokens: a user's own credentials for scripts, acting as that user. The secret
 * starts with this prefix so that it is recognised wherever it leaks (logs, repositories, secret
 * scanners) and told apart from a session token.
 */
export const ACCESS_TOKEN_PREFIX = 'hstf_pat_';
export const ACCESS_TOKEN_NAME_MAX_LENGTH = 100;
/** The furthest a token may be set to expire: a forgotten token does not work forever by default. */
export const ACCESS_TOKEN_MAX_DAYS = 366;
/** Live tokens one user may hold: enough for every script, few enough to review at a glance. */
export const ACCESS_TOKEN_LIVE_LIMIT = 20;
/** Tokens one user may create in an hour, as sign-in is throttled: a stolen session cannot mint many. */
export const ACCESS_TOKENS_PER_HOUR = 10;

export function isAccessToken(token: string): boolean {
  return token.startsWith(ACCESS_TOKEN_PREFIX);
}

export type AccessTokenProblem =
  | { code: 'access_token_expiry_past'; facts: { expiresOn: IsoDate; today: IsoDate } }
  | { code: 'access_token_expiry_too_far'; facts: { expiresOn: IsoDate; maxDays: number } }
  | { code: 'access_token_live_limit'; facts: { live: number; limit: number } };

export interface AccessTokenRequestFacts {
  /** The last day the token works (UTC), or null for a token that works until revoked. */
  expiresOn: IsoDate | null;
  today: IsoDate;
  /** The user's tokens neither revoked nor expired. */
  live: number;
}

/**
 * Why a new token may not be created: it must work at least until the end of today and at most
 * ACCESS_TOKEN_MAX_DAYS ahead, and the user may hold ACCESS_TOKEN_LIVE_LIMIT live tokens.
 */
export function accessTokenProblems(f: AccessTokenRequestFacts): AccessTokenProblem[] {
  const problems: AccessTokenProblem[] = [];
  if (f.expiresOn !== null) {
    if (compareIsoDates(f.expiresOn, f.today) < 0)
      problems.push({ code: 'access_token_expiry_past', facts: { expiresOn: f.expiresOn, today: f.today } });
    else if (daysBetween(f.today, f.expiresOn) > ACCESS_TOKEN_MAX_DAYS)
      problems.push({
        code: 'access_token_expiry_too_far',
        facts: { expiresOn: f.expiresOn, maxDays: ACCESS_TOKEN_MAX_DAYS },
      });
  }
  if (f.live >= ACCESS_TOKEN_LIVE_LIMIT)
    problems.push({
      code: 'access_token_live_limit',
      facts: { live: f.live, limit: ACCESS_TOKEN_LIVE_LIMIT },
    });
  return problems;
}

export function describeAccessTokenProblem(problem: AccessTokenProblem): string {
  switch (problem.code) {
    case 'access_token_expiry_past':
      return `The expiry date ${problem.facts.expiresOn} has passed: choose today or a later day.`;
    case 'access_token_expiry_too_far':
      return `A token expires within ${problem.facts.maxDays} days: ${problem.facts.expiresOn} is further.`;
    case 'access_token_live_limit':
      return `You already hold ${problem.facts.live} access tokens, the most allowed: revoke one you no longer use.`;
  }
}
