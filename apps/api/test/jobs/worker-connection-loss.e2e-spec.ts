import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { JobsService } from '../../src/jobs';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const QUEUE = 'test-connection-loss';

/** What the handler saw, and the rejections nobody handled while the test ran. */
const ran: string[] = [];
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

/** Holds the job's row locked from outside, so the worker's "complete" waits on it. */
let locker: Client | null = null;

@Injectable()
class LockingWorker implements OnModuleInit {
  constructor(private readonly jobs: JobsService) {}
  onModuleInit() {
    this.jobs.handle(QUEUE, async (data) => {
      ran.push(String(data.n));
      if (data.n !== 'cut') return;
      await locker!.query('BEGIN');
      await locker!.query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'n' = 'cut' FOR UPDATE`, [
        QUEUE,
      ]);
    });
  }
}
@Module({ providers: [LockingWorker] })
class LockingWorkerModule {}

async function until(ms: number, done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * pg-boss's own work() marks a job done without awaiting it: a connection lost at that moment was
 * an unhandled rejection, which ends a Node process. Here the moment is made on demand: the job's
 * row is locked from outside, so the worker's "complete" waits on the lock, and its backend is
 * terminated (pg_terminate_backend) while it waits, as a PostgreSQL restart or failover would.
 */
describe('a worker whose connection is lost as it completes a job', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let owner: Pool;
  let t: TestApp;

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    database = await createTestDatabase();
    owner = new Pool({ connectionString: database.ownerUrl, max: 2 });
    await owner.query(`SELECT pgboss.create_queue($1, '{}')`, [QUEUE]);
    locker = new Client({ connectionString: database.ownerUrl });
    await locker.connect();
    t = await createTestApp({ JOBS_POLL_SECONDS: '1' }, database.url, {
      ownerUrl: database.ownerUrl,
      imports: [LockingWorkerModule],
    });
  });

  afterAll(async () => {
    process.off('unhandledRejection', recordUnhandled);
    await t?.close();
    await locker?.end().catch(() => undefined);
    await owner?.end();
    await database?.drop();
  });

  it('logs the lost completion and keeps working: the process does not end, the next job runs', async () => {
    const jobs = t.app.get(JobsService);
    const id = (await jobs.send(QUEUE, { n: 'cut' }))!;

    // The worker's completion waiting on the lock: its backend is cut.
    let cut = 0;
    await until(20_000, async () => {
      const { rows } = await owner.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'hstf-jobs'
           AND wait_event_type = 'Lock' AND query ILIKE '%completed%'`,
      );
      for (const { pid } of rows) {
        await owner.query(`SELECT pg_terminate_backend($1)`, [pid]);
        cut += 1;
      }
      return cut > 0;
    });
    await locker!.query('ROLLBACK');

    // The completion was lost: the job is still active (it expires and is retried; handlers are idempotent).
    const { rows } = await owner.query<{ state: string }>(
      `SELECT state::text FROM pgboss.job WHERE id = $1`,
      [id],
    );
    expect(rows[0]!.state).toBe('active');

    // The same process takes and completes the next job on a fresh connection.
    const next = (await jobs.send(QUEUE, { n: 'after' }))!;
    await until(20_000, async () => {
      const { rows: after } = await owner.query<{ state: string }>(
        `SELECT state::text FROM pgboss.job WHERE id = $1`,
        [next],
      );
      return after[0]?.state === 'completed';
    });
    expect(ran).toEqual(['cut', 'after']);
    expect((await t.http().get('/api/health')).status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
