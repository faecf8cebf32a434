/**
 * `npm run bench`: the API side by side with raw SQL on a seeded portfolio.
 *
 *   npm run bench -- [--projects 100000] [--connections 10] [--duration 8] [--skip-build]
 *                    [--node 24 (default: the image's Node line) | 20 | /path/to/node]
 *                    [--database-url postgres://… (an already seeded, throwaway database)]
 *                    [--tracing-timeout 120 (seconds one donor's tracing may take)]
 *                    [--phases all | reads | endpoints,rate,files,exports,import,tracing]
 *
 * Builds the API, seeds a throwaway embedded PostgreSQL 18 with `seed:scale` (timed: the `seed`
 * phase), starts the API in production mode and the baseline (bench/baseline), then runs the phases
 * asked for, in this order:
 *   endpoints  checks that both answer the same, counts the SQL statements of each request, then
 *              loads both with autocannon, one after the other, the same way;
 *   rate       the list and the overview at a fixed rate, one request every 1/rate s (lib/load.mjs pacedLoad);
 *   files      downloads the IATI file of the whole portfolio;
 *   exports    downloads the whole project list as CSV and Excel;
 *   import     imports 10,000 rows;
 *   tracing    the tracing of the donor with the most receipts.
 * `reads` is endpoints,rate: what a portfolio of millions can be measured by in minutes, where the
 * files and exports grow with it (the IATI file is 381 MB at 100,000 projects).
 * Prints a table and writes it as JSON to bench/results/latest.json when every phase ran on the
 * default 100,000 projects, the committed reference; any other run to
 * bench/results/projects-<N>.json (or `--output <file>`), so that reference stays as it was.
 */
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { differences } from './lib/compare.mjs';
import { freePort, seededDatabase, settle } from './lib/database.mjs';
import { load1, parseArgs, RESULTS, ROOT, run, say, sleep, TMP } from './lib/env.mjs';
import { deepCursor, prepare } from './lib/fixtures.mjs';
import { load, pacedLoad, summarize } from './lib/load.mjs';
import { DEPLOYED_NODE, nodeBinary } from './lib/node.mjs';
import { cpuMsOf, memoryOf, postgresCpuMs, signIn, startApi, startBaseline } from './lib/servers.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const { Client } = require('pg');
const prettier = require('prettier');

const options = parseArgs(process.argv.slice(2), {
  projects: 100000,
  connections: 10,
  duration: 8,
  warmup: 2,
  samples: 10,
  rate: 200,
  rateDuration: 30,
  rateConnections: 20,
  deepPage: 1000,
  tracingTimeout: 120,
  skipBuild: false,
  databaseUrl: '',
  postgresPid: 0,
  node: DEPLOYED_NODE,
  phases: 'all',
  output: '',
});

const PHASES = ['endpoints', 'rate', 'files', 'exports', 'import', 'tracing'];
const PHASE_SETS = { all: PHASES, reads: ['endpoints', 'rate'] };
const phases = new Set(
  options.phases
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .flatMap((name) => {
      if (PHASE_SETS[name]) return PHASE_SETS[name];
      if (!PHASES.includes(name))
        throw new Error(`Unknown phase ${name}: choose from all, reads, ${PHASES.join(', ')}`);
      return [name];
    }),
);
const DEFAULT_PROJECTS = 100000;
const runsEverything = PHASES.every((phase) => phases.has(phase));
const outputFile = options.output
  ? path.resolve(options.output)
  : path.join(
      RESULTS,
      options.projects === DEFAULT_PROJECTS && runsEverything && !options.databaseUrl
        ? 'latest.json'
        : `projects-${options.projects}.json`,
    );

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const loads = [];
const noteLoad = (phase) => loads.push({ phase, at: elapsed(), load1: load1() });
const cleanups = [];

