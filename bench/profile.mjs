/**
 * Where the API spends its CPU on one request: starts the API with --cpu-prof against an already
 * seeded database, loads one path with autocannon, stops the API and sums the profile's self time
 * by package and by function.
 *
 *   node bench/profile.mjs --database-url postgres://… --path /api/v1/projects [--duration 10] [--node 24|20|path]
 *                          [--server api|baseline]
 *
 * `--server baseline` profiles the raw-SQL baseline the same way (signed in through an API started
 * beside it), so the two profiles compare part by part.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './lib/database.mjs';
import { parseArgs, say, TMP } from './lib/env.mjs';
import { load, summarize } from './lib/load.mjs';
import { DEPLOYED_NODE, nodeBinary } from './lib/node.mjs';
import { cpuMsOf, signIn, startApi, startBaseline } from './lib/servers.mjs';

const options = parseArgs(process.argv.slice(2), {
  databaseUrl: '',
  path: '/api/v1/projects',
  duration: 10,
  connections: 10,
  top: 25,
  node: DEPLOYED_NODE,
  server: 'api',
});
if (!options.databaseUrl) throw new Error('--database-url of a seeded database is required');
if (!['api', 'baseline'].includes(options.server)) throw new Error('--server is api or baseline');

const dir = path.join(TMP, 'profile');
await rm(dir, { recursive: true, force: true });
const port = await freePort();
const PROFILE_ARGS = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500'];
const node = await nodeBinary(options.node);
// The baseline has no sign-in of its own: it checks the API's sessions in the same database.
let token;
if (options.server === 'baseline') {
  const signInPort = await freePort();
  const signInApi = await startApi({ node: node.path, databaseUrl: options.databaseUrl, port: signInPort });
  token = await signIn(`http://127.0.0.1:${signInPort}`);
  await signInApi.stop();
}
const profiled = { node: node.path, databaseUrl: options.databaseUrl, port, nodeArgs: PROFILE_ARGS };
const spawnedAt = Date.now();
const api = options.server === 'baseline' ? await startBaseline(profiled) : await startApi(profiled);
const base = `http://127.0.0.1:${port}`;
token ??= await signIn(base);
const url = base + options.path;
await load(url, { token, connections: options.connections, duration: 2 });
const measuredFrom = Date.now() - spawnedAt;
const cpuBefore = await cpuMsOf(api.pid);
const result = summarize([
  await load(url, { token, connections: options.connections, duration: options.duration }),
]);
const cpuPerRequest = ((await cpuMsOf(api.pid)) - cpuBefore) / Math.max(1, result.requests);
await api.stop();
say(
  `${options.server === 'api' ? 'The API' : 'The baseline'} on Node.js ${node.version}, ${options.path}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms; ` +
    `${cpuPerRequest.toFixed(2)} ms of CPU per request (user + system, /proc; the profile below also counts ` +
    `time spent waiting for a core)`,
);

const [file] = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Only the samples of the measured run: start-up and the warm-up are left out (the profile starts
// with the process, a few milliseconds after it was spawned, so the cut is approximate).
const self = new Map();
let at = 0;
const cut = (measuredFrom + 100) * 1000;
const until = cut + options.duration * 1e6;
// The measured window and its request count, for other readings of the same profile.
await writeFile(
  path.join(dir, 'window.json'),
  JSON.stringify({ file, fromMicros: cut, toMicros: until, requests: result.requests }),
);
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i] ?? 0;
  if (at < cut || at > until) continue;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** node_modules/<package>, the API's own code, Node's internals, or what V8 names (GC, idle, program). */
function packageOf(url, name) {
  if (!url) return `(${name.replace(/[()]/g, '') || 'native'})`;
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1];
  if (/\/apps\/api\/dist[^/]*\//.test(url)) return 'apps/api';
  if (url.includes('/libs/domain/')) return '@hstf/domain';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url;
}
const packages = new Map();
const functions = new Map();
for (const [id, time] of self) {
  const node = byId.get(id);
  const { url, functionName, lineNumber } = node.callFrame;
  const pkg = packageOf(url, functionName);
  packages.set(pkg, (packages.get(pkg) ?? 0) + time);
  const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(apps|libs)\//, '$1/')}:${lineNumber + 1}` : ''}`;
  functions.set(key, (functions.get(key) ?? 0) + time);
}
const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)} %`;
const busy = total - (packages.get('(idle)') ?? 0);
say(
  `\nSelf time by package (of ${(total / 1e6).toFixed(1)} s profiled, ${((busy / total) * 100).toFixed(0)} % busy; ` +
    `${(busy / 1e3 / Math.max(1, result.requests)).toFixed(2)} ms of the server's main thread per request):`,
);
for (const [pkg, time] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 20))
  say(`  ${pct(time)}  ${pkg}`);
const GROUPS = [
  // A single string is written to the socket by writeUtf8String, which makes the write syscall itself.
  [
    'kernel write (socket writev, writeUtf8String; includes waiting for a core)',
    (p) => p === '(writev)' || p === '(writeUtf8String)',
  ],
  ['idle', (p) => p === '(idle)'],
  ['garbage collection', (p) => p === '(garbage collector)'],
  [
    'logging (pino and its writers)',
    (p) => /^(pino|pino-http|nestjs-pino|pino-std-serializers|sonic-boom|thread-stream)$/.test(p),
  ],
  ['validation (class-validator, class-transformer)', (p) => /^class-(validator|transformer)$/.test(p)],
  [
    'database client (pg, typeorm)',
    (p) =>
      /^(pg|pg-protocol|pg-types|pg-pool|postgres-array|postgres-date|typeorm|buffer-writer|packet-reader)$/.test(
        p,
      ),
  ],
  [
    'the HTTP layer: Nest, Express or Fastify, and their plugins',
    (p) =>
      /^(@nestjs\/.*|@fastify\/.*|fastify|fastify-plugin|find-my-way|avvio|light-my-request|fast-querystring|fast-decode-uri-component|fast-json-stringify|toad-cache|secure-json-parse|rfdc|process-warning|abstract-logging|ret|safe-regex2|content-disposition|express|router|body-parser|helmet|compression|cookie-parser|on-finished|on-headers|finalhandler|send|serve-static|path-to-regexp|qs|debug|depd|vary|content-type|type-is|accepts|negotiator|mime-types|etag|fresh|parseurl|statuses|cookie|http-errors|iconv-lite|raw-body|rxjs|reflect-metadata|tslib|ms|safe-buffer)$/.test(
        p,
      ),
  ],
  ['the API and libs/domain', (p) => p === 'apps/api' || p === '@hstf/domain'],
  [
    'Node (http, streams, events, buffers)',
    (p) => p.startsWith('node:') || p === '(utf8Slice)' || p === '(readFileUtf8)',
  ],
];
const groups = new Map();
for (const [pkg, time] of packages) {
  const group = GROUPS.find(([, test]) => test(pkg))?.[0] ?? 'other';
  groups.set(group, (groups.get(group) ?? 0) + time);
}
say(`\nBy kind, in ms of main thread per request:`);
for (const [group, time] of [...groups].sort((a, b) => b[1] - a[1]))
  say(`  ${(time / 1e3 / Math.max(1, result.requests)).toFixed(3).padStart(7)} ms ${pct(time)}  ${group}`);

say(`\nTop functions by self time:`);
for (const [fn, time] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, options.top))
  say(`  ${pct(time)}  ${fn}`);
say(`\nProfile: ${path.join(dir, file)} (open it in Chrome DevTools)`);
process.exit(0);
