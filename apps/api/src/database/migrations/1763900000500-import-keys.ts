import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import finds the record a row names by its kind's key; a national strategy's is its country
 * and its title whatever the capitals, looked up once per row (10,000 rows in a file).
 */
export class ImportKeys1763900000500 implements MigrationInterface {
  name = 'ImportKeys1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_national_strategies_title ON national_strategies (country_iso3, lower(title))`,
    );
    await q.query(`CREATE INDEX ix_contributions_reference ON contributions (donor_id, reference)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_contributions_reference`);
    await q.query(`DROP INDEX ix_national_strategies_title`);
  }
}
