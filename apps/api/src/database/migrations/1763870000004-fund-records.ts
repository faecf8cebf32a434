import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What donors, contributions and transfers need beyond the portfolio-records schema: a tranche
 * number used once per project, the contribution rules also held by the database (received on
 * or after the pledge, a USD contribution at rate 1), and an index for each list filter.
 */
export class FundRecords1763870000004 implements MigrationInterface {
  name = 'FundRecords1763870000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX uq_transfers_tranche ON transfers (project_id, tranche)`);
    await q.query(
      `CREATE INDEX ix_transfers_organization ON transfers (organization_id, transferred_on, id)`,
    );
    await q.query(`
      ALTER TABLE contributions
        ADD CONSTRAINT ck_contributions_dates CHECK (received_on >= pledged_on),
        ADD CONSTRAINT ck_contributions_usd_rate CHECK (currency <> 'USD' OR exchange_rate = 1)`);
    await q.query(`CREATE INDEX ix_contributions_status ON contributions (status, pledged_on, id)`);
    await q.query(`CREATE INDEX ix_donors_name ON donors (name, id)`);
    await q.query(`CREATE INDEX ix_donors_kind_name ON donors (kind, name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_donors_kind_name`);
    await q.query(`DROP INDEX ix_donors_name`);
    await q.query(`DROP INDEX ix_contributions_status`);
    await q.query(`
      ALTER TABLE contributions
        DROP CONSTRAINT ck_contributions_usd_rate,
        DROP CONSTRAINT ck_contributions_dates`);
    await q.query(`DROP INDEX ix_transfers_organization`);
    await q.query(`DROP INDEX uq_transfers_tranche`);
  }
}
