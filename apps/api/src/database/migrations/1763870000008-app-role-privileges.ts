import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Requests are served as `hstf_app` (or a login role that is a member of it), never as the role
 * that owns the schema: it reads and writes rows, and nothing else. It owns no table, so it cannot
 * alter, disable or drop a trigger, and it may only insert into and read the audit log, so the
 * log stays append-only even against the API's own connections. Tables that later migrations
 * create (as the same owner) get the same privileges through the default privileges set here.
 *
 * The role is created without LOGIN when it does not exist yet (which needs CREATEROLE); give it a
 * password and LOGIN, or grant it to the login role the API connects as (README, "Your own
 * PostgreSQL").
 */
export class AppRolePrivileges1763870000008 implements MigrationInterface {
  name = 'AppRolePrivileges1763870000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
      END $$`);
    // PostgreSQL 15 no longer lets every role create objects in public; older clusters upgraded in
    // place keep that grant, which would let the serving role create tables and triggers.
    await q.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`REVOKE UPDATE, DELETE ON audit_entries FROM ${APP_ROLE}`);
    // The API checks for pending migrations on start; applying them is the owner's job.
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${APP_ROLE}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
