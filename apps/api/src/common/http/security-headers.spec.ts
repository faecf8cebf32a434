import { securityHeadersOf } from './security-headers';

describe('securityHeadersOf', () => {
  it("gives helmet's headers for the options, by lowercase name", () => {
    const headers = securityHeadersOf({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
    });
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('leaves out a header the options turn off', () => {
    expect(securityHeadersOf({ xFrameOptions: false })['x-frame-options']).toBeUndefined();
  });

  it('refuses a directive that depends on the request, which cannot be computed once', () => {
    expect(() =>
      securityHeadersOf({
        contentSecurityPolicy: { directives: { 'script-src': ["'self'", () => "'nonce-abc'"] } },
      }),
    ).toThrow(/script-src directive depends on the request/);
  });

  it('cannot be changed afterwards by one answer for the others', () => {
    const headers = securityHeadersOf({}) as Record<string, string>;
    expect(() => (headers['x-frame-options'] = 'ALLOW')).toThrow(TypeError);
  });
});
