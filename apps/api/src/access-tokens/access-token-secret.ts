import { hash, randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_PREFIX } from '@hstf/domain';

/** The prefix and 256 random bits: the secret a script sends, answered once and never stored. */
export function newAccessTokenSecret(): string {
  return ACCESS_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Tokens are looked up by the SHA-256 of their secret, so a leaked table reveals no token. */
export function hashAccessToken(secret: string): Buffer {
  // One call, no Hash object: it runs on every authenticated request.
  return hash('sha256', secret, 'buffer');
}
