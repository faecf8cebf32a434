/**
 * `npm run bench:web`: the dashboard's weight and its Lighthouse scores.
 *
 *   npm run bench:web -- [--projects 100000] [--skip-build] [--database-url postgres://… (seeded, throwaway)]
 *                        [--web-dist <a built dashboard>] [--form-factors mobile,desktop]
 *                        [--pages sign-in,overview,project,public]
 *
 * Builds the app (domain, API client, API, web), prints each chunk's gzip size, seeds a throwaway
 * PostgreSQL, starts the API serving the built dashboard in production mode, and runs Lighthouse
 * (the npm package, in Debian's chromium: no browser is downloaded) on the sign-in page, on the
 * overview and on a project's page (three countries, transfers, reviews) signed in as staff, with
 * Lighthouse's default mobile settings (simulated slow 4G and a 4× slower CPU) and with its desktop
 * preset, and on the Fund's public page (/fund, no sign-in) with the mobile settings. Writes bench/results/web-latest.json.
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import pg from 'pg';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { freePort, seededDatabase } from './lib/database.mjs';
import { load1, parseArgs, RESULTS, ROOT, run, say, TMP } from './lib/env.mjs';
import { signIn, startApi } from './lib/servers.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const prettier = require('prettier');

const options = parseArgs(process.argv.slice(2), {
  projects: 100000,
  skipBuild: false,
  databaseUrl: '',
  postgresPid: 0,
  chrome: process.env.CHROME_PATH || '/usr/bin/chromium',
  // A dashboard built elsewhere (`vite build --outDir …`), measured instead of building apps/web/dist.
  webDist: '',
  formFactors: 'mobile,desktop',
  // Only the pages whose name contains one of these words (`--pages fund`), each run this many times
  // (`--runs 3`): a change to one page is measured several times in the same conditions.
  pages: '',
  runs: 1,
});
const BUILT = options.webDist ? path.resolve(options.webDist) : path.join(ROOT, 'apps/web/dist');
// The bench serves its own copy of the build: a rebuild of apps/web/dist during the run (a colleague's
// `npm run build`) would otherwise change the chunks under the pages being measured. Its folder is
// named dist, which ESLint and Prettier skip.
const WEB_DIST = path.join(TMP, 'web/dist');
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const started = Date.now();
const cleanups = [];
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/** Every JS and CSS file of the build with its size and gzip size (level 6, what the API's compression sends). */
async function chunks() {
  const dir = path.join(WEB_DIST, 'assets');
  const files = (await readdir(dir)).filter((f) => /\.(js|css)$/.test(f));
  const out = [];
  for (const file of files) {
    const content = await readFile(path.join(dir, file));
    out.push({
      file,
      kind: file.endsWith('.js') ? 'js' : 'css',
      bytes: content.length,
      gzipBytes: gzipSync(content).length,
    });
  }
  // What index.html itself loads before any route: its module script, the modules it preloads, its styles.
  const html = await readFile(path.join(WEB_DIST, 'index.html'), 'utf8');
  const entry = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]));
  for (const chunk of out) chunk.entry = entry.has(chunk.file);
  return out.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/**
 * The session cookie in the browser's own cookie store, as a signed-in reader's browser holds it
 * (httpOnly): Lighthouse's extraHeaders would lose it to the first cookie the page sets itself.
 * Lighthouse clears an origin's storage before a run, but not its cookies.
 */
async function putCookie(chrome, base, cookie) {
  const puppeteer = createRequire(require.resolve('lighthouse'))('puppeteer-core');
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    const [name = '', value = ''] = cookie.split('=');
    await browser.setCookie({ name, value, domain: new URL(base).hostname, path: '/', httpOnly: true });
  } finally {
    await browser.disconnect();
  }
}

