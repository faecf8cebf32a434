import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { Page, pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { JobDto, JobQuery } from './jobs.dto';
import { JobRow, JobsRepository } from './jobs.repository';
import { JOBS_SCHEMA } from './reference/job-queues';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * Background work in the application's own PostgreSQL (pg-boss): jobs wait in a table, a worker
 * takes each with SELECT … FOR UPDATE SKIP LOCKED, so one job runs once however many processes
 * work the queue, and a failed one is retried after a delay that doubles each time. Jobs and
 * schedules outlive the process: whatever was waiting when it stopped runs after the next start.
 *
 * Features register their handlers and schedules while the modules initialise; this process works
 * them only with WORKERS=on (the default). With WORKERS=off it still sends jobs, for the processes
 * that work them.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobsService.name);
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, string>();
  private readonly boss: PgBoss;
  private started = false;
  private readonly loops: Promise<void>[] = [];
  private readonly idle = new Idle();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsRepository,
  ) {
    const { url } = dataSource.options as { url?: string };
    const workers = config.jobs.workers;
    this.boss = new PgBoss({
      connectionString: url,
      schema: JOBS_SCHEMA,
      application_name: 'hstf-jobs',
      max: workers ? 4 : 2,
      // The schema is the migrations' (the serving role creates no table): only its version is checked.
      migrate: false,
      schedule: workers,
      supervise: workers,
      // Completed jobs stay a week for the admins' view, failed ones until retried or archived.
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      archiveFailedAfterSeconds: 30 * 24 * 3600,
    });
    this.boss.on('error', (error) => this.logger.error(`Background jobs: ${error.message}`));
  }

  /** Works `queue` with `handler` in this process (when workers are on). Call while modules initialise. */
  handle(queue: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
  }

  /** Sends a job to `queue` on this cron schedule (UTC), once for all processes. */
  scheduleOn(queue: string, cron: string): void {
    this.schedules.set(queue, cron);
  }

  /**
   * Sends a job. With `manager`, inside that transaction: the job exists only if the change commits.
   * A `singletonKey` sends nothing while a job with the same key waits.
   */
  async send(
    queue: string,
    data: Record<string, unknown> = {},
    options: { singletonKey?: string; startAfterSeconds?: number } = {},
    manager?: EntityManager,
  ): Promise<string | null> {
    return this.boss.send(queue, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(manager ? { db: transactionDb(manager) } : {}),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    if (!this.config.jobs.workers) return;
    for (const [queue, handler] of this.handlers) this.loops.push(this.workLoop(queue, handler));
    for (const [queue, cron] of this.schedules) await this.boss.schedule(queue, cron, {}, { tz: 'UTC' });
  }

  /**
   * Works one queue: fetch a job, run it, mark it done or failed, each step awaited. pg-boss's own
   * work() marks a job done without awaiting it, so a connection lost at that moment is an unhandled
   * rejection that ends the process (PostgreSQL restarting, a failover). Here such an error is logged
   * and the job, left active, expires and is retried: handlers are written to run twice safely.
   */
  private async workLoop(queue: string, handler: JobHandler): Promise<void> {
    while (this.started) {
      let jobs: { id: string; data: Record<string, unknown> | null }[] = [];
      try {
        jobs = await this.boss.fetch<Record<string, unknown>>(queue, { batchSize: 1 });
      } catch (error) {
        this.logger.warn(`Background jobs: fetching ${queue} failed: ${messageOf(error)}`);
      }
      if (!jobs.length) {
        await this.idle.wait(this.config.jobs.pollSeconds * 1000);
        continue;
      }
      for (const job of jobs) {
        try {
          await handler(job.data ?? {});
        } catch (error) {
          await this.boss
            .fail(queue, job.id, { message: messageOf(error) })
            .catch((failed: unknown) => this.logger.warn(`Background jobs: ${messageOf(failed)}`));
          continue;
        }
        await this.boss
          .complete(queue, job.id)
          .catch((failed: unknown) => this.logger.warn(`Background jobs: ${messageOf(failed)}`));
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    // The loops finish the job in hand, then stop; an idle one wakes at once.
    this.idle.wake();
    await Promise.race([
      Promise.all(this.loops),
      new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
    // Jobs running now get a few seconds; one cut off is failed and retried by a later run.
    await this.boss.stop({ graceful: true, timeout: 5_000, wait: true });
  }

  // The admins' view of the queue.

  async list(query: JobQuery): Promise<Page<JobDto>> {
    const rows = await this.jobs.page(query);
    return pageOf(rows, query, (row) => [row.created_on.toISOString(), row.id], toJobDto);
  }

  /** Puts a failed job back in its queue for one more attempt. */
  async retry(ctx: RequestContext, id: string): Promise<JobDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.jobs.locked(manager, id);
      if (!before) throw Problem.notFound('The job');
      if (before.state !== 'failed') {
        throw Problem.conflict(
          'job-not-failed',
          `Only a failed job can be retried; this one is ${before.state}.`,
        );
      }
      await this.boss.retry(before.name, id, { db: transactionDb(manager) });
      const after = (await this.jobs.locked(manager, id))!;
      await this.audit.record(manager, ctx, {
        action: 'retry',
        entity: 'job',
        entityId: id,
        before: toJobDto(before),
        after: toJobDto(after),
      });
      return toJobDto(after);
    });
  }
}

/** pg-boss's statements run on the caller's transaction. */
function transactionDb(manager: EntityManager): PgBoss.Db {
  const db: PgBoss.Db = {
    executeSql: async (text: string, values: unknown[]) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('A job is sent with a manager only inside a transaction');
      const result = await runner.query(text, values, true);
      return { rows: result.records as unknown[] };
    },
  };
  return db;
}

function toJobDto(row: JobRow): JobDto {
  const message = row.state === 'failed' && row.output ? row.output.message : undefined;
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    createdAt: row.created_on.toISOString(),
    startAfter: row.start_after.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    completedAt: row.completed_on?.toISOString() ?? null,
    error: typeof message === 'string' ? message.slice(0, 2000) : null,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A pause between polls that shutting down can cut short. */
class Idle {
  private wakers = new Set<() => void>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  wake(): void {
    for (const waker of [...this.wakers]) waker();
  }
}
