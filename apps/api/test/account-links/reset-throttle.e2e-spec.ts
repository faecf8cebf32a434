import { aUser } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * Password-reset requests are limited per email and per network address within the hour, counted
 * in PostgreSQL like sign-ins, and answered the same whether or not an account has the email.
 */
describe('password-reset requests are rate-limited', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      RESET_MAX_PER_EMAIL: '3',
      RESET_MAX_PER_ADDRESS: '6',
    });
  });
  afterAll(() => t?.close());

  const ask = (email: string, address: string) =>
    t.http().post('/api/v1/auth/password-reset').set('X-Forwarded-For', address).send({ email });
  const resetJobs = () => count(t.db, 'pgboss.job', `name = 'account-mail' AND data->>'purpose' = 'reset'`);

  it('refuses a fourth request for one email within the hour, whether or not it has an account', async () => {
    const user = await aUser(t, { role: 'staff' });
    for (const email of [user.email, 'nobody.here@example.org']) {
      for (const [n, address] of ['198.51.100.1', '198.51.100.2', '198.51.100.3'].entries()) {
        const accepted = await ask(n === 1 ? email.toUpperCase() : email, address);
        expect(accepted.status).toBe(202);
      }
      const jobs = await resetJobs();
      const refused = expectProblem(await ask(email, '198.51.100.4'), 429);
      expect(refused.type).toContain('too-many-reset-requests');
      expect(refused.limit).toBe('email');
      expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
      await expect(resetJobs()).resolves.toBe(jobs);
    }
    // The answers for the known and the unknown address are the same, refusal included (the wait
    // differs only by when each one's hour began).
    const known = await ask(user.email, '198.51.100.5');
    const unknown = await ask('nobody.here@example.org', '198.51.100.5');
    expect(unknown.status).toBe(known.status);
    const { retryAfterSeconds: knownWait, ...knownRest } = known.body as Record<string, unknown>;
    const { retryAfterSeconds: unknownWait, ...unknownRest } = unknown.body as Record<string, unknown>;
    expect(unknownRest).toEqual(knownRest);
    expect(Math.abs(Number(knownWait) - Number(unknownWait))).toBeLessThan(120);
  });

  it('refuses a network address past its limit over all emails, and no other address', async () => {
    for (let n = 0; n < 6; n += 1) {
      expect((await ask(`someone.${n}@example.org`, '203.0.113.7')).status).toBe(202);
    }
    const refused = expectProblem(await ask('someone.else@example.org', '203.0.113.7'), 429);
    expect(refused.limit).toBe('address');
    expect((await ask('someone.else@example.org', '203.0.113.8')).status).toBe(202);
  });
});
