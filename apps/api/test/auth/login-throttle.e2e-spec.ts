import { aUser, TEST_PASSWORD } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/** After LOGIN_MAX_FAILURES wrong passwords for an email, sign-in for that email is refused for a while. */
describe('sign-in throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  it('still accepts the right password after one failure fewer than the limit', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 2; i++) expectProblem(await login(user.email, 'a wrong password'), 401);
    await expect(login(user.email, TEST_PASSWORD)).resolves.toMatchObject({ status: 200 });
  });

  it('refuses even the right password with 429 after the limit, and opens no session', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 3; i++) expectProblem(await login(user.email, 'a wrong password'), 401);
    const response = await login(user.email, TEST_PASSWORD);
    const problem = expectProblem(response, 429) as unknown as { retryAfterSeconds: number };
    expect(problem.retryAfterSeconds).toBeGreaterThan(0);
    expect(response.headers['retry-after']).toBe(String(problem.retryAfterSeconds));
    expect(response.body.token).toBeUndefined();
    await expect(count(t.db, 'sessions', 'user_id = $1', [user.id])).resolves.toBe(0);
  });

  it('leaves another account unaffected', async () => {
    const throttled = await aUser(t);
    const other = await aUser(t);
    for (let i = 0; i < 3; i++) await login(throttled.email, 'a wrong password');
    expectProblem(await login(throttled.email, TEST_PASSWORD), 429);
    await expect(login(other.email, TEST_PASSWORD)).resolves.toMatchObject({ status: 200 });
  });

  it('counts failures per account whatever the case of the email', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 3; i++) await login(user.email.toUpperCase(), 'a wrong password');
    expectProblem(await login(user.email, TEST_PASSWORD), 429);
  });

  it('forgets failures older than the window', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 3; i++) await login(user.email, 'a wrong password');
    await t.db.query(
      `UPDATE login_attempts SET attempted_at = now() - interval '16 minutes' WHERE email = $1`,
      [user.email],
    );
    await expect(login(user.email, TEST_PASSWORD)).resolves.toMatchObject({ status: 200 });
  });
});