/** One Lighthouse run: the performance category, its main metrics, and the JavaScript the page downloaded. */
async function audit(chrome, url, { formFactor, run = 1 }) {
  const flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  };
  let lhr;
  // Lighthouse now and then fails to record the trace (NO_NAVSTART, more often on a busy machine):
  // such a run has no metrics, so it is run again once rather than reported as a page without score.
  for (let attempt = 1; attempt <= 2; attempt++) {
    lhr = (await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined)).lhr;
    if (!lhr.runtimeError) break;
    say(
      `  (Lighthouse: ${lhr.runtimeError.code} on ${new URL(url).pathname}, ${formFactor}; attempt ${attempt})`,
    );
  }
  const name = `lighthouse-${formFactor}-${new URL(url).pathname.replace(/\W+/g, '_') || 'root'}${run > 1 ? `-${run}` : ''}.json`;
  await writeFile(path.join(TMP, name), JSON.stringify(lhr));
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const transfer = (type) =>
    requests
      .filter((r) => !type || r.resourceType === type)
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  // A metric Lighthouse could not measure stays null: Math.round(null) would read as 0 ms.
  const ms = (id) => (metric(id) === null ? null : Math.round(metric(id)));
  return {
    url: new URL(url).pathname,
    finalUrl: new URL(lhr.finalDisplayedUrl ?? lhr.finalUrl).pathname,
    formFactor,
    performance:
      lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: Math.round((metric('cumulative-layout-shift') ?? 0) * 1000) / 1000,
    speedIndexMs: ms('speed-index'),
    scriptKb: kb(transfer('Script')),
    totalKb: kb(transfer()),
    requests: requests.length,
    // What the main thread did (Lighthouse's mainthread-work-breakdown and bootup-time), for a miss.
    mainThreadMs: Object.fromEntries(
      (lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).map((i) => [
        i.group,
        Math.round(i.duration),
      ]),
    ),
    scriptsByCpuMs: (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 5).map((i) => ({
      url: i.url.replace(/^https?:\/\/[^/]+/, ''),
      scriptingMs: Math.round(i.scripting),
      totalMs: Math.round(i.total),
    })),
    longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 5).map((t) => ({
      url: t.url.replace(/^https?:\/\/[^/]+/, ''),
      ms: Math.round(t.duration),
    })),
    // Lighthouse's measure of this machine's speed at the time (a busy machine scores lower).
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
    lcpElement:
      lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.nodeLabel ??
      null,
    lcpPhasesMs: Object.fromEntries(
      (lhr.audits['largest-contentful-paint-element']?.details?.items?.[1]?.items ?? []).map((p) => [
        p.phase,
        Math.round(p.timing),
      ]),
    ),
    // The API calls the page made, so a page that only showed an error state cannot pass unnoticed.
    api: requests
      .filter((r) => new URL(r.url).pathname.startsWith('/api/'))
      .map((r) => `${r.statusCode} ${new URL(r.url).pathname}${new URL(r.url).search}`),
    warnings: lhr.runWarnings ?? [],
    report: path.relative(ROOT, path.join(TMP, name)),
  };
}

const PRINCIPLES = [
  'people_centred',
  'comprehensive',
  'context_specific',
  'prevention_oriented',
  'protection_empowerment',
];

/**
 * The project page measured: the first running project (by code) in three countries with transfers,
 * as a colleague opens one from the list. seed:scale writes no reviews, so the two demo reviewers'
 * submitted reviews are added to it once (the database is a throwaway one) for its scorecard and
 * history to be real.
 */
