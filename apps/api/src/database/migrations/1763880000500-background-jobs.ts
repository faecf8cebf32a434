import PgBoss from 'pg-boss';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOBS_SCHEMA, QUEUES, queueOptions, RETIRED_QUEUES } from '../../jobs/reference/job-queues';
import { APP_ROLE } from '../app-role';

/**
 * pg-boss's schema (its job, archive, queue and schedule tables), created by the owner like every
 * other table, so the role requests are served as needs no CREATE privilege: pg-boss starts with
 * `migrate: false` and only checks the schema's version. Each queue is a partition of the job table,
 * so the queues are created here too; a later migration adds a queue with `create_queue`.
 *
 * pg-boss's construction script is written to run on its own (BEGIN … COMMIT under an advisory
 * lock); here it runs inside the migration's transaction instead.
 */
export class BackgroundJobs1763880000500 implements MigrationInterface {
  name = 'BackgroundJobs1763880000500';

  async up(q: QueryRunner): Promise<void> {
    const plan = PgBoss.getConstructionPlans(JOBS_SCHEMA).trim();
    if (!plan.startsWith('BEGIN;') || !plan.endsWith('COMMIT;')) {
      throw new Error('pg-boss construction plan changed shape: review this migration');
    }
    await q.query(plan.slice('BEGIN;'.length, -'COMMIT;'.length));
    await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, ['__pgboss__send-it', '{}']);
    // This migration's queues, named: a queue added later comes with its own migration.
    for (const queue of [RETIRED_QUEUES.collect, QUEUES.mail, QUEUES.alertScan, QUEUES.digest]) {
      await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [
        queue.name,
        JSON.stringify(queueOptions(queue)),
      ]);
    }
    await q.query(`GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${APP_ROLE}`);
    await q.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${APP_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`DROP SCHEMA ${JOBS_SCHEMA} CASCADE`);
  }
}
