/**
 * `npm run bench:abuse`: does the API keep answering while it is attacked?
 *
 *   npm run bench:abuse -- [--duration 15] [--projects 1000] [--phases nested,flood,spread] [--skip-build]
 *                          [--database-url postgres://… (an already seeded, throwaway database)]
 *                          [--node 24 (default: the image's Node line) | 20 | /path/to/node]
 *
 * Builds the API, seeds a throwaway embedded PostgreSQL with `seed:scale`, and for each phase of
 * `--duration` seconds starts a fresh API in production mode (so no phase inherits another's
 * grown heap or queued work) and probes `/api/health` one request at a time (latency median and
 * p99) while sampling the API's resident memory:
 *
 * - at rest: nothing else;
 * - nested JSON: 10 senders post 1 MB of `[[[…]]]` to /api/v1/auth/login, back to back;
 * - sign-in flood, one address: 20 clients post wrong sign-ins for random emails from loopback;
 * - sign-in flood, many addresses: the same, each attempt from its own address (X-Forwarded-For,
 *   believed because the API runs with TRUST_PROXY=loopback), so the per-address limit never
 *   applies and every attempt reaches the password check.
 *
 * Targets: health p99 under load ≤ 3 × its p99 at rest; memory peak ≤ 1.5 × memory at rest.
 * Prints a table and writes it as JSON to bench/results/abuse-latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { freePort, seededDatabase } from './lib/database.mjs';
import { load1, parseArgs, RESULTS, ROOT, run, say, sleep, TMP } from './lib/env.mjs';
import { DEPLOYED_NODE, nodeBinary } from './lib/node.mjs';
import { memoryOf, startApi } from './lib/servers.mjs';

const prettier = createRequire(path.join(ROOT, 'package.json'))('prettier');

const options = parseArgs(process.argv.slice(2), {
  duration: 15,
  projects: 1000,
  phases: 'nested,flood,spread',
  skipBuild: false,
  databaseUrl: '',
  postgresPid: 0,
  node: DEPLOYED_NODE,
});

const NESTED_SENDERS = 10;
const NESTED_BYTES = 1024 * 1024;
const FLOOD_CLIENTS = 20;
const REQUEST_TIMEOUT_MS = 30_000;

const cleanups = [];

/** One HTTP request on its own keep-alive agent; resolves with the status (0 on a network error) and the time taken. */
function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const done = (status) => resolve({ status, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    const req = http.request(url, { method, agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode ?? 0));
      response.on('error', () => done(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(0));
    req.end(body);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Starts a fresh API, warms it up, then runs `attack` (a function of the base URL and the stop
 * signal) for the phase while health is probed one request at a time; stops the API after it.
 */
async function phase(name, start, attack) {
  say(`\n== ${name} (${options.duration} s)`);
  const { api, baseUrl } = await start();
  const pid = api.pid;
  // Warm up: first requests compile code paths and fill the pool.
  const warm = new http.Agent({ keepAlive: true });
  for (let i = 0; i < 50; i++) await request(warm, `${baseUrl}/api/health`);
  warm.destroy();
  await sleep(2000);
  const rssAtStartMb = (await memoryOf(pid)).rssMb;
  const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const stop = { stopped: false };
  const latencies = [];
  const healthStatuses = {};
  const memory = [];
  const sampler = setInterval(() => {
    void memoryOf(pid).then(({ rssMb }) => Number.isFinite(rssMb) && memory.push(rssMb));
  }, 200);
  const attackers = attack ? attack(baseUrl)(stop) : Promise.resolve({});
  const prober = (async () => {
    while (!stop.stopped) {
      const { status, ms } = await request(probeAgent, `${baseUrl}/api/health`);
      latencies.push(ms);
      healthStatuses[status] = (healthStatuses[status] ?? 0) + 1;
      await sleep(20);
    }
  })();
  await sleep(options.duration * 1000);
  stop.stopped = true;
  await prober;
  const attackerStatuses = await attackers;
  clearInterval(sampler);
  probeAgent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const sortedMemory = [...memory].sort((a, b) => a - b);
  const result = {
    phase: name,
    probes: latencies.length,
    healthStatuses,
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1),
    rssAtStartMb,
    rssMedianMb: percentile(sortedMemory, 50),
    rssPeakMb: sortedMemory.at(-1),
    attackerStatuses,
    load1: load1(),
  };
  say(
    `   health: ${result.probes} probes, median ${result.medianMs.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms; ` +
      `RSS median ${result.rssMedianMb.toFixed(0)} MB, peak ${result.rssPeakMb.toFixed(0)} MB; ` +
      `attackers: ${JSON.stringify(attackerStatuses)}`,
  );
  await api.stop();
  return result;
}

/** `clients` loops sending `next()` until stopped; resolves with the count of each status. */
function senders(clients, next) {
  return (baseUrl) => (stop) => {
    const statuses = {};
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    const loops = Array.from({ length: clients }, async () => {
      while (!stop.stopped) {
        const { status } = await request(agent, `${baseUrl}/api/v1/auth/login`, next());
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    });
    return Promise.all(loops).then(() => {
      agent.destroy();
      return statuses;
    });
  };
}

let counter = 0;
const wrongSignIn = (extraHeaders = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...extraHeaders },
  body: JSON.stringify({ email: `nobody.${counter++}@example.org`, password: 'a wrong password' }),
});
/** A documentation address (198.18.0.0/15, benchmark testing) per attempt. */
const anAddress = (n) => `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;

async function main() {
  await mkdir(TMP, { recursive: true });
  say(
    `HSTF Portfolio abuse bench; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (!options.skipBuild) {
    say('\n== Building the API');
    await run('npm', ['run', 'build', '-w', '@hstf/domain', '-w', '@hstf/api']);
  }
  if (!options.databaseUrl) say('\n== Starting a throwaway PostgreSQL and seeding it');
  const database = await seededDatabase({ ...options, run });
  cleanups.push(() => database.stop());

  const node = await nodeBinary(options.node);
  say(
    `\nThe API runs on Node.js ${node.version}, production mode, TRUST_PROXY=loopback; a fresh one per phase`,
  );
  const start = async () => {
    const port = await freePort();
    const api = await startApi({
      databaseUrl: database.url,
      port,
      node: node.path,
      env: { TRUST_PROXY: 'loopback' },
    });
    cleanups.push(() => api.stop());
    return { api, baseUrl: `http://127.0.0.1:${port}` };
  };

  const nested = Buffer.from('['.repeat(NESTED_BYTES / 2) + ']'.repeat(NESTED_BYTES / 2));
  const results = [];
  results.push(await phase('at rest', start, null));
  const wanted = new Set(options.phases.split(','));
  if (wanted.has('nested'))
    results.push(
      await phase(
        `nested JSON: ${NESTED_SENDERS} senders × 1 MB`,
        start,
        senders(NESTED_SENDERS, () => ({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: nested,
        })),
      ),
    );
  if (wanted.has('flood'))
    results.push(
      await phase(
        `sign-in flood: ${FLOOD_CLIENTS} clients, one address`,
        start,
        senders(FLOOD_CLIENTS, () => wrongSignIn()),
      ),
    );
  if (wanted.has('spread'))
    results.push(
      await phase(
        `sign-in flood: ${FLOOD_CLIENTS} clients, an address per attempt`,
        start,
        senders(FLOOD_CLIENTS, () => wrongSignIn({ 'x-forwarded-for': anAddress(counter) })),
      ),
    );

  const rest = results[0];
  const rows = results.map((result) => ({
    ...result,
    p99VsRest: result.p99Ms / rest.p99Ms,
    peakVsRest: result.rssPeakMb / rest.rssMedianMb,
  }));
  const table = [
    '| phase | health median ms | health p99 ms | p99 ÷ rest (≤ 3) | RSS peak MB | peak ÷ rest (≤ 1.5) | attack answers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (row) =>
        `| ${row.phase} | ${row.medianMs.toFixed(1)} | ${row.p99Ms.toFixed(1)} | ${row.p99VsRest.toFixed(2)} | ` +
        `${row.rssPeakMb.toFixed(0)} | ${row.peakVsRest.toFixed(2)} | ${
          Object.entries(row.attackerStatuses)
            .map(([status, n]) => `${n} × ${status === '0' ? 'no answer' : status}`)
            .join(', ') || '—'
        } |`,
    ),
  ];
  say(`\nMemory at rest (RSS median): ${rest.rssMedianMb.toFixed(0)} MB\n`);
  say(table.join('\n'));
  await mkdir(RESULTS, { recursive: true });
  const file = path.join(RESULTS, 'abuse-latest.json');
  const report = {
    at: new Date().toISOString(),
    node: node.version,
    loadAverage: loadavg(),
    durationSeconds: options.duration,
    restRssMb: rest.rssMedianMb,
    phases: rows,
  };
  // Formatted as the repository's other files are, so a new run is a readable diff.
  await writeFile(
    file,
    await prettier.format(JSON.stringify(report), {
      ...(await prettier.resolveConfig(file)),
      parser: 'json',
      filepath: file,
    }),
  );
}

main()
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });
