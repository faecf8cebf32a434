import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approvals read the Fund's available balance (received − committed) under a transaction-level
 * advisory lock, so two approvals cannot both spend its last dollar. Received contributions are the
 * other side of that balance: every write to contributions takes the same lock, whichever code makes
 * it, so an approval never decides on money that a concurrent change is taking away. (Committed
 * amounts change only through approvals: an approved budget is fixed once committed.)
 */
export class FundLedgerLock1763870000007 implements MigrationInterface {
  name = 'FundLedgerLock1763870000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION lock_fund_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('fund-ledger'));
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER tg_contributions_fund_ledger BEFORE INSERT OR UPDATE OR DELETE ON contributions
         FOR EACH STATEMENT EXECUTE FUNCTION lock_fund_ledger()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_contributions_fund_ledger ON contributions`);
    await q.query(`DROP FUNCTION lock_fund_ledger()`);
  }
}