async function main() {
  await mkdir(TMP, { recursive: true });
  say(
    `HSTF Portfolio bench: ${options.projects} projects, phases ${[...phases].join(', ')}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  noteLoad('start');

  if (!options.skipBuild) {
    say('\n== Building the API');
    await run('npm', ['run', 'build', '-w', '@hstf/domain', '-w', '@hstf/api']);
  }

  if (!options.databaseUrl) say('\n== Starting a throwaway PostgreSQL and seeding it');
  const seedStarted = Date.now();
  const database = await seededDatabase({ ...options, run });
  cleanups.push(() => database.stop());
  // Seeding, vacuuming and analysing included; null when the database was given already seeded.
  const seed = options.databaseUrl
    ? null
    : { projects: options.projects, seconds: Math.round((Date.now() - seedStarted) / 1000) };
  const databaseUrl = database.url;
  const postmasterPid = database.postmasterPid;
  noteLoad('seeded');
  if (seed) say(`   seeded ${seed.projects} projects in ${seed.seconds} s`);
  const db = new Client({ connectionString: databaseUrl, application_name: 'hstf-bench' });
  await db.connect();
  cleanups.push(() => db.end());
  const fixtures = await prepare(db);
  const { rows: sizeRows } = await db.query(
    `SELECT (SELECT count(*) FROM projects WHERE deleted_at IS NULL)::int AS projects,
            pg_size_pretty(pg_database_size(current_database())) AS size,
            round(pg_database_size(current_database()) / 1048576.0)::int AS "sizeMb", version() AS version`,
  );
  const portfolio = sizeRows[0];
  // The seeded shape per project, so that runs at different sizes can be seen to compare like with like.
  const { rows: shapeRows } = await db.query(
    `SELECT round((SELECT count(*) FROM project_countries)::numeric / p.n, 3)::float8 AS countries,
            round((SELECT count(*) FROM project_organizations)::numeric / p.n, 3)::float8 AS organizations,
            round((SELECT count(*) FROM consent_records)::numeric / p.n, 3)::float8 AS consents,
            round((SELECT count(*) FROM alignments)::numeric / p.n, 3)::float8 AS alignments,
            round((SELECT count(*) FROM transfers)::numeric / p.n, 3)::float8 AS transfers,
            round((SELECT count(*) FROM contributions)::numeric / p.n, 3)::float8 AS contributions,
            (SELECT count(*) FROM donors)::int AS donors,
            (SELECT count(DISTINCT country_iso3) FROM project_countries)::int AS "distinctCountries"
     FROM (SELECT greatest(count(*), 1) AS n FROM projects) p`,
  );
  const shape = shapeRows[0];
  say(
    `   ${portfolio.projects} projects, ${portfolio.size}; per project: ${shape.countries} countries, ` +
      `${shape.consents} consents, ${shape.alignments} alignments, ${shape.transfers} transfers, ` +
      `${shape.contributions} contributions (${shape.donors} donors)`,
  );

  // Both servers on the Node the API is deployed on (or the one chosen), so the ratio compares code.
  const node = await nodeBinary(options.node);
  say(`\n== Starting the API (production mode) and the baseline on Node.js ${node.version}`);
  const apiPort = await freePort();
  const api = await startApi({ databaseUrl, port: apiPort, node: node.path });
  cleanups.push(() => api.stop());
  const baselinePort = await freePort();
  const baseline = await startBaseline({ databaseUrl, port: baselinePort, node: node.path });
  cleanups.push(() => baseline.stop());
  const servers = { api: `http://127.0.0.1:${apiPort}`, baseline: `http://127.0.0.1:${baselinePort}` };
  const pids = { api: api.pid, baseline: baseline.pid };
  const token = await signIn(servers.api);

  // API memory: sampled all along; the peak of each phase, and the process's own high-water mark.
  let phasePeak = 0;
  const sampler = setInterval(() => {
    void memoryOf(api.pid).then(({ rssMb }) => (phasePeak = Math.max(phasePeak, rssMb || 0)));
  }, 200);
  cleanups.push(() => clearInterval(sampler));

  // Only the measured endpoints ask for the deep page; without them the list's first page stands in.
  let deep = { cursor: null, page: 1, seconds: 0 };
  if (phases.has('endpoints')) {
    say(`\n== Walking the project list to page ${options.deepPage} for its cursor`);
    deep = await deepCursor(servers.api, token, options.deepPage);
    say(`   page ${deep.page} reached in ${deep.seconds.toFixed(1)} s`);
  }

  const id3 = fixtures.threeCountry.id;
  const endpoints = [
    { key: 'list', label: 'list, first page', path: '/api/v1/projects', apiOnly: ['paragraph6'] },
    {
      key: 'list-filtered',
      label: 'list, 3 filters + text',
      path: '/api/v1/projects?stage=active&dimension=food&region=002&q=drought',
      apiOnly: ['paragraph6'],
    },
    {
      key: 'list-deep',
      label: `list, page ${deep.page} (cursor)`,
      path: `/api/v1/projects${deep.cursor ? `?cursor=${encodeURIComponent(deep.cursor)}` : ''}`,
      apiOnly: ['paragraph6'],
    },
    { key: 'detail', label: 'project (3 countries)', path: `/api/v1/projects/${id3}` },
    { key: 'consents', label: 'its consents', path: `/api/v1/projects/${id3}/consents` },
    { key: 'alignments', label: 'its alignments', path: `/api/v1/projects/${id3}/alignments` },
    { key: 'compliance', label: 'compliance (3 countries)', path: `/api/v1/projects/${id3}/compliance` },
    fixtures.proposal
      ? {
          key: 'assessment',
          label: 'assessment (reviewed)',
          path: `/api/v1/projects/${fixtures.proposal.id}/assessment`,
        }
      : { key: 'assessment', label: 'assessment (reviewed)', path: null },
    { key: 'overview', label: 'dashboard overview', path: '/api/v1/dashboard/overview' },
    { key: 'alerts', label: 'alerts', path: '/api/v1/alerts' },
    { key: 'ledger', label: 'fund ledger', path: '/api/v1/fund/ledger' },
  ];

  say('\n== Checking that the API and the baseline give the same answers');
  for (const endpoint of endpoints) {
    endpoint.api = { available: false };
    endpoint.baseline = { available: false };
    if (!endpoint.path) continue;
    const bodies = {};
    for (const side of ['api', 'baseline']) {
      const response = await fetch(servers[side] + endpoint.path, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      endpoint[side] = {
        available: response.status === 200,
        status: response.status,
        bytes: Buffer.byteLength(text),
      };
      if (response.status === 200) bodies[side] = JSON.parse(text);
    }
    if (bodies.api && bodies.baseline) {
      // The overview carries the time it was computed.
      delete bodies.api.generatedAt;
      delete bodies.baseline.generatedAt;
      // The list's paragraph 6 status per row is the API's extra work: the baseline does not judge
      // it, so the comparison leaves it out and the result says so (the ratio is the harder for it).
      if (endpoint.apiOnly) {
        for (const item of bodies.api.items ?? []) for (const field of endpoint.apiOnly) delete item[field];
      }
      endpoint.differences = differences(bodies.api, bodies.baseline);
    }
    say(
      `   ${endpoint.label.padEnd(26)} API ${endpoint.api.status ?? '—'}, baseline ${endpoint.baseline.status ?? '—'}` +
        (endpoint.differences
          ? endpoint.differences.length
            ? `: DIFFERENT ${endpoint.differences.join('; ')}`
            : ': same'
          : ''),
    );
  }

  if (phases.has('endpoints')) {
    say(
      `\n== Counting SQL statements per request (pg_stat_statements, ${options.samples} requests one at a time)`,
    );
    for (const endpoint of endpoints) {
      // Where the API gives no answer there is nothing to compare, and the baseline alone can take
      // minutes a request on a large portfolio (the overview's, 69 s at 1,000,000 projects).
      if (!endpoint.api.available) continue;
      for (const side of ['api', 'baseline']) {
        if (!endpoint[side].available) continue;
        await db.query('SELECT pg_stat_statements_reset()');
        const times = [];
        // Statement counts do not vary: three requests are enough for an endpoint slower than 200 ms.
        let samples = options.samples;
        for (let i = 0; i < samples; i++) {
          if (i === 1 && times[0] > 200) samples = Math.min(samples, 3);
          const t0 = performance.now();
          const response = await fetch(servers[side] + endpoint.path, {
            headers: { authorization: `Bearer ${token}` },
          });
          await response.arrayBuffer();
          times.push(performance.now() - t0);
        }
        const { rows } = await db.query(
          `SELECT coalesce(sum(calls), 0)::float8 AS calls,
                coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START|SET TRANSACTION|SAVEPOINT|RELEASE)'), 0)::float8 AS control,
                coalesce(sum(total_exec_time), 0)::float8 AS ms, coalesce(sum(total_plan_time), 0)::float8 AS plan_ms
         FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND query !~* 'pg_stat_statements'
           -- The job queue polls every few seconds: not the request's, however slow the request.
           AND query !~ 'pgboss\\.'`,
        );
        times.sort((a, b) => a - b);
        Object.assign(endpoint[side], {
          statements: rows[0].calls / samples,
          transactionControl: rows[0].control / samples,
          // Planning (pg_stat_statements.track_planning is on) and execution.
          dbMsPerRequest: Math.round(((rows[0].ms + rows[0].plan_ms) / samples) * 10) / 10,
          planMsPerRequest: Math.round((rows[0].plan_ms / samples) * 10) / 10,
          samples,
          unloadedMedianMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
        });
      }
      if (endpoint.api.available)
        say(
          `   ${endpoint.label.padEnd(26)} API ${endpoint.api.statements} statements (${endpoint.api.transactionControl} BEGIN/COMMIT/SET), ` +
            `${endpoint.api.dbMsPerRequest} ms in PostgreSQL; baseline ${endpoint.baseline.statements ?? '—'}, ${endpoint.baseline.dbMsPerRequest ?? '—'} ms`,
        );
    }

    say(
      `\n== Load: autocannon, ${options.connections} connections, the same requests to the API and the baseline in turn ` +
        `(API, baseline, baseline, API: ${options.duration / 2} s each, after a ${options.warmup} s warm-up of each; ` +
        `endpoints slower than 100 ms: ${Math.round(options.connections * 1.5)} requests per turn instead)`,
    );
    for (const endpoint of endpoints) {
      if (!endpoint.api.available) continue;
      const sides = ['api', 'baseline'].filter((side) => endpoint[side].available);
      const slow = sides.some((side) => endpoint[side].unloadedMedianMs > 100);
      const settings = { token, connections: options.connections };
      const turn = slow
        ? { amount: Math.round(options.connections * 1.5) }
        : { duration: options.duration / 2 };
      const runs = { api: [], baseline: [] };
      const cpu = { api: { node: 0, postgres: 0 }, baseline: { node: 0, postgres: 0 } };
      const peaks = [];
      for (const side of sides) {
        await load(servers[side] + endpoint.path, {
          ...settings,
          ...(slow ? { amount: options.connections } : { duration: options.warmup }),
        });
        await settle(db);
      }
      // A B B A: a drift in the machine's load (other work on the same cores) weighs on both alike.
      for (const side of ['api', 'baseline', 'baseline', 'api'].filter((s) => sides.includes(s))) {
        endpoint[side].load1Before ??= load1();
        phasePeak = 0;
        const before = { node: await cpuMsOf(pids[side]), postgres: await postgresCpuMs(postmasterPid) };
        runs[side].push(await load(servers[side] + endpoint.path, { ...settings, ...turn }));
        await settle(db);
        cpu[side].node += (await cpuMsOf(pids[side])) - before.node;
        cpu[side].postgres += (await postgresCpuMs(postmasterPid)) - before.postgres;
        if (side === 'api') peaks.push(phasePeak);
      }
      for (const side of sides) {
        endpoint[side].load = summarize(runs[side]);
        // CPU (user + system, from /proc) per request answered: the server's process, and PostgreSQL's.
        const answered = Math.max(1, endpoint[side].load.requests);
        endpoint[side].cpuMsPerRequest = {
          node: Math.round((cpu[side].node / answered) * 100) / 100,
          postgres: postmasterPid ? Math.round((cpu[side].postgres / answered) * 100) / 100 : null,
        };
      }
      if (endpoint.api.available) endpoint.api.peakRssMb = Math.round(Math.max(...peaks));
      endpoint.mode = slow ? `${turn.amount} requests per turn` : `${turn.duration} s per turn`;
      noteLoad(endpoint.key);
      const { api: a, baseline: b } = endpoint;
      if (a.load && b.load?.requestsPerSecond)
        endpoint.ratio = Math.round((a.load.requestsPerSecond / b.load.requestsPerSecond) * 100) / 100;
      say(
        `   ${endpoint.label.padEnd(26)} API ${a.load ? `${a.load.requestsPerSecond} req/s p99 ${a.load.p99} ms` : 'not available'}` +
          ` | baseline ${b.load ? `${b.load.requestsPerSecond} req/s p99 ${b.load.p99} ms` : 'not available'}` +
          (endpoint.ratio !== undefined ? ` | ratio ${endpoint.ratio}` : ''),
      );
    }
  }

  const fixedRate = [];
  say(
    `\n== Fixed rate: ${options.rate} requests/s, evenly spaced, for ${options.rateDuration} s (at most ${options.rateConnections} connections), API`,
  );
  if (phases.has('rate')) {
    for (const key of ['list', 'overview']) {
      const endpoint = endpoints.find((e) => e.key === key);
      if (!endpoint.api.available) {
        fixedRate.push({ key, label: endpoint.label, available: false });
        continue;
      }
      phasePeak = 0;
      const load1Before = load1();
      const result = summarize([
        await pacedLoad(servers.api + endpoint.path, {
          token,
          connections: options.rateConnections,
          duration: options.rateDuration,
          rate: options.rate,
        }),
      ]);
      fixedRate.push({
        key,
        label: endpoint.label,
        available: true,
        load1Before,
        peakRssMb: Math.round(phasePeak),
        ...result,
      });
      await settle(db);
      noteLoad(`fixed-rate ${key}`);
      say(
        `   ${endpoint.label.padEnd(26)} ${result.requestsPerSecond} req/s achieved, p95 ${result.p95} ms, p99 ${result.p99} ms, errors ${result.errors}`,
      );
    }
  }

  const files = [];
  say('\n== Public files: the IATI activities file of the whole portfolio, downloaded once');
  if (phases.has('files')) {
    for (const file of [
      { key: 'iati-activities', label: 'IATI activities (XML)', path: '/api/v1/iati/activities.xml' },
    ]) {
      phasePeak = 0;
      const measured = await download(servers.api + file.path, { count: '<iati-activity ' });
      files.push({ ...file, ...measured, activities: measured.counted, peakRssMb: Math.round(phasePeak) });
      noteLoad(file.key);
      say(
        `   ${file.label.padEnd(26)} ${measured.status}: ${measured.counted} activities, ` +
          `${(measured.bytes / 1024 / 1024).toFixed(1)} MB in ${measured.seconds} s (first byte ${measured.firstByteSeconds} s), API peak RSS ${Math.round(phasePeak)} MB`,
      );
    }
  }

  const exports = [];
  say(
    `\n== Exports: every project (${portfolio.projects}) as CSV and as Excel, signed in as staff, downloaded once each`,
  );
  if (phases.has('exports')) {
    for (const format of ['csv', 'xlsx']) {
      // The API's resident memory before the download, so the peak shows what the export itself adds.
      const rssBeforeMb = Math.round((await memoryOf(api.pid)).rssMb);
      phasePeak = 0;
      const measured = await download(`${servers.api}/api/v1/projects?format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
        // Line ends: the header and one per project, plus any line break quoted inside a cell.
        count: format === 'csv' ? '\n' : null,
      });
      const entry = {
        key: `projects-${format}`,
        label: `projects export (${format.toUpperCase()})`,
        path: `/api/v1/projects?format=${format}`,
        status: measured.status,
        bytes: measured.bytes,
        lines: format === 'csv' ? measured.counted : null,
        seconds: measured.seconds,
        firstByteSeconds: measured.firstByteSeconds,
        rssBeforeMb,
        peakRssMb: Math.round(phasePeak),
      };
      exports.push(entry);
      await settle(db);
      noteLoad(entry.key);
      say(
        `   ${entry.label.padEnd(26)} ${entry.status}: ${(entry.bytes / 1024 / 1024).toFixed(1)} MB` +
          (entry.lines !== null ? `, ${entry.lines} lines` : '') +
          ` in ${entry.seconds} s (first byte ${entry.firstByteSeconds} s), API RSS ${rssBeforeMb} MB before, peak ${entry.peakRssMb} MB`,
      );
    }
  }

  let bulkImport = null;
  if (phases.has('import')) {
    say(
      '\n== Bulk import: 10,000 national strategies from CSV, checked (dry run) then written, in the background',
    );
    phasePeak = 0;
    bulkImport = { rows: 10_000, ...(await importBench(servers.api, token, 10_000)), peakRssMb: 0 };
    bulkImport.peakRssMb = Math.round(phasePeak);
    noteLoad('import');
    say(
      `   dry run ${bulkImport.checkSeconds} s (${bulkImport.checkStatus}), write ${bulkImport.writeSeconds} s (${bulkImport.writeStatus}), API peak RSS ${bulkImport.peakRssMb} MB`,
    );
  }

  let tracing = null;
  if (phases.has('tracing')) {
    // Last: tracing replays every receipt and approval in the API's process, so a slow answer holds the
    // event loop and would distort whatever is measured after it.
    say(
      `\n== Donor tracing: the donor with the most receipts, one request at a time (at most ${options.tracingTimeout} s each)`,
    );
    phasePeak = 0;
    tracing = await tracingBench(db, servers.api, token);
    tracing.peakRssMb = Math.round(phasePeak);
    noteLoad('tracing');
    say(
      `   ${tracing.receipts} receipts, ${tracing.approvals} approvals, ${tracing.returns} returns: ` +
        (tracing.api.timedOut
          ? `API no answer within ${options.tracingTimeout} s`
          : `API ${tracing.api.status} median ${tracing.api.medianMs} ms (${tracing.api.samples} requests)`) +
        ` | baseline (reading what tracing replays, one statement) median ${tracing.baseline.medianMs} ms, ` +
        `${(tracing.baseline.bytes / 1024).toFixed(0)} KB | API peak RSS ${tracing.peakRssMb} MB`,
    );
  }
  const memory = await memoryOf(api.pid);
  const report = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: (await import('node:os')).cpus().length,
      node: node.version,
      benchNode: process.version,
      postgres: portfolio.version.split(' on ')[0],
    },
    phases: PHASES.filter((phase) => phases.has(phase)),
    seed,
    portfolio: {
      projects: portfolio.projects,
      databaseSize: portfolio.size,
      databaseSizeMb: portfolio.sizeMb,
      perProject: shape,
    },
    settings: {
      connections: options.connections,
      warmupSeconds: options.warmup,
      durationSeconds: options.duration,
      statementSamples: options.samples,
      fixedRate: { rate: options.rate, seconds: options.rateDuration, connections: options.rateConnections },
      apiPoolMax: 10,
      baselinePoolMax: 10,
    },
    endpoints: endpoints.map(
      ({ key, label, path: url, api: a, baseline: b, ratio, differences: diff, mode, apiOnly }) => ({
        key,
        label,
        mode: mode ?? null,
        path: url?.replace(/cursor=[^&]+/, 'cursor=…') ?? null,
        ratio: ratio ?? null,
        sameAnswer: diff ? diff.length === 0 : null,
        apiOnlyFields: apiOnly ?? [],
        differences: diff ?? null,
        api: a,
        baseline: b,
      }),
    ),
    fixedRate,
    files,
    exports,
    bulkImport,
    tracing,
    apiMemory: { peakMb: Math.round(memory.hwmMb), endRssMb: Math.round(memory.rssMb) },
    loadAverage: loads,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  report.targets = targets(report);
  printTable(report);

  const file = outputFile;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    await prettier.format(JSON.stringify(report), {
      ...(await prettier.resolveConfig(file)),
      parser: 'json',
      filepath: file,
    }),
  );
  say(`\nWritten to ${path.relative(ROOT, file)}. Total ${elapsed()}.`);
}

/**
 * GET /api/v1/donors/:id/tracing for the donor with the most receipts, timed unloaded (three requests,
 * or one when it takes over 10 s; none more once one times out), beside the raw-SQL baseline of
 * reading every row the replay needs as JSON in one statement. The API's answer is worked out in
 * Node from those rows, so the baseline is the floor of what the database must hand over, not the
 * same answer.
 */
async function tracingBench(db, baseUrl, token) {
  const {
    rows: [sizes],
  } = await db.query(
    `SELECT (SELECT donor_id FROM contributions GROUP BY donor_id ORDER BY count(*) DESC, donor_id LIMIT 1) AS donor,
            (SELECT count(*) FROM contribution_receipts)::int AS receipts,
            (SELECT count(*) FROM projects WHERE approved_budget IS NOT NULL AND deleted_at IS NULL
               AND stage IN ('approved', 'active', 'suspended', 'completed', 'closed'))::int AS approvals,
            (SELECT count(*) FROM transfers WHERE kind <> 'transfer')::int
              + (SELECT count(*) FROM projects WHERE stage IN ('completed', 'closed'))::int AS returns`,
  );
  const median = (times) => Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)] * 10) / 10;
  const api = { samples: 0, timedOut: false, status: null, medianMs: null };
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/v1/donors/${sizes.donor}/tracing`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(options.tracingTimeout * 1000),
      });
      await response.arrayBuffer();
      api.status = response.status;
    } catch (error) {
      if (error.name !== 'TimeoutError') throw error;
      api.timedOut = true;
      break;
    }
    times.push(performance.now() - t0);
    api.samples += 1;
    if (times[0] > 10_000) break;
  }
  if (times.length) api.medianMs = median(times);
  const baselineTimes = [];
  let bytes = 0;
  // Imported here, not at the top: the queries read @hstf/domain's build, which the run makes first.
  const { TRACING_INPUT_SQL } = await import('./baseline/queries.mjs');
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { rows } = await db.query({ name: 'bench-tracing-input', text: TRACING_INPUT_SQL, values: [] });
    baselineTimes.push(performance.now() - t0);
    bytes = Buffer.byteLength(rows[0].input);
  }
  return {
    donorId: sizes.donor,
    receipts: sizes.receipts,
    approvals: sizes.approvals,
    returns: sizes.returns,
    api,
    baseline: { samples: baselineTimes.length, medianMs: median(baselineTimes), bytes },
  };
}

