import { aUser, TEST_PASSWORD } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

type Throttled = { retryAfterSeconds: number; limit: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** As if the account's current delay had passed, without waiting for it. */
async function letDelayPass(t: TestApp, email: string): Promise<void> {
  await t.db.query(
    `UPDATE sign_in_throttle SET next_attempt_at = now() - interval '1 second'
     WHERE kind = 'account' AND subject = $1`,
    [email],
  );
}

/**
 * After LOGIN_MAX_FAILURES failed sign-ins for an account, each further attempt must wait a delay
 * that doubles; the account is never locked.
 */
describe('sign-in throttling per account', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Delays of a minute and more, so a slow machine never sees one pass by itself mid-test.
    t = await createTestApp({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_DELAY_SECONDS: '60',
      LOGIN_MAX_DELAY_SECONDS: '3600',
      LOGIN_MAX_PER_ADDRESS: '1000',
    });
  });

  /** Retry-After counts down from the delay as the test runs. */
  const expectWait = (problem: Throttled, delaySeconds: number) => {
    expect(problem.retryAfterSeconds).toBeLessThanOrEqual(delaySeconds);
    expect(problem.retryAfterSeconds).toBeGreaterThan(delaySeconds - 10);
  };
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  it('still accepts the right password after one failure fewer than the limit', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 2; i++) expectProblem(await login(user.email, 'a wrong password'), 401);
    await expect(login(user.email, TEST_PASSWORD)).resolves.toMatchObject({ status: 200 });
  });

  it('makes the next attempt wait after the limit, even with the right password, and opens no session', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 3; i++) expectProblem(await login(user.email, 'a wrong password'), 401);
    const response = await login(user.email, TEST_PASSWORD);
    const problem = expectProblem(response, 429) as unknown as Throttled;
    expect(problem.limit).toBe('account');
    expectWait(problem, 60);
    expect(response.headers['retry-after']).toBe(String(problem.retryAfterSeconds));
    expect(response.body.token).toBeUndefined();
    await expect(count(t.db, 'sessions', 'user_id = $1', [user.id])).resolves.toBe(0);
  });

  it('lets the right password in once the delay has passed, instead of locking the account', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 3; i++) expectProblem(await login(user.email, 'a wrong password'), 401);
    expectProblem(await login(user.email, TEST_PASSWORD), 429);
    await letDelayPass(t, user.email);
    await expect(login(user.email, TEST_PASSWORD)).resolves.toMatchObject({ status: 200 });
    // The success clears the account's failures: the next wrong guess is not delayed.
    expectProblem(await login(user.email, 'a wrong password'), 401);
    expectProblem(await login(user.email, 'a wrong password'), 401);
  });

  it('doubles the delay with each further failure, not counting attempts refused while waiting', async () => {
    const user = await aUser(t);
    for (let i = 0; i < 3; i++) expectProblem(await login(user.email, 'a wrong password'), 401);
    for (const expected of [60, 120, 240, 480]) {
      for (let i = 0; i < 3; i++) {
        const problem = expectProblem(
          await login(user.email, 'a wrong password'),
          429,
        ) as unknown as Throttled;
        expectWait(problem, expected);
      }
      await letDelayPass(t, user.email);
      expectProblem(await login(user.email, 'a wrong password'), 401);
    }
  });

  it('caps the delay at LOGIN_MAX_DELAY_SECONDS', async () => {
    const user = await aUser(t);
    await t.db.query(
      `INSERT INTO sign_in_throttle
         (kind, subject, attempts, window_started_at, last_attempt_at, next_attempt_at, last_attempt_allowed)
       VALUES ('account', $1, 40, now(), now(), now(), true)`,
      [user.email],
    );
    expectProblem(await login(user.email, 'a wrong password'), 401);
    const problem = expectProblem(await login(user.email, TEST_PASSWORD), 429) as unknown as Throttled;
    expectWait(problem, t.config.login.maxDelaySeconds);
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
      `UPDATE sign_in_throttle
       SET last_attempt_at = now() - interval '16 minutes', next_attempt_at = now() - interval '16 minutes'
       WHERE kind = 'account' AND subject = $1`,
      [user.email],
    );
    await expect(login(user.email, TEST_PASSWORD)).resolves.toMatchObject({ status: 200 });
  });
});

/** Check, verification and count are one step: parallel guesses cannot all slip past the check. */
describe('parallel sign-in attempts', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A first delay longer than the test takes, however slow the machine.
    t = await createTestApp({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_DELAY_SECONDS: '600',
      LOGIN_MAX_PER_ADDRESS: '1000',
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  it('checks no more than the limit of 40 parallel wrong guesses', async () => {
    const user = await aUser(t);
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => login(user.email, 'a wrong password')),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(37);
    await expect(count(t.db, 'login_attempts', 'email = $1', [user.email])).resolves.toBe(3);
  });
});

