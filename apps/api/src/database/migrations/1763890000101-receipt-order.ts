import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts in the order they were recorded. A correction writes a reversal and a new receipt in one
 * transaction, so both have the same `created_at` (now() is the transaction's time) and the same
 * date: ordering them by id put the new receipt before the reversal about half the time. A number
 * taken at each insert keeps the order they were written in.
 */
export class ReceiptOrder1763890000101 implements MigrationInterface {
  name = 'ReceiptOrder1763890000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE contribution_receipts ADD COLUMN recorded_order bigint GENERATED ALWAYS AS IDENTITY`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contribution_receipts DROP COLUMN recorded_order`);
  }
}
