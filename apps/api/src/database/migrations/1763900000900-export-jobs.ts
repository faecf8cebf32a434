import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOBS_SCHEMA, QUEUES, queueOptions } from '../../jobs/reference/job-queues';

/**
 * List exports prepared in the background: who asked, for which list and filters, how far the job
 * got, and the finished file. The file is kept in PostgreSQL, like the IATI file, so whichever API
 * process serves the download reads the same bytes and no shared disk is needed. A row is removed
 * with its file once it expires (EXPORT_RETENTION_HOURS after it finished).
 */
export class ExportJobs1763900000900 implements MigrationInterface {
  name = 'ExportJobs1763900000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export_jobs (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        list text NOT NULL,
        format text NOT NULL,
        language text NOT NULL,
        filters jsonb NOT NULL,
        state text NOT NULL DEFAULT 'waiting',
        error text,
        row_count integer,
        content bytea,
        size_bytes bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz,
        CONSTRAINT pk_export_jobs PRIMARY KEY (id),
        CONSTRAINT fk_export_jobs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_export_jobs_list CHECK (list IN ('projects')),
        CONSTRAINT ck_export_jobs_format CHECK (format IN ('csv', 'xlsx')),
        CONSTRAINT ck_export_jobs_state CHECK (state IN ('waiting', 'running', 'done', 'failed')),
        CONSTRAINT ck_export_jobs_file CHECK ((state = 'done') = (content IS NOT NULL AND row_count IS NOT NULL)),
        CONSTRAINT ck_export_jobs_expiry CHECK ((state IN ('done', 'failed')) = (expires_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_export_jobs_user ON export_jobs (user_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX ix_export_jobs_expiry ON export_jobs (expires_at) WHERE expires_at IS NOT NULL`,
    );
    for (const queue of [QUEUES.exportRun, QUEUES.exportCleanup]) {
      await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [
        queue.name,
        JSON.stringify(queueOptions(queue)),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const queue of [QUEUES.exportCleanup, QUEUES.exportRun]) {
      await q.query(`SELECT ${JOBS_SCHEMA}.delete_queue($1)`, [queue.name]);
    }
    await q.query(`DROP TABLE export_jobs`);
  }
}
