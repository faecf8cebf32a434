import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planned tranche schedule of an approved project, separate from the money that moved: each
 * tranche is a planned date, an amount for one participating organization, its release condition in
 * words, and optionally the report that must be accepted first. A transfer may name the planned
 * tranche it releases; a transfer is append-only, so the link lives on the transfer, and reversing
 * the transfer puts the tranche back in the plan.
 */
export class TrancheSchedule1763890000200 implements MigrationInterface {
  name = 'TrancheSchedule1763890000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE planned_tranches (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        planned_on date NOT NULL,
        amount_usd numeric(18,2) NOT NULL,
        condition text NOT NULL,
        requires_report_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_planned_tranches PRIMARY KEY (id),
        CONSTRAINT uq_planned_tranches_project_id UNIQUE (id, project_id),
        CONSTRAINT fk_planned_tranches_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_planned_tranches_organization FOREIGN KEY (organization_id) REFERENCES organizations (id),
        CONSTRAINT fk_planned_tranches_report FOREIGN KEY (requires_report_id, project_id)
          REFERENCES reports (id, project_id),
        CONSTRAINT ck_planned_tranches_amount CHECK (amount_usd > 0),
        CONSTRAINT ck_planned_tranches_condition CHECK (length(btrim(condition)) > 0)
      )`);
    await q.query(
      `CREATE INDEX ix_planned_tranches_project ON planned_tranches (project_id, planned_on, id)`,
    );
    await q.query(
      `CREATE TRIGGER tg_planned_tranches_updated_at BEFORE UPDATE ON planned_tranches
         FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );
    await q.query(`
      ALTER TABLE transfers
        ADD COLUMN planned_tranche_id uuid,
        ADD CONSTRAINT fk_transfers_planned_tranche FOREIGN KEY (planned_tranche_id, project_id)
          REFERENCES planned_tranches (id, project_id),
        ADD CONSTRAINT ck_transfers_planned_tranche CHECK (planned_tranche_id IS NULL OR kind = 'transfer')`);
    await q.query(
      `CREATE INDEX ix_transfers_planned_tranche ON transfers (planned_tranche_id) WHERE planned_tranche_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transfers DROP COLUMN planned_tranche_id`);
    await q.query(`DROP TABLE planned_tranches`);
  }
}
