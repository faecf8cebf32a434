import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password-reset requests are counted in the sign-in throttle's table, per source address and per
 * email, by the same single INSERT … ON CONFLICT … RETURNING (so replicas count one after another).
 */
export class ResetThrottle1763890000401 implements MigrationInterface {
  name = 'ResetThrottle1763890000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sign_in_throttle DROP CONSTRAINT ck_sign_in_throttle_kind`);
    await q.query(
      `ALTER TABLE sign_in_throttle ADD CONSTRAINT ck_sign_in_throttle_kind
         CHECK (kind IN ('address', 'account', 'reset_address', 'reset_email'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sign_in_throttle WHERE kind IN ('reset_address', 'reset_email')`);
    await q.query(`ALTER TABLE sign_in_throttle DROP CONSTRAINT ck_sign_in_throttle_kind`);
    await q.query(
      `ALTER TABLE sign_in_throttle ADD CONSTRAINT ck_sign_in_throttle_kind CHECK (kind IN ('address', 'account'))`,
    );
  }
}
