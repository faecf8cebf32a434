import { asRole, aUser, TEST_PASSWORD } from '../support/builders';
import type { TestApp } from '../support/test-app';
import { createTestAppWithDashboard } from '../support/web-dist';

/** No browser or proxy cache keeps an API answer: they carry tokens, personal data, live records. */
describe('API answers are not stored by caches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestAppWithDashboard();
  });
  afterAll(() => t.close());

  it('marks the sign-in answer, which carries the token, no-store', async () => {
    const user = await aUser(t);
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('marks authenticated answers and their errors no-store', async () => {
    const { auth } = await asRole(t, 'staff');
    const list = await t.http().get('/api/v1/organizations').set(auth);
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const me = await t.http().get('/api/v1/auth/me').set(auth);
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await t.http().get('/api/v1/users').set(auth);
    expect(refused.status).toBe(403);
    expect(refused.headers['cache-control']).toBe('no-store');
    const unauthenticated = await t.http().get('/api/v1/organizations');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers['cache-control']).toBe('no-store');
  });

  it("keeps the dashboard's static caching as it was", async () => {
    const asset = await t.http().get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.http().get('/projects/some-project');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
