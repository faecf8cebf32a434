import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { securityHeadersOf } from './security-headers';

/** What helmet's own middleware sets on a Node response, by lowercase name. */
function setByMiddleware(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

describe('securityHeadersOf', () => {
  it("gives the headers helmet's middleware sets, with their values", () => {
    const options = {
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
    };
    const headers = securityHeadersOf(options);
    expect(headers).toEqual(setByMiddleware(options));
    expect(Object.keys(headers).length).toBeGreaterThanOrEqual(12);
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
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
