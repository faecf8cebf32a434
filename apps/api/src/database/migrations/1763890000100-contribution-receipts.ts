import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contribution is a pledge (amount, currency, pledge date and rate); the money that arrives is
 * recorded as receipts, each with its own date, amount, rate and USD value, so a pledge paid in
 * instalments and the exchange difference between pledge and receipt are kept. A receipt is
 * unearmarked or earmarked to a window, a human-security dimension, a country or a project.
 *
 * Receipts are append-only: a wrong one is corrected by a reversal naming it (at most once); the
 * database refuses UPDATE, and DELETE except when the contribution itself is deleted (the cascade
 * runs inside the foreign key's trigger). Every write takes the Fund's ledger lock, as contributions do.
 *
 * Each contribution already received becomes one receipt at its own date, amount and rate, and the
 * contribution's own status keeps its receipts in step for every writer (the contributions route, the
 * demo loader, imports): set to received with no receipt, it gets one mirroring its figures; set back
 * to pledged, its receipts are reversed; its figures changed while its one receipt still mirrors the
 * old ones, that receipt is reversed and the new figures recorded. The reversals are dated as the
 * receipts they correct, so each year's figures read as if the record had been right from the start.
 */
export class ContributionReceipts1763890000100 implements MigrationInterface {
  name = 'ContributionReceipts1763890000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contribution_receipts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        contribution_id uuid NOT NULL,
        kind text NOT NULL DEFAULT 'receipt',
        reverses_id uuid,
        received_on date NOT NULL,
        amount numeric(18,2) NOT NULL,
        exchange_rate numeric(18,8) NOT NULL,
        usd_amount numeric(18,2) NOT NULL,
        earmark_kind text NOT NULL DEFAULT 'none',
        earmark_target text,
        note text,
        illustrative boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_contribution_receipts PRIMARY KEY (id),
        CONSTRAINT fk_contribution_receipts_contribution FOREIGN KEY (contribution_id)
          REFERENCES contributions (id) ON DELETE CASCADE,
        CONSTRAINT fk_contribution_receipts_reverses FOREIGN KEY (reverses_id)
          REFERENCES contribution_receipts (id) ON DELETE CASCADE,
        CONSTRAINT uq_contribution_receipts_reverses UNIQUE (reverses_id),
        CONSTRAINT ck_contribution_receipts_kind CHECK (kind IN ('receipt', 'reversal')),
        CONSTRAINT ck_contribution_receipts_reversal CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
        CONSTRAINT ck_contribution_receipts_amount CHECK (amount > 0 AND usd_amount > 0 AND exchange_rate > 0),
        CONSTRAINT ck_contribution_receipts_earmark_kind
          CHECK (earmark_kind IN ('none', 'window', 'dimension', 'country', 'project')),
        CONSTRAINT ck_contribution_receipts_earmark_target
          CHECK ((earmark_kind = 'none') = (earmark_target IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_contribution_receipts_contribution ON contribution_receipts (contribution_id, received_on, id)`,
    );
    await q.query(
      `CREATE INDEX ix_contribution_receipts_earmarked ON contribution_receipts (earmark_kind)
         WHERE earmark_kind <> 'none'`,
    );
    await q.query(`
      CREATE FUNCTION refuse_receipt_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A deleted contribution takes its receipts with it (the cascade runs one trigger deeper).
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'receipts are append-only: record a reversal instead'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER tg_contribution_receipts_append_only BEFORE UPDATE OR DELETE ON contribution_receipts
         FOR EACH ROW EXECUTE FUNCTION refuse_receipt_change()`,
    );
    await q.query(
      `CREATE TRIGGER tg_contribution_receipts_no_truncate BEFORE TRUNCATE ON contribution_receipts
         FOR EACH STATEMENT EXECUTE FUNCTION refuse_receipt_change()`,
    );
    await q.query(
      `CREATE TRIGGER tg_contribution_receipts_fund_ledger BEFORE INSERT OR UPDATE OR DELETE ON contribution_receipts
         FOR EACH STATEMENT EXECUTE FUNCTION lock_fund_ledger()`,
    );
    await q.query(`
      INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount, illustrative)
      SELECT id, received_on, amount, exchange_rate, usd_amount, illustrative
      FROM contributions WHERE status = 'received'`);
    await q.query(`
      CREATE FUNCTION keep_contribution_receipts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        live contribution_receipts[];
        one contribution_receipts;
      BEGIN
        SELECT coalesce(array_agg(r ORDER BY r.received_on, r.id), '{}') INTO live
        FROM contribution_receipts r
        WHERE r.contribution_id = NEW.id AND r.kind = 'receipt'
          AND NOT EXISTS (SELECT 1 FROM contribution_receipts v WHERE v.reverses_id = r.id);
        IF cardinality(live) > 0 THEN
          one := live[1];
        END IF;
        IF NEW.status = 'pledged' AND cardinality(live) > 0 THEN
          INSERT INTO contribution_receipts (contribution_id, kind, reverses_id, received_on, amount, exchange_rate,
                                             usd_amount, earmark_kind, earmark_target, note, illustrative)
          SELECT NEW.id, 'reversal', l.id, l.received_on, l.amount, l.exchange_rate, l.usd_amount,
                 l.earmark_kind, l.earmark_target, 'The contribution was set back to pledged', l.illustrative
          FROM unnest(live) l;
        ELSIF NEW.status = 'received' AND cardinality(live) = 0 THEN
          INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount, illustrative)
          VALUES (NEW.id, NEW.received_on, NEW.amount, NEW.exchange_rate, NEW.usd_amount, NEW.illustrative);
        ELSIF TG_OP = 'UPDATE' AND NEW.status = 'received' AND cardinality(live) = 1
          AND (one.received_on, one.amount, one.exchange_rate, one.usd_amount)
            = (OLD.received_on, OLD.amount, OLD.exchange_rate, OLD.usd_amount)
          AND (NEW.received_on, NEW.amount, NEW.exchange_rate, NEW.usd_amount)
            IS DISTINCT FROM (OLD.received_on, OLD.amount, OLD.exchange_rate, OLD.usd_amount) THEN
          INSERT INTO contribution_receipts (contribution_id, kind, reverses_id, received_on, amount, exchange_rate,
                                             usd_amount, earmark_kind, earmark_target, note, illustrative)
          VALUES (NEW.id, 'reversal', one.id, one.received_on, one.amount, one.exchange_rate,
                  one.usd_amount, one.earmark_kind, one.earmark_target,
                  'The contribution''s figures were corrected', one.illustrative);
          INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount,
                                             earmark_kind, earmark_target, illustrative)
          VALUES (NEW.id, NEW.received_on, NEW.amount, NEW.exchange_rate, NEW.usd_amount,
                  one.earmark_kind, one.earmark_target, NEW.illustrative);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER tg_contributions_receipts AFTER INSERT OR UPDATE ON contributions
         FOR EACH ROW EXECUTE FUNCTION keep_contribution_receipts()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_contributions_receipts ON contributions`);
    await q.query(`DROP FUNCTION keep_contribution_receipts()`);
    await q.query(`DROP TABLE contribution_receipts`);
    await q.query(`DROP FUNCTION refuse_receipt_change()`);
  }
}
