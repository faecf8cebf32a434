import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review rounds (DESIGN.md §4.3): a proposal is reviewed in numbered rounds, each with the moment it
 * opened (the proposal went under review) and closed (it left review: returned for revision, decided
 * or withdrawn). Reviews and moderation notes belong to a round, so the same reviewer may be assigned
 * again in the next round, and only the latest round counts. A review has a due date; the settings
 * say how many days an assignment gets by default, and how long a proposal may wait under review
 * before it raises an alert.
 *
 * Existing records are placed from the project's history: each move to under_review opened a round,
 * the next move out of it closed it; a review or note joins the latest round opened before it was
 * written. A project with reviews but no such history gets round 1. A review assigned without a round
 * (a record written directly, as the demo and the load fixtures do) joins the latest round, opening
 * round 1 when there is none, and gets the default due date.
 */
export class ReviewRounds1763880000300 implements MigrationInterface {
  name = 'ReviewRounds1763880000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_rounds (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        number integer NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_review_rounds PRIMARY KEY (id),
        CONSTRAINT fk_review_rounds_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT uq_review_rounds_number UNIQUE (project_id, number),
        CONSTRAINT ck_review_rounds_number CHECK (number >= 1),
        CONSTRAINT ck_review_rounds_closed CHECK (closed_at IS NULL OR closed_at >= opened_at)
      )`);
    // At most one round of a project is open at a time.
    await q.query(
      `CREATE UNIQUE INDEX uq_review_rounds_open ON review_rounds (project_id) WHERE closed_at IS NULL`,
    );
    await q.query(
      `CREATE TRIGGER tg_review_rounds_updated_at BEFORE UPDATE ON review_rounds
         FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );

    // The rounds the history shows: each move to under_review opens one, the next move out closes it.
    await q.query(`
      WITH entries AS (
        SELECT t.project_id, t.occurred_at AS opened_at,
               row_number() OVER (PARTITION BY t.project_id ORDER BY t.occurred_at, t.id)::int AS number,
               lead(t.occurred_at) OVER (PARTITION BY t.project_id ORDER BY t.occurred_at, t.id) AS next_opened_at
        FROM project_transitions t
        WHERE t.to_stage = 'under_review'
      )
      INSERT INTO review_rounds (project_id, number, opened_at, closed_at)
      SELECT e.project_id, e.number, e.opened_at,
             coalesce((SELECT min(x.occurred_at) FROM project_transitions x
                       WHERE x.project_id = e.project_id AND x.from_stage = 'under_review'
                         AND x.occurred_at >= e.opened_at
                         AND (e.next_opened_at IS NULL OR x.occurred_at <= e.next_opened_at)),
                      e.next_opened_at,
                      CASE WHEN p.stage = 'under_review' THEN NULL ELSE greatest(e.opened_at, p.updated_at) END)
      FROM entries e JOIN projects p ON p.id = e.project_id`);
    // Reviewed without that history (written before the lifecycle recorded it): round 1.
    await q.query(`
      INSERT INTO review_rounds (project_id, number, opened_at, closed_at)
      SELECT p.id, 1, opened.at,
             CASE WHEN p.stage = 'under_review' THEN NULL ELSE greatest(opened.at, p.updated_at) END
      FROM projects p
      CROSS JOIN LATERAL (
        SELECT least(p.created_at,
                     (SELECT min(r.created_at) FROM reviews r WHERE r.project_id = p.id),
                     (SELECT min(n.created_at) FROM moderation_notes n WHERE n.project_id = p.id)) AS at
      ) opened
      WHERE NOT EXISTS (SELECT 1 FROM review_rounds rr WHERE rr.project_id = p.id)
        AND (p.stage = 'under_review'
             OR EXISTS (SELECT 1 FROM reviews r WHERE r.project_id = p.id)
             OR EXISTS (SELECT 1 FROM moderation_notes n WHERE n.project_id = p.id))`);

    await q.query(`
      ALTER TABLE assessment_settings
        ADD COLUMN review_due_days smallint NOT NULL DEFAULT 21,
        ADD COLUMN review_waiting_days smallint NOT NULL DEFAULT 60,
        ADD CONSTRAINT ck_assessment_settings_review_days
          CHECK (review_due_days BETWEEN 1 AND 365 AND review_waiting_days BETWEEN 1 AND 730)`);

    const roundOf = (alias: string) => `coalesce(
        (SELECT max(rr.number) FROM review_rounds rr
          WHERE rr.project_id = ${alias}.project_id AND rr.opened_at <= ${alias}.created_at),
        (SELECT min(rr.number) FROM review_rounds rr WHERE rr.project_id = ${alias}.project_id))`;
    // The rows keep their version: placing them in a round is not a change anyone made.
    await q.query(`ALTER TABLE reviews DISABLE TRIGGER tg_reviews_updated_at`);
    await q.query(`ALTER TABLE reviews ADD COLUMN round integer, ADD COLUMN due_on date`);
    await q.query(`
      UPDATE reviews r SET round = ${roundOf('r')},
        due_on = (r.created_at AT TIME ZONE 'UTC')::date
                 + (SELECT review_due_days FROM assessment_settings WHERE id)`);
    await q.query(`ALTER TABLE reviews ENABLE TRIGGER tg_reviews_updated_at`);
    await q.query(`
      ALTER TABLE reviews
        ALTER COLUMN round SET NOT NULL,
        ALTER COLUMN due_on SET NOT NULL,
        DROP CONSTRAINT uq_reviews_project_reviewer,
        ADD CONSTRAINT uq_reviews_round_reviewer UNIQUE (project_id, round, reviewer_id),
        ADD CONSTRAINT fk_reviews_round FOREIGN KEY (project_id, round)
          REFERENCES review_rounds (project_id, number)`);
    await q.query(`CREATE INDEX ix_reviews_due ON reviews (due_on) WHERE status IN ('assigned', 'draft')`);

    await q.query(`ALTER TABLE moderation_notes DISABLE TRIGGER tg_moderation_notes_updated_at`);
    await q.query(`ALTER TABLE moderation_notes ADD COLUMN round integer`);
    await q.query(`UPDATE moderation_notes n SET round = ${roundOf('n')}`);
    await q.query(`ALTER TABLE moderation_notes ENABLE TRIGGER tg_moderation_notes_updated_at`);
    await q.query(`
      ALTER TABLE moderation_notes
        ALTER COLUMN round SET NOT NULL,
        DROP CONSTRAINT uq_moderation_notes_principle,
        ADD CONSTRAINT uq_moderation_notes_round_principle UNIQUE (project_id, round, principle),
        ADD CONSTRAINT fk_moderation_notes_round FOREIGN KEY (project_id, round)
          REFERENCES review_rounds (project_id, number)`);

    await q.query(`
      CREATE FUNCTION place_in_review_round() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.round IS NULL THEN
          SELECT max(number) INTO NEW.round FROM review_rounds WHERE project_id = NEW.project_id;
          IF NEW.round IS NULL THEN
            INSERT INTO review_rounds (project_id, number) VALUES (NEW.project_id, 1)
              ON CONFLICT DO NOTHING;
            NEW.round := 1;
          END IF;
        END IF;
        -- Nested: a moderation note has no due_on, and the condition must not name it there.
        IF TG_TABLE_NAME = 'reviews' THEN
          IF NEW.due_on IS NULL THEN
            NEW.due_on := (coalesce(NEW.created_at, now()) AT TIME ZONE 'UTC')::date
                          + (SELECT review_due_days FROM assessment_settings WHERE id);
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['reviews', 'moderation_notes']) {
      await q.query(
        `CREATE TRIGGER tg_${table}_round BEFORE INSERT ON ${table}
           FOR EACH ROW EXECUTE FUNCTION place_in_review_round()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_moderation_notes_round ON moderation_notes`);
    await q.query(`DROP TRIGGER tg_reviews_round ON reviews`);
    await q.query(`DROP FUNCTION place_in_review_round()`);
    // Only the latest round's records fit the schema before rounds: one per reviewer or principle.
    await q.query(`
      DELETE FROM moderation_notes n WHERE n.round <
        (SELECT max(rr.number) FROM review_rounds rr WHERE rr.project_id = n.project_id)`);
    await q.query(`
      ALTER TABLE moderation_notes
        DROP CONSTRAINT fk_moderation_notes_round,
        DROP CONSTRAINT uq_moderation_notes_round_principle,
        ADD CONSTRAINT uq_moderation_notes_principle UNIQUE (project_id, principle),
        DROP COLUMN round`);
    await q.query(`
      DELETE FROM reviews r WHERE r.round <
        (SELECT max(rr.number) FROM review_rounds rr WHERE rr.project_id = r.project_id)`);
    await q.query(`DROP INDEX ix_reviews_due`);
    await q.query(`
      ALTER TABLE reviews
        DROP CONSTRAINT fk_reviews_round,
        DROP CONSTRAINT uq_reviews_round_reviewer,
        ADD CONSTRAINT uq_reviews_project_reviewer UNIQUE (project_id, reviewer_id),
        DROP COLUMN due_on,
        DROP COLUMN round`);
    await q.query(`
      ALTER TABLE assessment_settings
        DROP CONSTRAINT ck_assessment_settings_review_days,
        DROP COLUMN review_waiting_days,
        DROP COLUMN review_due_days`);
    await q.query(`DROP TABLE review_rounds`);
  }
}
