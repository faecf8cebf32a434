import { hash, randomBytes } from 'node:crypto';

/** 256 random bits: opaque to clients, never stored as is. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are looked up by the SHA-256 of their token, so a leaked table reveals no token. */
export function hashSessionToken(token: string): Buffer {
  // One call, no Hash object: it runs on every authenticated request.
  return hash('sha256', token, 'buffer');
}