/**
 * Uploads a CSV of `rows` national strategies to the import, waits for its dry run, confirms it and
 * waits for the write: the seconds of each pass as the staff member sees them (upload to result).
 */
async function importBench(baseUrl, token, rows) {
  const auth = { authorization: `Bearer ${token}` };
  const lines = ['Country,Title,Period from,Period to,Priority areas'];
  for (let n = 0; n < rows; n += 1) lines.push(`KEN,Bench plan ${n},2020-01-01,2030-12-31,Health; Food`);
  const form = new FormData();
  form.append('kind', 'strategies');
  form.append('file', new Blob([lines.join('\r\n')], { type: 'text/csv' }), 'strategies.csv');
  const waitFor = async (id, status) => {
    for (let polls = 0; polls < 1800; polls += 1) {
      const body = await (await fetch(`${baseUrl}/api/v1/imports/${id}`, { headers: auth })).json();
      if (body.status === status || body.status === 'failed') return body;
      await sleep(500);
    }
    return { status: 'timed out' };
  };
  const t0 = performance.now();
  const uploaded = await fetch(`${baseUrl}/api/v1/imports`, { method: 'POST', headers: auth, body: form });
  if (uploaded.status !== 201) return { checkStatus: `upload answered ${uploaded.status}` };
  const checked = await waitFor((await uploaded.json()).id, 'checked');
  const checkSeconds = Math.round((performance.now() - t0) / 100) / 10;
  if (checked.status !== 'checked' || checked.errorCount > 0)
    return { checkSeconds, checkStatus: checked.status };
  const t1 = performance.now();
  const confirmed = await fetch(`${baseUrl}/api/v1/imports/${checked.id}/confirm`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ version: checked.version }),
  });
  const written = confirmed.ok
    ? await waitFor(checked.id, 'imported')
    : { status: `confirm answered ${confirmed.status}` };
  return {
    checkSeconds,
    checkStatus: checked.status,
    writeSeconds: Math.round((performance.now() - t1) / 100) / 10,
    writeStatus: written.status,
  };
}

