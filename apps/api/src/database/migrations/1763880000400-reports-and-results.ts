import { MigrationInterface, QueryRunner } from 'typeorm';

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const PRINCIPLES = quoted([
  'people_centred',
  'comprehensive',
  'context_specific',
  'prevention_oriented',
  'protection_empowerment',
]);
const GROUPS = quoted([
  'women_and_girls',
  'children',
  'youth',
  'older_persons',
  'persons_with_disabilities',
  'refugees',
  'internally_displaced_persons',
  'migrants',
  'indigenous_peoples',
  'minorities',
  'rural_communities',
  'urban_poor',
]);
const TABLES = ['reporting_settings', 'reports', 'outcomes', 'outputs', 'indicators'];

/**
 * After approval: the reports a project owes (laid out from its dates by libs/domain's
 * reportSchedule, on the terms of the one-row reporting settings), and its results framework:
 * outcomes, their outputs, indicators on either with baseline, target and an optional breakdown by
 * sex and age group, the actual value of each indicator in each narrative report, and the people
 * reached (in all and per vulnerable group) in each report's period. Composite keys on
 * (id, project_id) make the database refuse an actual, an output or a conditional transfer that
 * points into another project. A transfer may name the report that must be accepted before it goes.
 */
export class ReportsAndResults1763880000400 implements MigrationInterface {
  name = 'ReportsAndResults1763880000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_settings (
        id boolean NOT NULL DEFAULT true,
        progress_report_months smallint NOT NULL DEFAULT 3,
        final_narrative_months smallint NOT NULL DEFAULT 3,
        final_financial_months smallint NOT NULL DEFAULT 6,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_reporting_settings PRIMARY KEY (id),
        CONSTRAINT ck_reporting_settings_single CHECK (id),
        CONSTRAINT ck_reporting_settings_months CHECK (progress_report_months BETWEEN 0 AND 24
          AND final_narrative_months BETWEEN 0 AND 24 AND final_financial_months BETWEEN 0 AND 24)
      )`);
    // Configurable defaults (admins change them): the usual terms of the UNTFHS guidelines.
    await q.query(`INSERT INTO reporting_settings (source) VALUES ($1)`, [
      'Configurable defaults following the usual terms of the UNTFHS guidelines: annual progress and final ' +
        'narrative reports within 3 months of the end of the period they cover, the certified final ' +
        "financial statement within 6 months of the project's end.",
    ]);

    await q.query(`
      CREATE TABLE reports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        kind text NOT NULL,
        sequence smallint NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'due',
        submitted_at timestamptz,
        submitted_by uuid,
        reviewed_at timestamptz,
        reviewed_by uuid,
        comments text,
        documents jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_reports PRIMARY KEY (id),
        CONSTRAINT uq_reports_project_id UNIQUE (id, project_id),
        CONSTRAINT uq_reports_slot UNIQUE (project_id, kind, sequence),
        CONSTRAINT fk_reports_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_reports_submitted_by FOREIGN KEY (submitted_by) REFERENCES users (id),
        CONSTRAINT fk_reports_reviewed_by FOREIGN KEY (reviewed_by) REFERENCES users (id),
        CONSTRAINT ck_reports_kind CHECK (kind IN ('progress', 'final_narrative', 'final_financial')),
        CONSTRAINT ck_reports_status CHECK (status IN ('due', 'submitted', 'accepted', 'returned')),
        CONSTRAINT ck_reports_sequence CHECK (sequence >= 1 AND (kind = 'progress' OR sequence = 1)),
        CONSTRAINT ck_reports_period CHECK (period_end >= period_start AND due_on >= period_end),
        CONSTRAINT ck_reports_submitted CHECK (status = 'due' OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL)),
        CONSTRAINT ck_reports_reviewed CHECK (
          status NOT IN ('accepted', 'returned') OR (reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL)),
        CONSTRAINT ck_reports_four_eyes CHECK (reviewed_by IS DISTINCT FROM submitted_by OR reviewed_by IS NULL),
        CONSTRAINT ck_reports_returned_comments CHECK (status <> 'returned' OR length(btrim(comments)) > 0),
        CONSTRAINT ck_reports_documents CHECK (jsonb_typeof(documents) = 'array')
      )`);
    await q.query(`CREATE INDEX ix_reports_project ON reports (project_id, due_on, id)`);
    // Overdue reports are the ones not in: a partial index over them, by due date.
    await q.query(
      `CREATE INDEX ix_reports_open_due ON reports (due_on, id) WHERE status IN ('due', 'returned')`,
    );

    await q.query(`
      CREATE TABLE report_reach (
        report_id uuid NOT NULL,
        project_id uuid NOT NULL,
        people_reached integer NOT NULL,
        CONSTRAINT pk_report_reach PRIMARY KEY (report_id),
        CONSTRAINT fk_report_reach_report FOREIGN KEY (report_id, project_id)
          REFERENCES reports (id, project_id) ON DELETE CASCADE,
        CONSTRAINT ck_report_reach_people CHECK (people_reached >= 0)
      )`);
    await q.query(`CREATE INDEX ix_report_reach_project ON report_reach (project_id)`);
    await q.query(`
      CREATE TABLE report_beneficiaries (
        report_id uuid NOT NULL,
        project_id uuid NOT NULL,
        vulnerable_group text NOT NULL,
        reached integer NOT NULL,
        CONSTRAINT pk_report_beneficiaries PRIMARY KEY (report_id, vulnerable_group),
        CONSTRAINT fk_report_beneficiaries_report FOREIGN KEY (report_id, project_id)
          REFERENCES reports (id, project_id) ON DELETE CASCADE,
        CONSTRAINT ck_report_beneficiaries_group CHECK (vulnerable_group IN (${GROUPS})),
        CONSTRAINT ck_report_beneficiaries_reached CHECK (reached >= 0)
      )`);

    await q.query(`
      CREATE TABLE outcomes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        title text NOT NULL,
        principle text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_outcomes PRIMARY KEY (id),
        CONSTRAINT uq_outcomes_project_id UNIQUE (id, project_id),
        CONSTRAINT fk_outcomes_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT ck_outcomes_title CHECK (length(btrim(title)) > 0),
        CONSTRAINT ck_outcomes_principle CHECK (principle IN (${PRINCIPLES}))
      )`);
    await q.query(`CREATE INDEX ix_outcomes_project ON outcomes (project_id, created_at, id)`);
    await q.query(`
      CREATE TABLE outputs (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        outcome_id uuid NOT NULL,
        title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_outputs PRIMARY KEY (id),
        CONSTRAINT uq_outputs_project_id UNIQUE (id, project_id),
        CONSTRAINT fk_outputs_outcome FOREIGN KEY (outcome_id, project_id) REFERENCES outcomes (id, project_id),
        CONSTRAINT ck_outputs_title CHECK (length(btrim(title)) > 0)
      )`);
    await q.query(`CREATE INDEX ix_outputs_outcome ON outputs (outcome_id, created_at, id)`);
    await q.query(`
      CREATE TABLE indicators (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        outcome_id uuid,
        output_id uuid,
        name text NOT NULL,
        unit text NOT NULL,
        baseline numeric(18,4) NOT NULL DEFAULT 0,
        target numeric(18,4) NOT NULL,
        by_sex boolean NOT NULL DEFAULT false,
        age_groups text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_indicators PRIMARY KEY (id),
        CONSTRAINT uq_indicators_project_id UNIQUE (id, project_id),
        CONSTRAINT fk_indicators_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_indicators_outcome FOREIGN KEY (outcome_id, project_id) REFERENCES outcomes (id, project_id),
        CONSTRAINT fk_indicators_output FOREIGN KEY (output_id, project_id) REFERENCES outputs (id, project_id),
        CONSTRAINT ck_indicators_parent CHECK ((outcome_id IS NULL) <> (output_id IS NULL)),
        CONSTRAINT ck_indicators_text CHECK (length(btrim(name)) > 0 AND length(btrim(unit)) > 0)
      )`);
    await q.query(`CREATE INDEX ix_indicators_project ON indicators (project_id, created_at, id)`);
    await q.query(`
      CREATE TABLE indicator_actuals (
        report_id uuid NOT NULL,
        indicator_id uuid NOT NULL,
        project_id uuid NOT NULL,
        value numeric(18,4) NOT NULL,
        breakdown jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT pk_indicator_actuals PRIMARY KEY (report_id, indicator_id),
        CONSTRAINT fk_indicator_actuals_report FOREIGN KEY (report_id, project_id)
          REFERENCES reports (id, project_id) ON DELETE CASCADE,
        CONSTRAINT fk_indicator_actuals_indicator FOREIGN KEY (indicator_id, project_id)
          REFERENCES indicators (id, project_id),
        CONSTRAINT ck_indicator_actuals_breakdown CHECK (jsonb_typeof(breakdown) = 'array')
      )`);
    await q.query(`CREATE INDEX ix_indicator_actuals_indicator ON indicator_actuals (indicator_id)`);

    await q.query(`
      ALTER TABLE transfers
        ADD COLUMN requires_report_id uuid,
        ADD CONSTRAINT fk_transfers_requires_report FOREIGN KEY (requires_report_id, project_id)
          REFERENCES reports (id, project_id),
        ADD CONSTRAINT ck_transfers_requires_report CHECK (requires_report_id IS NULL OR kind = 'transfer')`);

    for (const table of TABLES) {
      await q.query(
        `CREATE TRIGGER tg_${table}_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transfers DROP COLUMN requires_report_id`);
    for (const table of [
      'indicator_actuals',
      'indicators',
      'outputs',
      'outcomes',
      'report_beneficiaries',
      'report_reach',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE reporting_settings`);
  }
}
