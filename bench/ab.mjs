/**
 * `node bench/ab.mjs --a <checkout> [--b <checkout>]`: two builds of the API side by side on one
 * seeded database, each against the raw-SQL baseline, to tell whether a change made a read slower.
 *
 *   node bench/ab.mjs --a /path/to/an/older/checkout [--b .] [--rounds 5] [--duration 4]
 *                     [--endpoints list,list-deep] [--projects 100000] [--node 24]
 *                     [--database-url postgres://… (an already seeded, throwaway database)]
 *
 * One run of `npm run bench` puts its ratios within a spread of ±0.05 on a shared machine, which is
 * wider than most changes. Here both builds (each checkout's `apps/api/dist`, built beforehand) run
 * at once with the baseline, and every round loads them in the order A, B, baseline, baseline, B, A
 * (reversed every other round), so drift in the machine's load weighs on all three alike. Each
 * build's ratio to the baseline is taken per round; the result is their medians, and how often B
 * beat A. Seeds with this checkout's `seed:scale` unless given a database (needs this API built).
 * Writes bench/tmp/ab-<time>.json.
 */
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, seededDatabase, settle } from './lib/database.mjs';
import { load1, parseArgs, ROOT, run, say, TMP } from './lib/env.mjs';
import { deepCursor } from './lib/fixtures.mjs';
import { load, summarize } from './lib/load.mjs';
import { DEPLOYED_NODE, nodeBinary } from './lib/node.mjs';
import { signIn, startApi, startBaseline } from './lib/servers.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const { Client } = require('pg');

const options = parseArgs(process.argv.slice(2), {
  a: '',
  b: ROOT,
  rounds: 5,
  duration: 4,
  warmup: 2,
  connections: 10,
  deepPage: 1000,
  endpoints: 'list,list-deep',
  projects: 100000,
  databaseUrl: '',
  postgresPid: 0,
  node: DEPLOYED_NODE,
});
if (!options.a) throw new Error('--a <checkout>: the build to compare with (its apps/api/dist built)');

const ENDPOINTS = {
  list: () => '/api/v1/projects',
  'list-filtered': () => '/api/v1/projects?stage=active&dimension=food&region=002&q=drought',
  'list-deep': (cursor) => `/api/v1/projects?cursor=${encodeURIComponent(cursor)}`,
};
const keys = options.endpoints.split(',').map((key) => key.trim());
for (const key of keys)
  if (!ENDPOINTS[key]) throw new Error(`Unknown endpoint ${key}: choose from ${Object.keys(ENDPOINTS)}`);

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round2 = (value) => Math.round(value * 100) / 100;

const cleanups = [];
async function main() {
  await mkdir(TMP, { recursive: true });
  const database = await seededDatabase({ ...options, run });
  cleanups.push(() => database.stop());
  const db = new Client({ connectionString: database.url, application_name: 'hstf-bench' });
  await db.connect();
  cleanups.push(() => db.end());

  const node = await nodeBinary(options.node);
  const servers = {};
  const roots = { a: path.resolve(options.a), b: path.resolve(options.b) };
  for (const side of ['a', 'b']) {
    const port = await freePort();
    const api = await startApi({
      databaseUrl: database.url,
      port,
      node: node.path,
      root: roots[side],
      name: `api-${side}`,
    });
    cleanups.push(() => api.stop());
    servers[side] = `http://127.0.0.1:${port}`;
  }
  const baselinePort = await freePort();
  const baseline = await startBaseline({ databaseUrl: database.url, port: baselinePort, node: node.path });
  cleanups.push(() => baseline.stop());
  servers.baseline = `http://127.0.0.1:${baselinePort}`;
  const tokens = { a: await signIn(servers.a), b: await signIn(servers.b) };
  tokens.baseline = tokens.b;
  say(`A ${roots.a}\nB ${roots.b}\non Node.js ${node.version}, load average ${load1()}`);

  // Each build walks to the deep page by its own cursors (their format may differ between builds);
  // the baseline reads B's.
  const cursors = {};
  if (keys.includes('list-deep')) {
    for (const side of ['a', 'b'])
      cursors[side] = (await deepCursor(servers[side], tokens[side], options.deepPage)).cursor;
    cursors.baseline = cursors.b;
  }

  const results = {};
  for (const key of keys) {
    const urls = Object.fromEntries(
      ['a', 'b', 'baseline'].map((side) => [side, servers[side] + ENDPOINTS[key](cursors[side])]),
    );
    // Both builds must answer alike, or the comparison is of different work.
    const [bodyA, bodyB] = await Promise.all(
      ['a', 'b'].map((side) =>
        fetch(urls[side], { headers: { authorization: `Bearer ${tokens[side]}` } }).then((r) => r.json()),
      ),
    );
    const ids = (body) => (body.items ?? []).map((item) => item.id).join();
    if (ids(bodyA) !== ids(bodyB)) throw new Error(`${key}: A and B answer different projects`);

    for (const side of ['a', 'b', 'baseline'])
      await load(urls[side], {
        token: tokens[side],
        connections: options.connections,
        duration: options.warmup,
      });
    const rounds = [];
    for (let i = 0; i < options.rounds; i++) {
      const order =
        i % 2 ? ['baseline', 'b', 'a', 'a', 'b', 'baseline'] : ['a', 'b', 'baseline', 'baseline', 'b', 'a'];
      const runs = { a: [], b: [], baseline: [] };
      for (const side of order) {
        await settle(db);
        runs[side].push(
          await load(urls[side], {
            token: tokens[side],
            connections: options.connections,
            duration: options.duration / 2,
          }),
        );
      }
      const rps = Object.fromEntries(
        Object.entries(runs).map(([side, r]) => [side, summarize(r).requestsPerSecond]),
      );
      const round = {
        load1: load1(),
        requestsPerSecond: rps,
        ratioA: round2(rps.a / rps.baseline),
        ratioB: round2(rps.b / rps.baseline),
      };
      rounds.push(round);
      say(
        `   ${key.padEnd(14)} round ${i + 1}: A ${rps.a} req/s (${round.ratioA}), B ${rps.b} (${round.ratioB}), ` +
          `baseline ${rps.baseline}; load ${round.load1}`,
      );
    }
    results[key] = {
      rounds,
      medianRatioA: round2(median(rounds.map((r) => r.ratioA))),
      medianRatioB: round2(median(rounds.map((r) => r.ratioB))),
      roundsBAhead: rounds.filter((r) => r.requestsPerSecond.b > r.requestsPerSecond.a).length,
    };
    say(
      `== ${key}: median ratio A ${results[key].medianRatioA}, B ${results[key].medianRatioB}; ` +
        `B ahead in ${results[key].roundsBAhead} of ${rounds.length} rounds`,
    );
  }
  const file = path.join(TMP, `ab-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    JSON.stringify({ a: roots.a, b: roots.b, node: node.version, options, results }, null, 2),
  );
  say(`wrote ${path.relative(ROOT, file)}`);
}

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