/**
 * Downloads a file to the end without keeping it: its time, time to first byte, size, and how many
 * times `count` occurs in it (counted across chunk boundaries; null: a binary file, not counted).
 */
async function download(url, { headers = {}, count = null } = {}) {
  const t0 = performance.now();
  const response = await fetch(url, { headers });
  let firstByte = null;
  let bytes = 0;
  let counted = 0;
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    firstByte ??= performance.now();
    bytes += chunk.byteLength;
    if (count === null) continue;
    const text = tail + decoder.decode(chunk, { stream: true });
    counted += text.split(count).length - 1;
    // Keep what could be the start of the next occurrence, too short to hold one already counted.
    tail = count.length > 1 ? text.slice(-(count.length - 1)) : '';
  }
  const seconds = (from) => Math.round((performance.now() - from) / 100) / 10;
  return {
    status: response.status,
    bytes,
    counted: count === null ? null : counted,
    seconds: seconds(t0),
    firstByteSeconds: firstByte === null ? null : Math.round((firstByte - t0) / 100) / 10,
  };
}

const byKey = (report, key) => report.endpoints.find((e) => e.key === key);

function targets(report) {
  const out = [];
  for (const e of report.phases.includes('endpoints') ? report.endpoints : []) {
    if (e.ratio === null) {
      out.push({ target: `${e.label}: ≥ 0.5× baseline req/s`, met: null, value: 'not available' });
      continue;
    }
    const floor = ['list', 'list-filtered', 'list-deep', 'detail'].includes(e.key) ? 0.7 : 0.5;
    out.push({
      target: `${e.label}: ≥ ${floor}× baseline req/s`,
      met: e.ratio >= floor,
      value: `${e.ratio}×`,
    });
  }
  for (const f of report.fixedRate) {
    if (!f.available) continue;
    out.push({
      target: `${f.label} at ${report.settings.fixedRate.rate} req/s: p99 ≤ 50 ms, no errors`,
      met:
        f.p99 !== null &&
        f.p99 <= 50 &&
        f.errors === 0 &&
        f.requestsPerSecond >= report.settings.fixedRate.rate * 0.97,
      value: `${f.requestsPerSecond} req/s, p99 ${f.p99} ms, ${f.errors} errors`,
    });
  }
  const first = byKey(report, 'list');
  const deep = byKey(report, 'list-deep');
  if (first.api.load && deep.api.load)
    out.push({
      target: 'deep page p50 ≤ 1.5× first page p50',
      met: deep.api.load.p50 !== null && deep.api.load.p50 <= 1.5 * first.api.load.p50,
      value: `${deep.api.load.p50} ms vs ${first.api.load.p50} ms (unloaded ${deep.api.unloadedMedianMs} vs ${first.api.unloadedMedianMs} ms)`,
    });
  const overview = report.fixedRate.find((f) => f.key === 'overview');
  if (overview?.available)
    out.push({
      target: `overview p95 ≤ 50 ms (at ${report.settings.fixedRate.rate} req/s)`,
      met: overview.p95 !== null && overview.p95 <= 50,
      value: `${overview.p95} ms (unloaded median ${byKey(report, 'overview').api.unloadedMedianMs} ms)`,
    });
  out.push({
    target: 'API peak memory ≤ 300 MB',
    met: report.apiMemory.peakMb <= 300,
    value: `${report.apiMemory.peakMb} MB`,
  });
  return out;
}

