import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { MIGRATIONS } from '../../src/database/migrations';
import { typeormOptions } from '../../src/database/typeorm-options';
import { databaseUrl, serverUrl, withAdminClient } from '../support/test-database';

/** Every migration can be undone: all the way down leaves an empty schema, and up again works. */
describe('migrations', () => {
  const name = `hstf_test_migrations_${randomBytes(6).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    // An empty database, not a copy of the migrated template.
    await withAdminClient(serverUrl(), (client) => client.query(`CREATE DATABASE ${name}`));
    dataSource = new DataSource(
      typeormOptions(loadConfig({ NODE_ENV: 'test' }), databaseUrl(serverUrl(), name)),
    );
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await withAdminClient(serverUrl(), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    );
  });

  /** What the migrations create in the public schema, leaving out TypeORM's own bookkeeping table. */
  async function schemaObjects(): Promise<string[]> {
    const rows = await dataSource.query<{ object: string }[]>(`
      SELECT 'table ' || tablename AS object FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
      UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
      UNION ALL SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
      UNION ALL SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
        AND sequencename NOT LIKE 'schema_migrations%'
      ORDER BY 1`);
    return rows.map((r) => r.object);
  }
  const applied = () =>
    dataSource
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM schema_migrations`)
      .then((r) => r[0]!.n);

  it('apply on an empty database, undo one by one to an empty schema, and apply again', async () => {
    const up = await dataSource.runMigrations({ transaction: 'each' });
    expect(up.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    const migrated = await schemaObjects();
    expect(migrated).toEqual(
      expect.arrayContaining(['table audit_entries', 'table countries', 'table users']),
    );

    for (let remaining = MIGRATIONS.length; remaining > 0; remaining--) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      await expect(applied()).resolves.toBe(remaining - 1);
    }
    await expect(schemaObjects()).resolves.toEqual([]);

    const again = await dataSource.runMigrations({ transaction: 'each' });
    expect(again).toHaveLength(MIGRATIONS.length);
    await expect(schemaObjects()).resolves.toEqual(migrated);
    const [{ n }] = await dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM countries`);
    expect(n).toBeGreaterThanOrEqual(240);
  });
});
