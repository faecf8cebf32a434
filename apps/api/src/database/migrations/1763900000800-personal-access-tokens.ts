import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal access tokens: a user's credentials for scripts, sent as `Authorization: Bearer`. Only
 * the SHA-256 of the secret is kept. A token acts as its user, so it carries no role of its own:
 * it stops working when revoked, when it expires, or when its user is deactivated.
 */
export class PersonalAccessTokens1763900000800 implements MigrationInterface {
  name = 'PersonalAccessTokens1763900000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_access_tokens (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        name text NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_personal_access_tokens PRIMARY KEY (id),
        CONSTRAINT fk_personal_access_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_personal_access_tokens_hash UNIQUE (token_hash),
        CONSTRAINT ck_personal_access_tokens_hash CHECK (octet_length(token_hash) = 32),
        CONSTRAINT ck_personal_access_tokens_name CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        CONSTRAINT ck_personal_access_tokens_expiry CHECK (expires_at IS NULL OR expires_at > created_at)
      )`);
    await q.query(
      `CREATE INDEX ix_personal_access_tokens_user ON personal_access_tokens (user_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_access_tokens`);
  }
}
