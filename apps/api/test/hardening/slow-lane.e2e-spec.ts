import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../support/test-app';

const NESTED = '['.repeat(100) + ']'.repeat(100);
/** Requests an address may have held at once (app.setup.ts); the rest are refused at once. */
const MAX_HELD = 32;

/**
 * An address that keeps earning refusals waits before its next requests are read, so its flood
 * costs the API little and others are served; health is never held.
 */
describe('the slow lane for addresses that keep sending refused requests', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      SLOW_LANE_ALLOWANCE: '5',
      // Long holds, so that a burst is still arriving while its first requests are held, however
      // loaded the machine running the tests.
      SLOW_LANE_STEP_MS: '500',
      SLOW_LANE_MAX_DELAY_MS: '4000',
      LOGIN_MAX_PER_ADDRESS: '3',
    });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const from = (address: string, path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { 'x-forwarded-for': address, 'content-type': 'application/json', ...init.headers },
    });
  const nestedSignIn = (address: string) =>
    from(address, '/api/v1/auth/login', { method: 'POST', body: NESTED });

  /** At once, so that none is held: the address has earned nothing when they arrive. */
  async function earnRefusals(address: string, count: number, send = nestedSignIn) {
    const answers = await Promise.all(Array.from({ length: count }, () => send(address)));
    await Promise.all(answers.map((answer) => answer.arrayBuffer()));
    return answers.map((answer) => answer.status);
  }

  it('holds the next request of an address past its allowance of refusals', async () => {
    expect(new Set(await earnRefusals('198.18.1.1', 10))).toEqual(new Set([400]));
    const started = performance.now();
    const response = await nestedSignIn('198.18.1.1');
    const heldMs = performance.now() - started;
    // Still answered, as any other: the hold delays the answer, it does not change it.
    expect(response.status).toBe(400);
    // 5 refusals past the allowance of 5, 500 ms each, less what drained while they were earned
    // (half a refusal a second).
    expect(heldMs).toBeGreaterThanOrEqual(1500);
  });

  it('refuses at once, with 429 problem+json, what an address sends beyond its held share', async () => {
    await earnRefusals('198.18.2.2', 30);
    const answers = await Promise.all(Array.from({ length: MAX_HELD + 8 }, () => nestedSignIn('198.18.2.2')));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(8);
    expect(refused[0]!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The security headers, as on every answer.
    expect(refused[0]!.headers.get('x-content-type-options')).toBe('nosniff');
    expect(refused[0]!.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    await expect(refused[0]!.json()).resolves.toMatchObject({
      type: 'https://hstf-portfolio.org/problems/slow-down',
      status: 429,
    });
    await Promise.all(answers.map((answer) => answer.arrayBuffer().catch(() => undefined)));
  });

  it('does not hold another address, nor health from the refused one', async () => {
    await earnRefusals('198.18.3.3', 30);
    const [others, health] = await Promise.all([
      // A client in good standing: a 401 is part of normal use and earns nothing.
      Promise.all(Array.from({ length: MAX_HELD + 8 }, () => from('198.18.3.4', '/api/v1/auth/me'))),
      Promise.all(Array.from({ length: MAX_HELD + 8 }, () => from('198.18.3.3', '/api/health'))),
    ]);
    expect(others.filter((answer) => answer.status === 429)).toHaveLength(0);
    expect(health.every((answer) => answer.status === 200)).toBe(true);
    await Promise.all([...others, ...health].map((answer) => answer.arrayBuffer().catch(() => undefined)));
  });

  it('counts throttled sign-ins as refusals, so a flood of them is held too', async () => {
    const wrongSignIn = (address: string) =>
      from(address, '/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email: 'nobody@example.org', password: 'a wrong password' }),
      });
    // Three attempts per address are checked (LOGIN_MAX_PER_ADDRESS); the rest are throttled.
    const statuses = await earnRefusals('198.18.4.4', 30, wrongSignIn);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20);
    const answers = await Promise.all(Array.from({ length: MAX_HELD + 4 }, () => wrongSignIn('198.18.4.4')));
    const problems = await Promise.all(answers.map((answer) => answer.json() as Promise<{ type: string }>));
    expect(problems.filter((problem) => problem.type.endsWith('/slow-down'))).toHaveLength(4);
  });
});
