import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions, the append-only audit log, and the reference records (countries,
 * organizations, donors) that every later feature points at.
 */
export class Foundation1763870000000 implements MigrationInterface {
  name = 'Foundation1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE TABLE countries (
        iso3 char(3) NOT NULL,
        iso2 char(2) NOT NULL,
        numeric char(3) NOT NULL,
        name text NOT NULL,
        region_code char(3),
        region text,
        subregion_code char(3),
        subregion text,
        intermediate_region_code char(3),
        intermediate_region text,
        ldc boolean NOT NULL DEFAULT false,
        lldc boolean NOT NULL DEFAULT false,
        sids boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_countries PRIMARY KEY (iso3),
        CONSTRAINT uq_countries_iso2 UNIQUE (iso2),
        CONSTRAINT uq_countries_numeric UNIQUE (numeric),
        CONSTRAINT ck_countries_iso3 CHECK (iso3 ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_countries_iso2 CHECK (iso2 ~ '^[A-Z]{2}$'),
        CONSTRAINT ck_countries_numeric CHECK (numeric ~ '^[0-9]{3}$')
      )`);
    await q.query(`CREATE INDEX ix_countries_region ON countries (region_code, subregion_code)`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        acronym text,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_organizations PRIMARY KEY (id),
        CONSTRAINT ck_organizations_kind
          CHECK (kind IN ('un_entity', 'government', 'ngo', 'regional_body', 'other')),
        CONSTRAINT ck_organizations_name CHECK (length(btrim(name)) > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_organizations_name ON organizations (lower(name))`);
    await q.query(`CREATE UNIQUE INDEX uq_organizations_acronym ON organizations (lower(acronym))`);
    await q.query(`CREATE INDEX ix_organizations_kind_name ON organizations (kind, name, id)`);
    await q.query(`CREATE INDEX ix_organizations_name ON organizations (name, id)`);

    await q.query(`
      CREATE TABLE donors (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        country_iso3 char(3),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_donors PRIMARY KEY (id),
        CONSTRAINT fk_donors_country FOREIGN KEY (country_iso3) REFERENCES countries (iso3),
        CONSTRAINT ck_donors_kind
          CHECK (kind IN ('member_state', 'regional_organization', 'private_sector', 'foundation', 'other')),
        CONSTRAINT ck_donors_member_state_country CHECK ((kind = 'member_state') = (country_iso3 IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_donors_name ON donors (lower(name))`);

    await q.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        donor_id uuid,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        last_sign_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT fk_users_donor FOREIGN KEY (donor_id) REFERENCES donors (id),
        CONSTRAINT ck_users_role CHECK (role IN ('admin', 'staff', 'reviewer', 'donor')),
        CONSTRAINT ck_users_donor_link CHECK ((role = 'donor') = (donor_id IS NOT NULL)),
        CONSTRAINT ck_users_email CHECK (email = lower(email) AND position('@' in email) > 1)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (email)`);
    await q.query(`CREATE INDEX ix_users_role ON users (role, email)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text,
        CONSTRAINT pk_sessions PRIMARY KEY (id),
        CONSTRAINT uq_sessions_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_sessions_user ON sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE login_attempts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        ip text,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_login_attempts PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX ix_login_attempts_email ON login_attempts (email, attempted_at)`);

    await q.query(`
      CREATE TABLE audit_entries (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_email text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        CONSTRAINT pk_audit_entries PRIMARY KEY (id),
        CONSTRAINT ck_audit_entries_action CHECK (length(action) > 0)
      )`);
    await q.query(`CREATE INDEX ix_audit_entries_time ON audit_entries (occurred_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX ix_audit_entries_entity ON audit_entries (entity, entity_id, occurred_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_audit_entries_actor ON audit_entries (actor_id, occurred_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`);
    await q.query(`
      CREATE TRIGGER tg_audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`);

    for (const table of ['countries', 'organizations', 'donors', 'users']) {
      await q.query(
        `CREATE TRIGGER tg_${table}_updated_at BEFORE UPDATE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entries`);
    await q.query(`DROP FUNCTION refuse_audit_change()`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE donors`);
    await q.query(`DROP TABLE organizations`);
    await q.query(`DROP TABLE countries`);
    await q.query(`DROP FUNCTION touch_updated_at()`);
  }
}
