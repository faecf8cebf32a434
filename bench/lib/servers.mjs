import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, TMP, sleep } from './env.mjs';

/** Starts a Node server as a child process, its output in bench/tmp/<name>.log; resolves once `ready` answers. */
async function startServer(name, script, env, ready, nodeArgs = [], node = process.execPath) {
  const log = createWriteStream(path.join(TMP, `${name}.log`));
  const child = spawn(node, [...nodeArgs, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code) => (exited = code));
  const started = Date.now();
  for (;;) {
    if (exited !== null) {
      const output = await readFile(path.join(TMP, `${name}.log`), 'utf8').catch(() => '');
      throw new Error(`${name} exited with ${exited} before it was ready:\n${output.slice(-2000)}`);
    }
    try {
      const response = await fetch(ready);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`${name} did not answer ${ready} within 60 s`);
    await sleep(200);
  }
  return {
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (exited !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/**
 * The API as deployed: `node apps/api/dist/main.js`, production mode, logs at warn, on `node` (a
 * binary path; by default the Node running the bench) with the image's heap bound. `root`: another
 * checkout whose build to run (bench/ab.mjs), its log in bench/tmp/<name>.log.
 */
export function startApi({
  databaseUrl,
  port,
  webDist,
  nodeArgs = [],
  env = {},
  node,
  root = ROOT,
  name = 'api',
}) {
  return startServer(
    name,
    path.join(root, 'apps/api/dist/main.js'),
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: '0',
      // The bench talks plain HTTP on loopback.
      COOKIE_SECURE: '0',
      WEB_DIST_DIR: webDist ?? '',
      ...env,
    },
    `http://127.0.0.1:${port}/api/health`,
    [...API_NODE_ARGS, ...nodeArgs],
    node,
  );
}

/** As the production image runs it (apps/api/Dockerfile, NODE_OPTIONS). */
export const API_NODE_ARGS = ['--max-old-space-size=512'];

export function startBaseline({ databaseUrl, port, node, nodeArgs = [] }) {
  return startServer(
    'baseline',
    path.join(ROOT, 'bench/baseline/server.mjs'),
    { DATABASE_URL: databaseUrl, PORT: String(port) },
    `http://127.0.0.1:${port}/api/v1/projects`,
    nodeArgs,
    node,
  );
}

/** Signs in with a demo account (loaded by seed:scale) and returns the session token. */
export async function signIn(baseUrl, email = 'staff@example.org') {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (!response.ok)
    throw new Error(`Sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const { token } = await response.json();
  return token;
}

/** Resident memory of a process, from /proc: the current (VmRSS) and the peak since it started (VmHWM), in MB. */
export async function memoryOf(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

const TICK_MS = 10; // Linux USER_HZ (getconf CLK_TCK = 100)

async function stat(pid) {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  // Fields after "pid (comm) ": state is [0], utime [11], stime [12], cutime [13], cstime [14].
  const fields = text
    .slice(text.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { own: (fields[11] + fields[12]) * TICK_MS, children: (fields[13] + fields[14]) * TICK_MS };
}

/** CPU time (user + system) a process has used so far, in ms. */
export async function cpuMsOf(pid) {
  return (await stat(pid))?.own ?? NaN;
}

/**
 * CPU time used so far by a PostgreSQL server: its postmaster, its live processes (the connections'
 * backends, background workers) and the ones it already reaped (parallel workers), in ms.
 */
export async function postgresCpuMs(postmasterPid) {
  const root = await stat(postmasterPid);
  if (!root) return NaN;
  const children = (
    await readFile(`/proc/${postmasterPid}/task/${postmasterPid}/children`, 'utf8').catch(() => '')
  )
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let total = root.own + root.children;
  for (const child of children) total += (await stat(child))?.own ?? 0;
  return total;
}
