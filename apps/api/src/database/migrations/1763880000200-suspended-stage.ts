import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'concept_note', 'full_proposal', 'under_review', 'revision_requested', 'approved', 'active',
  'completed', 'closed', 'rejected', 'withdrawn'`;

/**
 * The stage `suspended` (DESIGN.md §4.3): entered from approved or active by a decision that says
 * why, so the database refuses a move into it whose evidence holds no reason.
 */
export class SuspendedStage1763880000200 implements MigrationInterface {
  name = 'SuspendedStage1763880000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE projects
        DROP CONSTRAINT ck_projects_stage,
        ADD CONSTRAINT ck_projects_stage CHECK (stage IN (${STAGES}, 'suspended'))`);
    await q.query(`
      ALTER TABLE project_transitions
        ADD CONSTRAINT ck_project_transitions_suspension_reason CHECK (
          to_stage <> 'suspended' OR length(btrim(coalesce(evidence->>'reason', ''))) > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_transitions DROP CONSTRAINT ck_project_transitions_suspension_reason`);
    await q.query(`
      ALTER TABLE projects
        DROP CONSTRAINT ck_projects_stage,
        ADD CONSTRAINT ck_projects_stage CHECK (stage IN (${STAGES}))`);
  }
}
