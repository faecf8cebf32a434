import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import type { TestApp } from '../support/test-app';
import { createTestAppWithDashboard } from '../support/web-dist';

/** What every answer of the API and the dashboard says to the browser about framing, sniffing and sources. */
function expectSecurityHeaders(response: Response): void {
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toMatch(/(^|;)default-src 'self'(;|$)/);
  expect(csp).toMatch(/(^|;)script-src 'self'(;|$)/);
  expect(csp).toMatch(/(^|;)frame-ancestors 'self'(;|$)/);
  expect(csp).toMatch(/(^|;)object-src 'none'(;|$)/);
  expect(csp).toMatch(/(^|;)style-src 'self' 'unsafe-inline'(;|$)/);
  expect(csp).toMatch(/(^|;)img-src 'self' data:(;|$)/);
  expect(response.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  });
  expect(response.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestAppWithDashboard();
  });
  afterAll(() => t.close());

  it('are on a JSON answer, a problem and an unauthenticated refusal alike', async () => {
    const { auth } = await asRole(t, 'staff');
    const list = await t.http().get('/api/v1/organizations').set(auth);
    expect(list.status).toBe(200);
    expectSecurityHeaders(list);
    const missing = await t.http().get('/api/v1/projects/00000000-0000-4000-8000-000000000000').set(auth);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    const noRoute = await t.http().get('/api/v1/no-such-thing').set(auth);
    expect(noRoute.status).toBe(404);
    expectSecurityHeaders(noRoute);
    const unauthenticated = await t.http().get('/api/v1/organizations');
    expect(unauthenticated.status).toBe(401);
    expectSecurityHeaders(unauthenticated);
  });

  it("are on the dashboard's pages and files", async () => {
    expectSecurityHeaders(await t.http().get('/projects/some-project'));
    expectSecurityHeaders(await t.http().get('/assets/app-1234.js'));
  });

  it('ask browsers to upgrade insecure requests only when cookies are secure', async () => {
    const page = await t.http().get('/projects/some-project');
    expect(page.headers['content-security-policy']).toContain(
      t.config.cookieSecure ? 'upgrade-insecure-requests' : "script-src-attr 'none'",
    );
    expect(page.headers['content-security-policy']?.includes('upgrade-insecure-requests')).toBe(
      t.config.cookieSecure,
    );
  });
});
