import { anOrganizationRequest, aUser, signIn, TEST_PASSWORD } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

const APP_HOST = 'portfolio.example.org';

/**
 * A change signed in by the session cookie must come from the app's own pages; another site
 * cannot make the browser send one. Bearer-token clients are not concerned.
 */
describe('cross-site writes', () => {
  let t: TestApp;
  let cookie: string;
  let bearer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const staff = await aUser(t, { role: 'staff' });
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: staff.email, password: TEST_PASSWORD });
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    cookie = setCookie.find((line) => line.startsWith('hstf_session='))!.split(';')[0]!;
    bearer = await signIn(t, staff);
  });
  afterAll(() => t.close());

  const createWithCookie = (headers: Record<string, string>) =>
    t
      .http()
      .post('/api/v1/organizations')
      .set('Host', APP_HOST)
      .set('Cookie', cookie)
      .set(headers)
      .send(anOrganizationRequest());

  it.each([
    [
      'a form or fetch from another site',
      { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site' },
    ],
    ['a sibling subdomain', { Origin: `https://evil.${APP_HOST}`, 'Sec-Fetch-Site': 'same-site' }],
    ['an older browser naming another origin', { Origin: 'https://attacker.example' }],
    ['an opaque origin (sandboxed frame)', { Origin: 'null' }],
  ])('refuses a cookie-signed write from %s with 403 and writes nothing', async (_label, headers) => {
    const before = await count(t.db, 'organizations');
    const problem = expectProblem(await createWithCookie(headers), 403);
    expect(problem.type).toBe('https://hstf-portfolio.org/problems/cross-site-request');
    await expect(count(t.db, 'organizations')).resolves.toBe(before);
  });

  it('refuses a cross-site sign-out, so the session stays valid', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/logout')
      .set('Host', APP_HOST)
      .set('Cookie', cookie)
      .set('Origin', 'https://attacker.example')
      .set('Sec-Fetch-Site', 'cross-site');
    expectProblem(response, 403);
    const me = await t.http().get('/api/v1/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
  });

  it.each([
    ['the dashboard (same origin)', { Origin: `https://${APP_HOST}`, 'Sec-Fetch-Site': 'same-origin' }],
    [
      'the dashboard behind the dev proxy',
      { Origin: 'http://localhost:5173', 'Sec-Fetch-Site': 'same-origin' },
    ],
    ['an older browser on the app itself', { Origin: `https://${APP_HOST}` }],
    ['a non-browser client with the cookie', {}],
  ])('accepts a cookie-signed write from %s', async (_label, headers) => {
    const response = await createWithCookie(headers);
    expect(response.status).toBe(201);
  });

  it('leaves bearer-token clients unaffected whatever their origin', async () => {
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set('Authorization', `Bearer ${bearer}`)
      .set('Cookie', cookie)
      .set('Origin', 'https://integration.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .send(anOrganizationRequest());
    expect(response.status).toBe(201);
  });

  it('leaves cross-site reads to the session guard', async () => {
    const response = await t
      .http()
      .get('/api/v1/organizations')
      .set('Cookie', cookie)
      .set('Origin', 'https://attacker.example')
      .set('Sec-Fetch-Site', 'cross-site');
    expect(response.status).toBe(200);
  });
});
