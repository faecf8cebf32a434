import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOBS_SCHEMA, QUEUES, queueOptions } from '../../jobs/reference/job-queues';

/**
 * Bulk imports: the uploaded file (bounded by the upload limit) is kept with its checked rows, so
 * the rows confirmed are the rows the dry run showed. `processed_rows` is written outside the
 * import's own transaction, so the dashboard sees the progress of a long run. The queue that runs
 * large files in the background is created here, as the schema's owner.
 */
export class Imports1763890000600 implements MigrationInterface {
  name = 'Imports1763890000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        file_name text NOT NULL,
        file_format text NOT NULL,
        content bytea NOT NULL,
        status text NOT NULL,
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        changes jsonb NOT NULL DEFAULT '[]',
        failure text,
        created_by uuid,
        created_by_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_imports PRIMARY KEY (id),
        CONSTRAINT fk_imports_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT ck_imports_kind CHECK (kind IN ('projects', 'contributions', 'consents', 'strategies')),
        CONSTRAINT ck_imports_format CHECK (file_format IN ('csv', 'xlsx')),
        CONSTRAINT ck_imports_status CHECK (
          status IN ('checking', 'checked', 'importing', 'imported', 'failed')),
        CONSTRAINT ck_imports_rows CHECK (processed_rows >= 0 AND processed_rows <= total_rows)
      )`);
    await q.query(`CREATE INDEX ix_imports_created ON imports (created_at DESC, id DESC)`);
    await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [
      QUEUES.imports.name,
      JSON.stringify(queueOptions(QUEUES.imports)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT ${JOBS_SCHEMA}.delete_queue($1)`, [QUEUES.imports.name]);
    await q.query(`DROP TABLE imports`);
  }
}