function printTable(report) {
  const cols = [
    ['endpoint', 26],
    ['API r/s', 7],
    ['base r/s', 8],
    ['ratio', 5],
    ['API p50/p95/p99', 18],
    ['base p50/p99', 13],
    ['SQL/req', 7],
    ['DB ms', 11],
    ['API CPU ms', 10],
    ['base CPU ms', 11],
    ['RSS', 4],
    ['KB', 10],
    ['same', 4],
  ];
  const line = (cells) => cells.map((c, i) => String(c ?? '—').padEnd(cols[i][1])).join(' ');
  const n = (v) =>
    v === null || v === undefined
      ? '—'
      : Number.isInteger(v)
        ? v
        : v < 10
          ? v.toFixed(2).replace(/0$/, '')
          : v.toFixed(0);
  const cpu = (c) => (c ? `${n(c.node)}+${n(c.postgres)}` : '—');
  say('\n' + line(cols.map((c) => c[0])));
  for (const e of report.endpoints) {
    const a = e.api.load;
    const b = e.baseline.load;
    say(
      line([
        e.label,
        a ? n(a.requestsPerSecond) : 'n/a',
        b ? n(b.requestsPerSecond) : '—',
        e.ratio ?? '—',
        a
          ? `${n(a.p50)}/${n(a.p95)}/${n(a.p99)}`
          : e.api.status
            ? `not available (${e.api.status})`
            : 'not available',
        b ? `${n(b.p50)}/${n(b.p99)}` : '—',
        e.api.statements !== undefined ? `${n(e.api.statements)}·${n(e.baseline.statements)}` : '—',
        e.api.dbMsPerRequest !== undefined
          ? `${n(e.api.dbMsPerRequest)}·${n(e.baseline.dbMsPerRequest)}`
          : '—',
        cpu(e.api.cpuMsPerRequest),
        cpu(e.baseline.cpuMsPerRequest),
        e.api.peakRssMb,
        e.api.bytes ? `${(e.api.bytes / 1024).toFixed(1)}·${(e.baseline.bytes / 1024).toFixed(1)}` : '—',
        e.sameAnswer === null ? '—' : e.sameAnswer ? 'yes' : 'NO',
      ]),
    );
  }
  say(
    '\nr/s: answered requests/s; latencies in ms under load; SQL/req: statements per request, API·baseline ' +
      '(pg_stat_statements calls, BEGIN/COMMIT/SET included); DB ms: their planning + execution time per request, ' +
      'one request at a time; CPU ms: user+system CPU per request under load, the server process + PostgreSQL ' +
      "(/proc); RSS: the API's peak resident MB under that load; KB: body size, API·baseline; same: same JSON.",
  );
  if (report.fixedRate.length)
    say(
      `\nFixed rate (${report.settings.fixedRate.rate} req/s, ${report.settings.fixedRate.seconds} s), API:`,
    );
  for (const f of report.fixedRate)
    say(
      f.available
        ? `  ${f.label.padEnd(26)} ${n(f.requestsPerSecond)} req/s achieved, p50 ${n(f.p50)} ms, p95 ${n(f.p95)} ms, p99 ${n(f.p99)} ms, ${f.errors} errors`
        : `  ${f.label.padEnd(26)} not available`,
    );
  if (report.tracing) {
    const tr = report.tracing;
    say(
      `\nDonor tracing (${tr.receipts} receipts, ${tr.approvals} approvals): API ` +
        (tr.api.timedOut ? `no answer within ${options.tracingTimeout} s` : `${tr.api.medianMs} ms`) +
        `, baseline reading its rows ${tr.baseline.medianMs} ms`,
    );
  }
  if (report.files.length) say('\nPublic files, API, downloaded once:');
  for (const f of report.files)
    say(
      `  ${f.label.padEnd(26)} ${f.activities} activities, ${(f.bytes / 1024 / 1024).toFixed(1)} MB, ${f.seconds} s (first byte ${f.firstByteSeconds} s), peak RSS ${f.peakRssMb} MB`,
    );
  if (report.exports.length) say('\nExports of the whole project list, API, downloaded once:');
  for (const e of report.exports)
    say(
      `  ${e.label.padEnd(26)} ${e.status}, ${(e.bytes / 1024 / 1024).toFixed(1)} MB${e.lines !== null ? ` (${e.lines} lines)` : ''}, ` +
        `${e.seconds} s (first byte ${e.firstByteSeconds} s), RSS ${e.rssBeforeMb} MB before, peak ${e.peakRssMb} MB`,
    );
  if (report.bulkImport)
    say(
      `\nBulk import of ${report.bulkImport.rows} rows: dry run ${report.bulkImport.checkSeconds} s, write ${report.bulkImport.writeSeconds} s`,
    );
  if (report.seed)
    say(
      `\nSeed: ${report.seed.projects} projects in ${report.seed.seconds} s; database ${report.portfolio.databaseSize}.`,
    );
  say(
    `\nAPI peak memory (VmHWM): ${report.apiMemory.peakMb} MB. Load average (1 min) during the run: ${report.loadAverage.map((l) => l.load1).join(', ')}.`,
  );
  say('\nTargets:');
  for (const t of report.targets)
    say(`  ${t.met === null ? '—   ' : t.met ? 'met ' : 'MISS'} ${t.target}: ${t.value}`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  process.stderr.write(`\nbench failed: ${error.stack ?? error}\n`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  await sleep(100);
  process.exit(exitCode);
}
