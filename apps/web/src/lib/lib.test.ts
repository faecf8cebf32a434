import { describe, expect, it } from 'vitest';
import { safeRedirectTarget, signInPathFor } from './auth';
import { canOpen } from './authorization';
import { parseRetryAfter } from './problem';

describe('safeRedirectTarget', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeRedirectTarget('/countries?sids=true')).toBe('/countries?sids=true');
  });

  it('refuses other origins and loops back to sign-in', () => {
    for (const target of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/sign-in',
      '/sign-in?next=/',
      '',
      null,
    ]) {
      expect(safeRedirectTarget(target)).toBe('/');
    }
  });

  it('round-trips through the sign-in address', () => {
    const next = new URL(signInPathFor('/countries?sids=true'), 'http://localhost').searchParams.get('next');
    expect(safeRedirectTarget(next)).toBe('/countries?sids=true');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(
      parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')),
    ).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('canOpen', () => {
  it('opens Organizations to admin and staff only', () => {
    expect(['admin', 'staff', 'reviewer', 'donor'].filter((role) => canOpen(role, 'organizations'))).toEqual([
      'admin',
      'staff',
    ]);
    expect(canOpen('donor', 'countries')).toBe(true);
    expect(canOpen('intruder', 'overview')).toBe(false);
  });
});