async function projectToAudit(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [project],
    } = await client.query(
      `SELECT p.id, p.code FROM projects p
       WHERE cardinality(p.country_codes) = 3 AND p.stage = 'active' AND p.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM transfers t WHERE t.project_id = p.id)
       ORDER BY p.code LIMIT 1`,
    );
    if (!project) throw new Error('No active three-country project with transfers: seed more projects.');
    const { rows: reviewers } = await client.query(
      `SELECT id FROM users WHERE email IN ('reviewer1@example.org', 'reviewer2@example.org') ORDER BY email`,
    );
    const {
      rows: [staff],
    } = await client.query(`SELECT id FROM users WHERE email = 'staff@example.org'`);
    for (const [index, reviewer] of reviewers.entries()) {
      await client.query(
        `INSERT INTO reviews (project_id, reviewer_id, assigned_by, status, conflict_declared, declared_at,
           recommendation, submitted_at, ${PRINCIPLES.map((p) => `score_${p}, justification_${p}`).join(', ')})
         VALUES ($1, $2, $3, 'submitted', false, now(), 'approve', now(),
           ${PRINCIPLES.map((_, i) => `${3 + ((i + index) % 2)}, 'Scored for the web benchmark.'`).join(', ')})
         ON CONFLICT DO NOTHING`,
        [project.id, reviewer.id, staff?.id ?? null],
      );
    }
    const {
      rows: [counts],
    } = await client.query(
      `SELECT (SELECT count(*) FROM transfers WHERE project_id = $1)::int AS transfers,
              (SELECT count(*) FROM reviews WHERE project_id = $1 AND status = 'submitted')::int AS reviews`,
      [project.id],
    );
    return { ...project, ...counts };
  } finally {
    await client.end();
  }
}

