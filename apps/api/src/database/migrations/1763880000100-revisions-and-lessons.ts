import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After approval, a project's approved budget and end date change only through a request decided by a
 * second staff member: project_revisions keeps each request (a budget revision or a no-cost extension)
 * with the figures it started from, what it asks for, its justification, and the decision, by whom and
 * when. The database itself refuses a decision by the requester.
 *
 * Lessons learned are written from a closed project, or from a report (report_id, without a foreign
 * key until reports are recorded), tagged by principle, human-security dimension, country and theme,
 * searched through a full-text index, and shared with donors only when marked public.
 */
export class RevisionsAndLessons1763880000100 implements MigrationInterface {
  name = 'RevisionsAndLessons1763880000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_revisions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        justification text NOT NULL,
        previous_approved_budget numeric(18,2),
        proposed_approved_budget numeric(18,2),
        previous_shares jsonb,
        proposed_shares jsonb,
        previous_end_date date,
        proposed_end_date date,
        requested_by uuid NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_project_revisions PRIMARY KEY (id),
        CONSTRAINT fk_project_revisions_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_project_revisions_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT fk_project_revisions_decided_by FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT ck_project_revisions_kind CHECK (kind IN ('budget', 'extension')),
        CONSTRAINT ck_project_revisions_status CHECK (status IN ('pending', 'approved', 'rejected')),
        CONSTRAINT ck_project_revisions_justification CHECK (length(btrim(justification)) > 0),
        CONSTRAINT ck_project_revisions_budget CHECK (
          kind <> 'budget' OR (proposed_approved_budget >= 0 AND proposed_shares IS NOT NULL
                               AND previous_approved_budget IS NOT NULL AND previous_shares IS NOT NULL)),
        CONSTRAINT ck_project_revisions_extension CHECK (
          kind <> 'extension' OR (proposed_end_date IS NOT NULL AND proposed_approved_budget IS NULL)),
        CONSTRAINT ck_project_revisions_decision CHECK (
          (status = 'pending') = (decided_by IS NULL AND decided_at IS NULL AND decision_comment IS NULL)),
        CONSTRAINT ck_project_revisions_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by)
      )`);
    await q.query(
      `CREATE INDEX ix_project_revisions_project ON project_revisions (project_id, created_at, id)`,
    );
    await q.query(`
      CREATE TABLE lessons (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        report_id uuid,
        title text NOT NULL,
        what_happened text NOT NULL,
        what_learned text NOT NULL,
        principles text[] NOT NULL DEFAULT '{}',
        dimensions text[] NOT NULL DEFAULT '{}',
        countries text[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        public boolean NOT NULL DEFAULT false,
        written_by uuid,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', what_learned), 'B') ||
          setweight(to_tsvector('english', what_happened), 'C')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_lessons PRIMARY KEY (id),
        CONSTRAINT fk_lessons_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_lessons_written_by FOREIGN KEY (written_by) REFERENCES users (id),
        CONSTRAINT ck_lessons_title CHECK (length(btrim(title)) > 0),
        CONSTRAINT ck_lessons_what_happened CHECK (length(btrim(what_happened)) > 0),
        CONSTRAINT ck_lessons_what_learned CHECK (length(btrim(what_learned)) > 0),
        CONSTRAINT ck_lessons_principles CHECK (principles <@ ARRAY['people_centred', 'comprehensive',
          'context_specific', 'prevention_oriented', 'protection_empowerment']::text[]),
        CONSTRAINT ck_lessons_dimensions CHECK (dimensions <@ ARRAY['economic', 'food', 'health',
          'environmental', 'personal', 'community', 'political']::text[])
      )`);
    await q.query(`CREATE INDEX ix_lessons_search ON lessons USING gin (search)`);
    await q.query(`CREATE INDEX ix_lessons_project ON lessons (project_id)`);
    await q.query(`CREATE INDEX ix_lessons_created ON lessons (created_at DESC, id DESC)`);
    for (const table of ['project_revisions', 'lessons']) {
      await q.query(
        `CREATE TRIGGER tg_${table}_updated_at BEFORE UPDATE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lessons`);
    await q.query(`DROP TABLE project_revisions`);
  }
}
