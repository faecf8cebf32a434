import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOBS_SCHEMA, QUEUES, queueOptions } from '../../jobs/reference/job-queues';

/**
 * One-time links sent by mail: an invitation to set a first password, or a password reset. Only
 * the SHA-256 of a link's token is kept; a token is used once (`used_at`) and expires. The queue
 * that mails them is created here, as the schema's owner.
 */
export class AccountLinks1763880000502 implements MigrationInterface {
  name = 'AccountLinks1763880000502';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        purpose text NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_account_tokens PRIMARY KEY (id),
        CONSTRAINT fk_account_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_account_tokens_hash UNIQUE (token_hash),
        CONSTRAINT ck_account_tokens_purpose CHECK (purpose IN ('invite', 'reset'))
      )`);
    await q.query(`CREATE INDEX ix_account_tokens_user ON account_tokens (user_id) WHERE used_at IS NULL`);
    await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [
      QUEUES.accountMail.name,
      JSON.stringify(queueOptions(QUEUES.accountMail)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT ${JOBS_SCHEMA}.delete_queue($1)`, [QUEUES.accountMail.name]);
    await q.query(`DROP TABLE account_tokens`);
  }
}