/** Attempts from one source address are counted over all accounts. */
describe('sign-in throttling per source address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_PER_ADDRESS: '10',
    });
  });
  afterAll(() => t.close());

  const loginFrom = (address: string, email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('checks only the first attempts of 50 emails guessed from one address', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        loginFrom('203.0.113.7', `guess.${i}@example.org`, 'a wrong password'),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40);
    const refused = responses.find((response) => response.status === 429)!;
    expect(expectProblem(refused, 429)).toMatchObject({ limit: 'address' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    await expect(count(t.db, 'login_attempts', 'ip = $1', ['203.0.113.7'])).resolves.toBe(10);
  });

  it('refuses an address it has refused before reading the body or asking the database again', async () => {
    const address = '203.0.113.8';
    for (let i = 0; i < 11; i++) await loginFrom(address, `again.${i}@example.org`, 'a wrong password');
    const attempts = async () => {
      const { rows } = await t.db.query<{ attempts: number }>(
        `SELECT attempts FROM sign_in_throttle WHERE kind = 'address' AND subject = $1`,
        [address],
      );
      return rows[0]!.attempts;
    };
    const before = await attempts();
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', address)
      .set('Content-Type', 'application/json')
      .send('{"email": not json');
    expect(expectProblem(response, 429)).toMatchObject({ limit: 'address' });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(60);
    await expect(attempts()).resolves.toBe(before);
    // Another address is still served.
    expectProblem(await loginFrom('203.0.113.9', 'again.x@example.org', 'a wrong password'), 401);
  });

  it('counts an IPv6 address by its /64', async () => {
    for (let i = 0; i < 10; i++) {
      expectProblem(await loginFrom(`2001:db8:1:2::${i + 1}`, `v6.${i}@example.org`, 'wrong'), 401);
    }
    expectProblem(await loginFrom('2001:db8:1:2:ffff::1', 'v6.last@example.org', 'wrong'), 429);
    expectProblem(await loginFrom('2001:db8:1:3::1', 'v6.last@example.org', 'wrong'), 401);
  });

  it("lets the real user sign in from another address after an attacker's guesses", async () => {
    const user = await aUser(t);
    await Promise.all(
      Array.from({ length: 20 }, () => loginFrom('198.51.100.66', user.email, 'a wrong password')),
    );
    const first = await loginFrom('192.0.2.10', user.email, TEST_PASSWORD);
    if (first.status === 429) {
      const problem = expectProblem(first, 429) as unknown as Throttled;
      // A short wait, not a lock for the whole window.
      expect(problem.retryAfterSeconds).toBeLessThanOrEqual(1);
      await sleep(problem.retryAfterSeconds * 1000 + 100);
      await expect(loginFrom('192.0.2.10', user.email, TEST_PASSWORD)).resolves.toMatchObject({
        status: 200,
      });
    } else {
      expect(first.status).toBe(200);
    }
  });

  it('gives the address its attempt back on a successful sign-in, so an office behind one address is not refused', async () => {
    const users = await Promise.all(Array.from({ length: 15 }, () => aUser(t)));
    for (const user of users) {
      await expect(loginFrom('192.0.2.200', user.email, TEST_PASSWORD)).resolves.toMatchObject({
        status: 200,
      });
    }
  });
});

describe('the client address behind a proxy', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  async function recordedAddress(env: Record<string, string>): Promise<string | null> {
    const t = await createTestApp(env);
    apps.push(t);
    const email = 'proxy.check@example.org';
    await t.http().post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.99').send({
      email,
      password: 'a wrong password',
    });
    const { rows } = await t.db.query<{ ip: string | null }>(
      `SELECT ip FROM login_attempts WHERE email = $1`,
      [email],
    );
    return rows[0]!.ip;
  }

  it('ignores X-Forwarded-For by default', async () => {
    await expect(recordedAddress({})).resolves.toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });

  it('ignores X-Forwarded-For from a peer that TRUST_PROXY does not name', async () => {
    await expect(recordedAddress({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' })).resolves.not.toBe(
      '203.0.113.99',
    );
  });

  it('believes X-Forwarded-For from a proxy that TRUST_PROXY names', async () => {
    await expect(recordedAddress({ TRUST_PROXY: '127.0.0.1/8, ::1' })).resolves.toBe('203.0.113.99');
  });

  it('throttles by the real peer when X-Forwarded-For is not believed', async () => {
    const t = await createTestApp({ LOGIN_MAX_PER_ADDRESS: '5' });
    apps.push(t);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email: `spoof.${i}@example.org`, password: 'a wrong password' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

/** A flood of sign-ins waits for, or is refused by, a bounded number of password hashes. */
describe('password hashes at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_MAX_PER_ADDRESS: '1000',
      LOGIN_HASH_CONCURRENCY: '1',
      LOGIN_HASH_QUEUE: '1',
    });
  });
  afterAll(() => t.close());

  it('refuses sign-ins beyond the queue with 429 and Retry-After, while other requests are answered', async () => {
    const flood = Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: `flood.${i}@example.org`, password: 'wrong' }),
      ),
    );
    const health = await t.http().get('/api/health');
    const responses = await flood;
    expect(health.status).toBe(200);
    const busy = responses.filter((response) => response.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(expectProblem(busy[0]!, 429).type).toMatch(/sign-in-busy$/);
    expect(busy[0]!.headers['retry-after']).toBe('1');
    expect(responses.every((response) => [401, 429].includes(response.status))).toBe(true);
  });
});
