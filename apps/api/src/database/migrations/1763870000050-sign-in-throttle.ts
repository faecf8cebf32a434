import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling counters, one row per source address and per account. Each attempt updates
 * its rows with a single INSERT … ON CONFLICT … RETURNING, so concurrent attempts (on any replica)
 * are counted one after another under the row's lock and none is checked past the limit.
 */
export class SignInThrottle1763870000050 implements MigrationInterface {
  name = 'SignInThrottle1763870000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_throttle (
        kind text NOT NULL,
        subject text NOT NULL,
        attempts integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        last_attempt_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_allowed boolean NOT NULL,
        CONSTRAINT pk_sign_in_throttle PRIMARY KEY (kind, subject),
        CONSTRAINT ck_sign_in_throttle_kind CHECK (kind IN ('address', 'account')),
        CONSTRAINT ck_sign_in_throttle_attempts CHECK (attempts >= 0)
      )`);
    await q.query(`CREATE INDEX ix_sign_in_throttle_last_attempt ON sign_in_throttle (last_attempt_at)`);
    // The wait an account's next sign-in owes after its n-th attempt in a row: none for the first
    // free_attempts - 1, then first_seconds doubling with each further attempt, up to max_seconds.
    await q.query(`
      CREATE FUNCTION sign_in_delay(
        attempts integer, free_attempts integer, first_seconds integer, max_seconds integer
      ) RETURNS interval LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN attempts < free_attempts THEN interval '0'
               ELSE make_interval(secs => least(
                 max_seconds, first_seconds * power(2, least(attempts - free_attempts, 30))))
               END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION sign_in_delay(integer, integer, integer, integer)`);
    await q.query(`DROP TABLE sign_in_throttle`);
  }
}
