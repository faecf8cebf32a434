import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { JobsService } from '../../src/jobs';
import { asRole } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/** What the handlers below saw, by process: both processes run in this test's Node. */
const runs: { queue: string; process: string; data: Record<string, unknown> }[] = [];
/** How many more times the failing queue's handler throws. */
let failuresLeft = 0;

const ONCE = 'test-once';
const FLAKY = 'test-flaky';

function workerModule(process: string) {
  @Injectable()
  class TestWorkers implements OnModuleInit {
    constructor(private readonly jobs: JobsService) {}
    onModuleInit() {
      this.jobs.handle(ONCE, async (data) => {
        runs.push({ queue: ONCE, process, data });
        // Long enough that the other process polls while this one still holds the job.
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
      this.jobs.handle(FLAKY, (data) => {
        runs.push({ queue: FLAKY, process, data });
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          return Promise.reject(new Error('the mail server refused the connection'));
        }
        return Promise.resolve();
      });
    }
  }
  @Module({ providers: [TestWorkers] })
  class TestWorkersModule {}
  return TestWorkersModule;
}

async function until(ms: number, done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stateOf(db: Pool, id: string): Promise<string> {
  const { rows } = await db.query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE id = $1`, [
    id,
  ]);
  return rows[0]!.state;
}

describe('background jobs on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let owner: Pool;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new Pool({ connectionString: database.ownerUrl, max: 2 });
    // A queue is a partition table: the schema's owner creates it, as the migrations do.
    await owner.query(`SELECT pgboss.create_queue($1, '{}')`, [ONCE]);
    await owner.query(`SELECT pgboss.create_queue($1, $2)`, [
      FLAKY,
      JSON.stringify({ retryLimit: 2, retryDelay: 1, retryBackoff: true }),
    ]);
    const env = { JOBS_POLL_SECONDS: '1' };
    const options = (name: string) => ({ ownerUrl: database.ownerUrl, imports: [workerModule(name)] });
    a = await createTestApp(env, database.url, options('a'));
    b = await createTestApp(env, database.url, options('b'));
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await owner?.end();
    await database?.drop();
  });

  it('runs each job exactly once when two API processes work the same queue', async () => {
    const sender = a.app.get(JobsService);
    const ids: string[] = [];
    for (let n = 0; n < 20; n += 1) ids.push((await sender.send(ONCE, { n }))!);
    await until(20_000, () => runs.filter((run) => run.queue === ONCE).length >= 20);
    // Time for a duplicate to show if the other process could take a job already taken.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const once = runs.filter((run) => run.queue === ONCE);
    expect(once.map((run) => run.data.n).sort((x, y) => Number(x) - Number(y))).toEqual(
      Array.from({ length: 20 }, (_, n) => n),
    );
    for (const id of ids) await expect(stateOf(owner, id)).resolves.toBe('completed');
  });

  it('retries a failing job with backoff, then shows it failed with its error; an admin retries it', async () => {
    failuresLeft = 3;
    const id = (await a.app.get(JobsService).send(FLAKY, { what: 'mail' }))!;
    await until(25_000, async () => (await stateOf(owner, id)) === 'failed');
    // The first attempt and two retries.
    expect(runs.filter((run) => run.queue === FLAKY)).toHaveLength(3);

    const admin = (await asRole(a, 'admin')).auth;
    const failed = await a.http().get('/api/v1/jobs?state=failed').set(admin);
    expect(failed.status).toBe(200);
    const listed = failed.body.items.find((job: { id: string }) => job.id === id);
    expect(listed).toMatchObject({
      queue: FLAKY,
      state: 'failed',
      retryCount: 2,
      error: 'the mail server refused the connection',
    });

    const staff = (await asRole(a, 'staff')).auth;
    expect((await a.http().get('/api/v1/jobs').set(staff)).status).toBe(403);
    expect((await a.http().post(`/api/v1/jobs/${id}/retry`).set(staff)).status).toBe(403);

    const audits = await owner.query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity = 'job'`);
    const retried = await a.http().post(`/api/v1/jobs/${id}/retry`).set(admin);
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe('retry');
    const after = await owner.query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity = 'job'`);
    expect(after.rows[0].n).toBe(audits.rows[0].n + 1);

    await until(20_000, async () => (await stateOf(owner, id)) === 'completed');
    expect(runs.filter((run) => run.queue === FLAKY)).toHaveLength(4);

    const again = await a.http().post(`/api/v1/jobs/${id}/retry`).set(admin);
    expect(again.status).toBe(409);
    const missing = await a.http().post(`/api/v1/jobs/00000000-0000-4000-8000-000000000000/retry`).set(admin);
    expect(missing.status).toBe(404);
  });

  it('keeps a job sent while no process works it, and runs it once one starts', async () => {
    const sender = await createTestApp({ WORKERS: 'off' }, database.url, { ownerUrl: database.ownerUrl });
    const worker = sender.app.get(JobsService);
    let id: string;
    try {
      id = (await worker.send(ONCE, { n: 'after-restart' }))!;
    } finally {
      await sender.close();
    }
    await until(20_000, () => runs.some((run) => run.data.n === 'after-restart'));
    expect(runs.filter((run) => run.data.n === 'after-restart')).toHaveLength(1);
    await until(5_000, async () => (await stateOf(owner, id)) === 'completed');
  });
});