async function main() {
  await mkdir(TMP, { recursive: true });
  say(
    `HSTF Portfolio web bench; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const load = [load1()];
  await stat(options.chrome).catch(() => {
    throw new Error(
      `No browser at ${options.chrome}: apt-get install -y --no-install-recommends chromium (never a download)`,
    );
  });

  if (!options.skipBuild && !options.webDist) {
    say('\n== Building the domain, the API client, the API and the dashboard');
    await run('npm', ['run', 'build']);
  }

  await rm(WEB_DIST, { recursive: true, force: true });
  await mkdir(path.dirname(WEB_DIST), { recursive: true });
  await cp(BUILT, WEB_DIST, { recursive: true });
  const built = await chunks();
  say('\n== Chunks (gzip level 6); * = loaded by index.html itself');
  for (const c of built)
    say(
      `  ${c.entry ? '*' : ' '} ${c.file.padEnd(44)} ${String(kb(c.bytes)).padStart(8)} KB ${String(kb(c.gzipBytes)).padStart(7)} KB gzip`,
    );
  const sum = (items) => kb(items.reduce((total, c) => total + c.gzipBytes, 0));
  const entryJs = sum(built.filter((c) => c.entry && c.kind === 'js'));
  say(
    `  index.html loads ${entryJs} KB gzip of JS (${sum(built.filter((c) => c.entry && c.kind === 'css'))} KB of CSS); ` +
      `all JS ${sum(built.filter((c) => c.kind === 'js'))} KB, all CSS ${sum(built.filter((c) => c.kind === 'css'))} KB`,
  );

  if (!options.databaseUrl) say('\n== Starting a throwaway PostgreSQL and seeding it');
  const database = await seededDatabase({ ...options, run });
  cleanups.push(() => database.stop());
  load.push(load1());

  say('\n== Starting the API with the dashboard (production mode)');
  const port = await freePort();
  const api = await startApi({ databaseUrl: database.url, port, webDist: WEB_DIST });
  cleanups.push(() => api.stop());
  const base = `http://127.0.0.1:${port}`;
  const token = await signIn(base);
  const project = await projectToAudit(database.url);
  say(
    `  project page: ${project.code} (three countries, ${project.transfers} transfers, ${project.reviews} submitted reviews)`,
  );

  say(`\n== Lighthouse ${require('lighthouse/package.json').version} in ${options.chrome}`);
  const pages = [
    { name: 'sign-in', url: `${base}/sign-in` },
    { name: 'overview (staff)', url: `${base}/`, cookie: `hstf_session=${token}` },
    { name: 'project (staff)', url: `${base}/projects/${project.id}`, cookie: `hstf_session=${token}` },
    // The Fund's public page, as anyone opens it (no session), on a phone: its target is the issue's.
    { name: 'public (/fund)', url: `${base}/fund`, formFactors: ['mobile'] },
  ];
  const audits = [];
  const wanted = options.pages ? String(options.pages).split(',') : [];
  for (const formFactor of options.formFactors.split(',')) {
    for (const page of pages) {
      if (page.formFactors && !page.formFactors.includes(formFactor)) continue;
      if (wanted.length > 0 && !wanted.some((word) => page.name.includes(word))) continue;
      for (let run = 1; run <= Number(options.runs); run++) {
        // A browser of its own for each run, as a new visitor's: the cookies a page sets (the
        // dashboard keeps the reader's language in one) would otherwise be sent in place of the
        // session cookie given to the next run.
        const chrome = await chromeLauncher.launch({ chromePath: options.chrome, chromeFlags: CHROME_FLAGS });
        let result;
        try {
          if (page.cookie) await putCookie(chrome, base, page.cookie);
          result = {
            page: page.name,
            ...(await audit(chrome, page.url, { formFactor, run })),
          };
        } finally {
          chrome.kill();
        }
        audits.push(result);
        load.push(load1());
        say(
          `  ${formFactor.padEnd(8)} ${page.name.padEnd(18)} performance ${result.performance}, LCP ${result.lcpMs} ms, ` +
            `TBT ${result.tbtMs} ms, CLS ${result.cls}, JS ${result.scriptKb} KB (landed on ${result.finalUrl}; ${result.api.length} API calls)`,
        );
      }
    }
  }

  const mobile = audits.filter((a) => a.formFactor === 'mobile');
  const targets = [
    { target: 'first page JS ≤ 250 KB gzip (index.html)', met: entryJs <= 250, value: `${entryJs} KB` },
    ...mobile.flatMap((a) => [
      { target: `${a.page}: JS downloaded ≤ 250 KB gzip`, met: a.scriptKb <= 250, value: `${a.scriptKb} KB` },
      {
        target: `${a.page}: Lighthouse performance ≥ 90 (mobile)`,
        met: a.performance >= 90,
        value: a.performance,
      },
      {
        target: `${a.page}: LCP ≤ 2.5 s (mobile)`,
        met: a.lcpMs !== null && a.lcpMs <= 2500,
        value: `${a.lcpMs} ms`,
      },
      {
        target: `${a.page}: TBT ≤ 200 ms (mobile)`,
        met: a.tbtMs !== null && a.tbtMs <= 200,
        value: `${a.tbtMs} ms`,
      },
      { target: `${a.page}: CLS ≤ 0.1 (mobile)`, met: a.cls <= 0.1, value: a.cls },
    ]),
  ];
  const summary = summarize(audits);
  const report = {
    generatedAt: new Date().toISOString(),
    lighthouse: require('lighthouse/package.json').version,
    chrome: options.chrome,
    settings: 'Lighthouse defaults (mobile: simulated slow 4G, 4× CPU slowdown) and its desktop preset',
    projects: options.databaseUrl ? null : options.projects,
    projectPage: { code: project.code, transfers: project.transfers, reviews: project.reviews },
    chunks: built.map(({ file, kind, entry, bytes, gzipBytes }) => ({
      file,
      kind,
      entry,
      kb: kb(bytes),
      gzipKb: kb(gzipBytes),
    })),
    firstPage: { jsGzipKb: entryJs, cssGzipKb: sum(built.filter((c) => c.entry && c.kind === 'css')) },
    audits,
    summary,
    targets,
    loadAverage: load,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };

  say('\npage                form     perf  LCP ms  TBT ms  CLS    FCP ms  JS KB  all KB  machine index');
  for (const a of audits)
    say(
      `${a.page.padEnd(19)} ${a.formFactor.padEnd(8)} ${String(a.performance).padEnd(5)} ${String(a.lcpMs).padEnd(7)} ` +
        `${String(a.tbtMs).padEnd(7)} ${String(a.cls).padEnd(6)} ${String(a.fcpMs).padEnd(7)} ${String(a.scriptKb).padEnd(6)} ${String(a.totalKb).padEnd(7)} ${a.benchmarkIndex}`,
    );
  say(
    `\nmachine index: Lighthouse's benchmarkIndex (higher is faster; it falls when other work shares the cores). ` +
      `Load average (1 min) during the run: ${load.join(', ')}`,
  );
  if (options.runs > 1) {
    say('\nOver the runs (median and range; runs with performance ≥ 90, with TBT ≤ 200 ms, with both):');
    say('page                form     runs  perf            ≥ 90  TBT ms               ≤ 200  both  LCP ms');
    const range = (spread) => (spread ? `${spread.median} (${spread.min}–${spread.max})` : '-');
    for (const s of summary)
      say(
        `${s.page.padEnd(19)} ${s.formFactor.padEnd(8)} ${`${s.runs}${s.failedRuns ? `+${s.failedRuns} failed` : ''}`.padEnd(5)} ` +
          `${range(s.performance.median === undefined ? null : s.performance).padEnd(15)} ${String(s.performance.atLeast90).padEnd(5)} ` +
          `${range(s.tbtMs.median === undefined ? null : s.tbtMs).padEnd(20)} ${String(s.tbtMs.atMost200).padEnd(6)} ` +
          `${String(s.bothMet).padEnd(5)} ${s.lcpMs?.median ?? '-'}`,
      );
  }
  say('\nTargets:');
  for (const t of targets) say(`  ${t.met ? 'met ' : 'MISS'} ${t.target}: ${t.value}`);

  await mkdir(RESULTS, { recursive: true });
  const file = path.join(RESULTS, 'web-latest.json');
  await writeFile(
    file,
    await prettier.format(JSON.stringify(report), {
      ...(await prettier.resolveConfig(file)),
      parser: 'json',
      filepath: file,
    }),
  );
  say(`\nWritten to ${path.relative(ROOT, file)}. Total ${Math.round((Date.now() - started) / 1000)} s.`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/**
 * Each page and form factor over its runs. Lighthouse's simulation multiplies what it observes, and on
 * this 2-core machine one run's TBT differs from the next by more than most changes move it: a target
 * is read from the median and from how many runs meet it, not from one run.
 */
function summarize(audits) {
  const byPage = new Map();
  for (const audit of audits) {
    const key = `${audit.formFactor} ${audit.page}`;
    byPage.set(key, [...(byPage.get(key) ?? []), audit]);
  }
  const spread = (values) =>
    values.length ? { median: median(values), min: Math.min(...values), max: Math.max(...values) } : null;
  return [...byPage.values()].map((all) => {
    // A run Lighthouse could not measure (no score) is counted apart, not as a 0 or as met.
    const runs = all.filter((run) => run.performance !== null && run.tbtMs !== null);
    return {
      page: all[0].page,
      formFactor: all[0].formFactor,
      runs: runs.length,
      failedRuns: all.length - runs.length,
      performance: {
        ...spread(runs.map((run) => run.performance)),
        atLeast90: runs.filter((run) => run.performance >= 90).length,
      },
      tbtMs: {
        ...spread(runs.map((run) => run.tbtMs)),
        atMost200: runs.filter((run) => run.tbtMs <= 200).length,
      },
      bothMet: runs.filter((run) => run.performance >= 90 && run.tbtMs <= 200).length,
      lcpMs: spread(runs.map((run) => run.lcpMs).filter((value) => value !== null)),
    };
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  process.stderr.write(`\nbench:web failed: ${error.stack ?? error}\n`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  process.exit(exitCode);
}
