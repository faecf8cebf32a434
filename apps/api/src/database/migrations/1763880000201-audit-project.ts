import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each audit entry names the project it belongs to, so a project's whole story is one indexed read:
 * the project itself, or the project its audited record carries (`projectId` as the API writes it,
 * `project_id` as a row written by SQL has it; after, else before). AuditService.record sets it; the
 * same rule fills the entries written before this migration, and any entry written by SQL alone
 * (the demo loader) that leaves it empty. No foreign key: the trail outlives the rows.
 */
export class AuditProject1763880000201 implements MigrationInterface {
  name = 'AuditProject1763880000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entries ADD COLUMN project_id uuid`);
    await q.query(`
      CREATE FUNCTION audit_project_of(entity text, entity_id text, before jsonb, after jsonb) RETURNS uuid
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN candidate ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    THEN candidate::uuid END
        FROM (SELECT CASE WHEN entity = 'project' THEN entity_id
                          ELSE coalesce(after->>'projectId', after->>'project_id',
                                        before->>'projectId', before->>'project_id') END AS candidate) c
      $$`);
    // The trail refuses every UPDATE by trigger; the backfill alone is let through, in this transaction.
    await q.query(`ALTER TABLE audit_entries DISABLE TRIGGER tg_audit_entries_append_only`);
    await q.query(`UPDATE audit_entries SET project_id = audit_project_of(entity, entity_id, before, after)`);
    await q.query(`ALTER TABLE audit_entries ENABLE TRIGGER tg_audit_entries_append_only`);
    await q.query(`
      CREATE FUNCTION fill_audit_project() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.project_id := audit_project_of(NEW.entity, NEW.entity_id, NEW.before, NEW.after);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_audit_entries_project BEFORE INSERT ON audit_entries
        FOR EACH ROW WHEN (NEW.project_id IS NULL) EXECUTE FUNCTION fill_audit_project()`);
    await q.query(
      `CREATE INDEX ix_audit_entries_project ON audit_entries (project_id, occurred_at DESC, id DESC)
         WHERE project_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_audit_entries_project`);
    await q.query(`DROP TRIGGER tg_audit_entries_project ON audit_entries`);
    await q.query(`DROP FUNCTION fill_audit_project()`);
    await q.query(`ALTER TABLE audit_entries DROP COLUMN project_id`);
    await q.query(`DROP FUNCTION audit_project_of(text, text, jsonb, jsonb)`);
  }
}
