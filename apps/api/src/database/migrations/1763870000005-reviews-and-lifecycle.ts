import { MigrationInterface, QueryRunner } from 'typeorm';

const PRINCIPLES = [
  'people_centred',
  'comprehensive',
  'context_specific',
  'prevention_oriented',
  'protection_empowerment',
];

/**
 * Reviews against the five principles, moderation notes where reviewers disagree, the history of
 * lifecycle transitions, and the configurable assessment thresholds.
 */
export class ReviewsAndLifecycle1763870000005 implements MigrationInterface {
  name = 'ReviewsAndLifecycle1763870000005';

  async up(q: QueryRunner): Promise<void> {
    const scoreColumns = PRINCIPLES.map(
      (p) => `score_${p} smallint CONSTRAINT ck_reviews_score_${p} CHECK (score_${p} BETWEEN 0 AND 4),
        justification_${p} text`,
    ).join(',\n        ');
    await q.query(`
      CREATE TABLE reviews (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        reviewer_id uuid NOT NULL,
        assigned_by uuid,
        status text NOT NULL DEFAULT 'assigned',
        conflict_declared boolean,
        conflict_organization_ids uuid[] NOT NULL DEFAULT '{}',
        conflict_countries text[] NOT NULL DEFAULT '{}',
        conflict_note text,
        declared_at timestamptz,
        ${scoreColumns},
        recommendation text,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_reviews PRIMARY KEY (id),
        CONSTRAINT fk_reviews_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_reviews_reviewer FOREIGN KEY (reviewer_id) REFERENCES users (id),
        CONSTRAINT fk_reviews_assigned_by FOREIGN KEY (assigned_by) REFERENCES users (id),
        CONSTRAINT uq_reviews_project_reviewer UNIQUE (project_id, reviewer_id),
        CONSTRAINT ck_reviews_status CHECK (status IN ('assigned', 'declined_conflict', 'draft', 'submitted')),
        CONSTRAINT ck_reviews_recommendation CHECK (recommendation IN ('approve', 'revise', 'reject')),
        CONSTRAINT ck_reviews_conflict_declined CHECK ((status = 'declined_conflict') = (conflict_declared IS TRUE)),
        CONSTRAINT ck_reviews_submitted CHECK (
          status <> 'submitted' OR (submitted_at IS NOT NULL AND recommendation IS NOT NULL AND conflict_declared IS FALSE
            AND ${PRINCIPLES.map((p) => `score_${p} IS NOT NULL AND length(btrim(justification_${p})) > 0`).join(' AND ')}))
      )`);
    await q.query(`CREATE INDEX ix_reviews_reviewer ON reviews (reviewer_id, status, project_id)`);
    await q.query(`CREATE INDEX ix_reviews_project ON reviews (project_id, status)`);

    await q.query(`
      CREATE TABLE moderation_notes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        principle text NOT NULL,
        note text NOT NULL,
        author_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_moderation_notes PRIMARY KEY (id),
        CONSTRAINT fk_moderation_notes_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_moderation_notes_author FOREIGN KEY (author_id) REFERENCES users (id),
        CONSTRAINT uq_moderation_notes_principle UNIQUE (project_id, principle),
        CONSTRAINT ck_moderation_notes_principle CHECK (principle IN (${PRINCIPLES.map((p) => `'${p}'`).join(', ')})),
        CONSTRAINT ck_moderation_notes_note CHECK (length(btrim(note)) > 0)
      )`);

    await q.query(`
      CREATE TABLE project_transitions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        note text NOT NULL,
        decided_on date NOT NULL,
        actor_id uuid,
        evidence jsonb,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_project_transitions PRIMARY KEY (id),
        CONSTRAINT fk_project_transitions_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_project_transitions_actor FOREIGN KEY (actor_id) REFERENCES users (id),
        CONSTRAINT ck_project_transitions_note CHECK (length(btrim(note)) > 0)
      )`);
    await q.query(
      `CREATE INDEX ix_project_transitions_project ON project_transitions (project_id, occurred_at)`,
    );

    // One row: the thresholds of the assessment (DESIGN.md §4.1 defaults), changed by admins.
    await q.query(`
      CREATE TABLE assessment_settings (
        id boolean NOT NULL DEFAULT true,
        min_principle_mean numeric(3,2) NOT NULL DEFAULT 2.00,
        min_overall_mean numeric(3,2) NOT NULL DEFAULT 2.50,
        min_reviews smallint NOT NULL DEFAULT 2,
        disagreement_spread smallint NOT NULL DEFAULT 2,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_assessment_settings PRIMARY KEY (id),
        CONSTRAINT ck_assessment_settings_single CHECK (id),
        CONSTRAINT ck_assessment_settings_ranges CHECK (min_principle_mean BETWEEN 0 AND 4
          AND min_overall_mean BETWEEN 0 AND 4 AND min_reviews >= 1 AND disagreement_spread BETWEEN 1 AND 4)
      )`);
    await q.query(`INSERT INTO assessment_settings DEFAULT VALUES`);

    for (const table of ['reviews', 'moderation_notes', 'assessment_settings']) {
      await q.query(
        `CREATE TRIGGER tg_${table}_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_settings`);
    await q.query(`DROP TABLE project_transitions`);
    await q.query(`DROP TABLE moderation_notes`);
    await q.query(`DROP TABLE reviews`);
  }
}
