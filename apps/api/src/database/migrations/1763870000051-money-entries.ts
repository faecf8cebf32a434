import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transfers table becomes the Fund's append-only record of money exchanged with organizations:
 * a transfer out (numbered by tranche), a refund back to the Fund, or the reversal of one of them,
 * which names the entry it reverses (at most once) and says why. A wrong entry is corrected by its reversal,
 * never changed or deleted: the database refuses UPDATE and DELETE on the table, whoever asks. A
 * transfer made although paragraph 6 did not hold keeps the override's justification.
 */
export class MoneyEntries1763870000051 implements MigrationInterface {
  name = 'MoneyEntries1763870000051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE transfers
        ADD COLUMN kind text NOT NULL DEFAULT 'transfer',
        ADD COLUMN reverses_id uuid,
        ADD COLUMN override_justification text,
        ADD COLUMN reason text,
        ALTER COLUMN tranche DROP NOT NULL,
        ADD CONSTRAINT ck_transfers_kind CHECK (kind IN ('transfer', 'refund', 'reversal')),
        ADD CONSTRAINT fk_transfers_reverses FOREIGN KEY (reverses_id) REFERENCES transfers (id),
        ADD CONSTRAINT uq_transfers_reverses UNIQUE (reverses_id),
        ADD CONSTRAINT ck_transfers_reversal CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
        ADD CONSTRAINT ck_transfers_tranche_kind CHECK ((kind = 'transfer') = (tranche IS NOT NULL)),
        ADD CONSTRAINT ck_transfers_reason CHECK (kind <> 'reversal' OR length(btrim(reason)) > 0),
        ADD CONSTRAINT ck_transfers_override CHECK (
          override_justification IS NULL OR (kind = 'transfer' AND length(btrim(override_justification)) > 0))`);
    await q.query(`
      CREATE FUNCTION refuse_money_entry_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'money entries are append-only: record a reversal instead'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER tg_transfers_append_only BEFORE UPDATE OR DELETE ON transfers
         FOR EACH ROW EXECUTE FUNCTION refuse_money_entry_change()`,
    );
    await q.query(
      `CREATE TRIGGER tg_transfers_no_truncate BEFORE TRUNCATE ON transfers
         FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_entry_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_transfers_no_truncate ON transfers`);
    await q.query(`DROP TRIGGER tg_transfers_append_only ON transfers`);
    await q.query(`DROP FUNCTION refuse_money_entry_change()`);
    await q.query(`DELETE FROM transfers WHERE kind <> 'transfer'`);
    await q.query(`
      ALTER TABLE transfers
        DROP CONSTRAINT ck_transfers_override,
        DROP CONSTRAINT ck_transfers_reason,
        DROP CONSTRAINT ck_transfers_tranche_kind,
        DROP CONSTRAINT ck_transfers_reversal,
        DROP CONSTRAINT uq_transfers_reverses,
        DROP CONSTRAINT fk_transfers_reverses,
        DROP CONSTRAINT ck_transfers_kind,
        ALTER COLUMN tranche SET NOT NULL,
        DROP COLUMN reason,
        DROP COLUMN override_justification,
        DROP COLUMN reverses_id,
        DROP COLUMN kind`);
  }
}
