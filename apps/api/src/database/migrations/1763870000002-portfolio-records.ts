import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'concept_note', 'full_proposal', 'under_review', 'revision_requested', 'approved', 'active',
  'completed', 'closed', 'rejected', 'withdrawn'`;
const DIMENSIONS = `'economic', 'food', 'health', 'environmental', 'personal', 'community', 'political'`;
const GROUPS = `'women_and_girls', 'children', 'youth', 'older_persons', 'persons_with_disabilities', 'refugees',
  'internally_displaced_persons', 'migrants', 'indigenous_peoples', 'minorities', 'rural_communities', 'urban_poor'`;

/**
 * The records HSU staff keep: national strategies, projects with their countries and
 * organizations, alignments, consent records with their history, contributions and transfers.
 */
export class PortfolioRecords1763870000002 implements MigrationInterface {
  name = 'PortfolioRecords1763870000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE national_strategies (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        country_iso3 char(3) NOT NULL,
        title text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        priority_areas text[] NOT NULL DEFAULT '{}',
        reference text,
        illustrative boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_national_strategies PRIMARY KEY (id),
        CONSTRAINT fk_national_strategies_country FOREIGN KEY (country_iso3) REFERENCES countries (iso3),
        CONSTRAINT ck_national_strategies_period CHECK (period_to >= period_from)
      )`);
    await q.query(
      `CREATE INDEX ix_national_strategies_country ON national_strategies (country_iso3, period_from, id)`,
    );

    await q.query(`
      CREATE TABLE projects (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        "window" text NOT NULL,
        stage text NOT NULL DEFAULT 'concept_note',
        lead_organization_id uuid,
        requested_budget numeric(18,2) NOT NULL DEFAULT 0,
        approved_budget numeric(18,2),
        co_funding numeric(18,2) NOT NULL DEFAULT 0,
        start_date date,
        end_date date,
        dimensions text[] NOT NULL DEFAULT '{}',
        target_beneficiaries integer,
        vulnerable_groups text[] NOT NULL DEFAULT '{}',
        sdgs smallint[] NOT NULL DEFAULT '{}',
        narrative_people_centred text NOT NULL DEFAULT '',
        narrative_comprehensive text NOT NULL DEFAULT '',
        narrative_context_specific text NOT NULL DEFAULT '',
        narrative_prevention_oriented text NOT NULL DEFAULT '',
        narrative_protection_empowerment text NOT NULL DEFAULT '',
        protection_measures text NOT NULL DEFAULT '',
        empowerment_measures text NOT NULL DEFAULT '',
        declares_no_coercion boolean NOT NULL DEFAULT false,
        declares_distinct_from_r2p boolean NOT NULL DEFAULT false,
        illustrative boolean NOT NULL DEFAULT false,
        -- Copies of the recipient countries, their M49 regions and the participating organizations,
        -- kept by triggers on the link tables, so list filters are array tests served by GIN indexes.
        country_codes text[] NOT NULL DEFAULT '{}',
        region_codes text[] NOT NULL DEFAULT '{}',
        organization_ids uuid[] NOT NULL DEFAULT '{}',
        start_year smallint GENERATED ALWAYS AS (extract(year FROM start_date)::smallint) STORED,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', code), 'A') ||
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', summary), 'B')) STORED,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_projects PRIMARY KEY (id),
        CONSTRAINT fk_projects_lead_organization FOREIGN KEY (lead_organization_id) REFERENCES organizations (id),
        CONSTRAINT ck_projects_code CHECK (code ~ '^HS-[0-9]{4}-[0-9]{4}$'),
        CONSTRAINT ck_projects_window CHECK ("window" IN ('I', 'II')),
        CONSTRAINT ck_projects_stage CHECK (stage IN (${STAGES})),
        CONSTRAINT ck_projects_dates CHECK (end_date > start_date),
        CONSTRAINT ck_projects_money CHECK (requested_budget >= 0 AND co_funding >= 0 AND approved_budget >= 0),
        CONSTRAINT ck_projects_dimensions CHECK (dimensions <@ ARRAY[${DIMENSIONS}]::text[]),
        CONSTRAINT ck_projects_groups CHECK (vulnerable_groups <@ ARRAY[${GROUPS}]::text[]),
        CONSTRAINT ck_projects_sdgs CHECK (sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
        CONSTRAINT ck_projects_beneficiaries CHECK (target_beneficiaries >= 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_projects_code ON projects (code)`);
    // Keyset orders for each sortable column, on the same expressions the list sorts by (nulls
    // mapped to a sentinel so that row comparisons work); live projects only.
    for (const [name, columns] of [
      ['code', 'code, id'],
      ['title', 'title, id'],
      ['start', `(coalesce(start_date, date '9999-12-31')), id`],
      ['approved', '(coalesce(approved_budget, -1)), id'],
      ['updated', 'updated_at, id'],
    ]) {
      await q.query(
        `CREATE INDEX ix_projects_sort_${name} ON projects (${columns}) WHERE deleted_at IS NULL`,
      );
    }
    await q.query(`CREATE INDEX ix_projects_stage ON projects (stage, code, id) WHERE deleted_at IS NULL`);
    await q.query(
      `CREATE INDEX ix_projects_window ON projects ("window", code, id) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_projects_start_year ON projects (start_year, code, id) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX ix_projects_search ON projects USING gin (search)`);
    await q.query(`CREATE INDEX ix_projects_dimensions ON projects USING gin (dimensions)`);
    await q.query(`CREATE INDEX ix_projects_groups ON projects USING gin (vulnerable_groups)`);
    await q.query(`CREATE INDEX ix_projects_sdgs ON projects USING gin (sdgs)`);
    await q.query(`CREATE INDEX ix_projects_lead ON projects (lead_organization_id)`);
    await q.query(`CREATE INDEX ix_projects_country_codes ON projects USING gin (country_codes)`);
    await q.query(`CREATE INDEX ix_projects_region_codes ON projects USING gin (region_codes)`);
    await q.query(`CREATE INDEX ix_projects_organization_ids ON projects USING gin (organization_ids)`);

    await q.query(`
      CREATE TABLE project_countries (
        project_id uuid NOT NULL,
        country_iso3 char(3) NOT NULL,
        CONSTRAINT pk_project_countries PRIMARY KEY (project_id, country_iso3),
        CONSTRAINT fk_project_countries_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_project_countries_country FOREIGN KEY (country_iso3) REFERENCES countries (iso3)
      )`);
    await q.query(
      `CREATE INDEX ix_project_countries_country ON project_countries (country_iso3, project_id)`,
    );

    await q.query(`
      CREATE TABLE project_organizations (
        project_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        budget_share numeric(18,2) NOT NULL,
        CONSTRAINT pk_project_organizations PRIMARY KEY (project_id, organization_id),
        CONSTRAINT fk_project_organizations_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT fk_project_organizations_organization FOREIGN KEY (organization_id) REFERENCES organizations (id),
        CONSTRAINT ck_project_organizations_share CHECK (budget_share >= 0)
      )`);
    await q.query(
      `CREATE INDEX ix_project_organizations_organization ON project_organizations (organization_id, project_id)`,
    );

    // Statement-level triggers: one UPDATE per statement, however many rows it changed.
    await q.query(`
      CREATE FUNCTION refresh_project_countries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE projects p SET
          country_codes = ARRAY(SELECT pc.country_iso3::text FROM project_countries pc
                                WHERE pc.project_id = p.id ORDER BY 1),
          region_codes = ARRAY(SELECT DISTINCT c.region_code::text FROM project_countries pc
                               JOIN countries c ON c.iso3 = pc.country_iso3
                               WHERE pc.project_id = p.id AND c.region_code IS NOT NULL ORDER BY 1)
        WHERE p.id IN (SELECT DISTINCT project_id FROM changed);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION refresh_project_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE projects p SET
          organization_ids = ARRAY(SELECT po.organization_id FROM project_organizations po
                                   WHERE po.project_id = p.id ORDER BY 1)
        WHERE p.id IN (SELECT DISTINCT project_id FROM changed);
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['project_countries', 'refresh_project_countries'],
      ['project_organizations', 'refresh_project_organizations'],
    ]) {
      await q.query(`CREATE TRIGGER tg_${table}_inserted AFTER INSERT ON ${table}
                       REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER tg_${table}_deleted AFTER DELETE ON ${table}
                       REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    await q.query(`
      CREATE TABLE alignments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        country_iso3 char(3) NOT NULL,
        strategy_id uuid NOT NULL,
        priority_area text,
        justification text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_alignments PRIMARY KEY (id),
        CONSTRAINT fk_alignments_recipient FOREIGN KEY (project_id, country_iso3)
          REFERENCES project_countries (project_id, country_iso3) ON DELETE CASCADE,
        CONSTRAINT fk_alignments_strategy FOREIGN KEY (strategy_id) REFERENCES national_strategies (id),
        CONSTRAINT uq_alignments_strategy UNIQUE (project_id, country_iso3, strategy_id),
        CONSTRAINT ck_alignments_justification CHECK (length(btrim(justification)) > 0)
      )`);
    await q.query(`CREATE INDEX ix_alignments_strategy ON alignments (strategy_id)`);

    await q.query(`
      CREATE TABLE consent_records (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        country_iso3 char(3) NOT NULL,
        status text NOT NULL,
        requested_on date,
        granted_on date,
        valid_until date,
        withdrawn_on date,
        withdrawal_reason text,
        issuing_office text,
        signatory text,
        document_reference text,
        scope text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_consent_records PRIMARY KEY (id),
        CONSTRAINT fk_consent_records_recipient FOREIGN KEY (project_id, country_iso3)
          REFERENCES project_countries (project_id, country_iso3) ON DELETE CASCADE,
        CONSTRAINT uq_consent_records_recipient UNIQUE (project_id, country_iso3),
        CONSTRAINT ck_consent_records_status
          CHECK (status IN ('requested', 'granted', 'refused', 'withdrawn', 'expired')),
        CONSTRAINT ck_consent_records_granted
          CHECK (status NOT IN ('granted') OR (granted_on IS NOT NULL AND issuing_office IS NOT NULL)),
        CONSTRAINT ck_consent_records_withdrawn
          CHECK (status <> 'withdrawn' OR (withdrawn_on IS NOT NULL AND withdrawal_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_consent_records_status ON consent_records (status, valid_until)`);
    await q.query(`
      CREATE TABLE consent_events (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        consent_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        status text NOT NULL,
        record jsonb NOT NULL,
        CONSTRAINT pk_consent_events PRIMARY KEY (id),
        CONSTRAINT fk_consent_events_consent FOREIGN KEY (consent_id) REFERENCES consent_records (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_consent_events_consent ON consent_events (consent_id, occurred_at)`);

    await q.query(`
      CREATE TABLE contributions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        donor_id uuid NOT NULL,
        pledged_on date NOT NULL,
        received_on date,
        amount numeric(18,2) NOT NULL,
        currency char(3) NOT NULL,
        usd_amount numeric(18,2) NOT NULL,
        exchange_rate numeric(18,8) NOT NULL,
        status text NOT NULL,
        earmarking text,
        reference text,
        illustrative boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_contributions PRIMARY KEY (id),
        CONSTRAINT fk_contributions_donor FOREIGN KEY (donor_id) REFERENCES donors (id),
        CONSTRAINT ck_contributions_status CHECK (status IN ('pledged', 'received', 'cancelled')),
        CONSTRAINT ck_contributions_received CHECK ((status = 'received') = (received_on IS NOT NULL)),
        CONSTRAINT ck_contributions_money CHECK (amount > 0 AND usd_amount > 0 AND exchange_rate > 0),
        CONSTRAINT ck_contributions_currency CHECK (currency ~ '^[A-Z]{3}$')
      )`);
    await q.query(`CREATE INDEX ix_contributions_donor ON contributions (donor_id, pledged_on, id)`);
    await q.query(`CREATE INDEX ix_contributions_pledged ON contributions (pledged_on, id)`);

    await q.query(`
      CREATE TABLE transfers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        amount_usd numeric(18,2) NOT NULL,
        transferred_on date NOT NULL,
        tranche smallint NOT NULL,
        reference text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_transfers PRIMARY KEY (id),
        CONSTRAINT fk_transfers_participant FOREIGN KEY (project_id, organization_id)
          REFERENCES project_organizations (project_id, organization_id),
        CONSTRAINT ck_transfers_amount CHECK (amount_usd > 0),
        CONSTRAINT ck_transfers_tranche CHECK (tranche >= 1)
      )`);
    await q.query(`CREATE INDEX ix_transfers_project ON transfers (project_id, transferred_on, id)`);
    await q.query(`CREATE INDEX ix_transfers_date ON transfers (transferred_on, id)`);

    for (const table of [
      'national_strategies',
      'projects',
      'alignments',
      'consent_records',
      'contributions',
      'transfers',
    ]) {
      await q.query(
        `CREATE TRIGGER tg_${table}_updated_at BEFORE UPDATE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'transfers',
      'contributions',
      'consent_events',
      'consent_records',
      'alignments',
      'project_organizations',
      'project_countries',
      'projects',
      'national_strategies',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION refresh_project_countries()`);
    await q.query(`DROP FUNCTION refresh_project_organizations()`);
  }
}
