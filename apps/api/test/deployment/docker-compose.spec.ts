import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config/app-config';

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
    expect(postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
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

  it('points DATABASE_URL at the postgres service with its database, user and password', () => {
    const url = new URL(apiEnv.DATABASE_URL!);
    const env = postgres.environment as Record<string, string>;
    expect(url.hostname).toBe('postgres');
    expect(url.port).toBe('5432');
    expect(url.pathname).toBe(`/${env.POSTGRES_DB}`);
    expect(url.username).toBe(env.POSTGRES_USER);
    expect(url.password).toBe(withDefaults(env.POSTGRES_PASSWORD!));
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
