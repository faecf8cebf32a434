/**
 * `node bench/tracing-scale.mjs`: how long one donor's tracing (GET /api/v1/donors/:id/tracing) spends
 * replaying the Fund's history, at the bench's scale, without a database or a server.
 *
 *   node bench/tracing-scale.mjs [--receipts 5000] [--approvals 4000] [--donors 10] [--samples 3]
 *                                [--domain libs/domain/dist/index.js (a build of @hstf/domain)]
 *
 * The history is shaped like `seed:scale`'s: receipts paid in turn by each donor over the years,
 * approvals decided over the same years and drawing most of the money, releases and refunds from a
 * share of the projects, a few earmarked receipts and a few reversals. It times `traceFunds` on it
 * for the donor with the most receipts (the whole replay, as the API runs it), `--samples` times or
 * once when a run takes over 10 s, and prints the median. Point `--domain` at another build (e.g. one
 * of an older commit) to compare.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs, ROOT, say } from './lib/env.mjs';

const options = parseArgs(process.argv.slice(2), {
  receipts: 5000,
  approvals: 4000,
  donors: 10,
  samples: 3,
  domain: 'libs/domain/dist/index.js',
});

const require = createRequire(path.join(ROOT, 'package.json'));
const { traceFunds } = require(path.resolve(ROOT, options.domain));

/** A small deterministic generator, so every run (and every build compared) replays the same history. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (n) => String(n).padStart(2, '0');
const dateOf = (monthIndex) => `${1999 + Math.floor(monthIndex / 12)}-${pad(1 + (monthIndex % 12))}-01`;
const MONTHS = 28 * 12;
const money = (cents) => `${(cents / 100).toFixed(2)}`;

function history() {
  const next = random(12);
  const donors = Array.from({ length: options.donors }, (_, i) => `d${pad(i)}`);
  const contributions = [];
  const receipts = [];
  let received = 0;
  for (let i = 0; i < options.receipts; i++) {
    const id = `c${i}`;
    // As seed:scale: donors in turn, one pledge a month over 28 years, 3.5 to 4.5 million each.
    contributions.push({ id, donorId: donors[i % donors.length], status: 'received' });
    const cents = (3_500_000 + (i % 1000) * 1000) * 100;
    const earmark =
      i % 50 === 7
        ? { kind: 'country', target: ['KEN', 'PER', 'COL'][i % 3] }
        : i % 50 === 31
          ? { kind: 'window', target: 'II' }
          : { kind: 'none', target: null };
    receipts.push({
      id: `r${i}`,
      contributionId: id,
      kind: 'receipt',
      on: dateOf(i % MONTHS),
      amount: money(cents),
      exchangeRate: '1',
      usdAmount: money(cents),
      reverses: null,
      earmark,
    });
    received += cents;
    if (i % 97 === 3) {
      receipts.push({
        id: `v${i}`,
        contributionId: id,
        kind: 'reversal',
        on: dateOf(Math.min(MONTHS - 1, (i % MONTHS) + 6)),
        amount: money(cents),
        exchangeRate: '1',
        usdAmount: money(cents),
        reverses: `r${i}`,
        earmark,
      });
    }
  }
  // The approvals commit about 90% of what came in, in budgets of a few hundred thousand to millions.
  const average = Math.floor((received * 0.9) / options.approvals);
  const projects = [];
  const returns = [];
  for (let i = 0; i < options.approvals; i++) {
    const budget = Math.floor(average * (0.5 + next()));
    const id = `p${i}`;
    const month = Math.floor((i / options.approvals) * MONTHS);
    projects.push({
      id,
      committed: true,
      approvedBudget: money(budget),
      decidedOn: dateOf(month),
      decidedAt: null,
      window: i % 4 === 0 ? 'II' : 'I',
      dimensions: ['food'],
      countries: [['KEN', 'PER', 'COL', 'NPL'][i % 4]],
    });
    if (month + 36 < MONTHS && i % 5 === 0) {
      returns.push({
        projectId: id,
        kind: 'released',
        on: dateOf(month + 36),
        at: null,
        amount: money(Math.floor(budget / 10)),
      });
    }
    if (month + 24 < MONTHS && i % 40 === 1) {
      returns.push({
        projectId: id,
        kind: 'refunded',
        on: dateOf(month + 24),
        at: null,
        amount: money(10_000_00),
      });
    }
  }
  return { contributions, receipts, projects, returns };
}

const input = history();
const counts = new Map();
for (const c of input.contributions) counts.set(c.donorId, (counts.get(c.donorId) ?? 0) + 1);
const donorId = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
say(
  `Tracing ${input.receipts.length} receipts and reversals, ${input.projects.length} approvals, ` +
    `${input.returns.length} returns, ${options.donors} donors, with ${path.relative(ROOT, path.resolve(ROOT, options.domain))}`,
);
const times = [];
// CPU time as well as wall time: on a shared machine the wall time is mostly waiting for a core.
const cpuTimes = [];
let donor;
for (let i = 0; i < options.samples; i++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  donor = traceFunds(input).donors.find((d) => d.donorId === donorId);
  const cpu = process.cpuUsage(cpu0);
  times.push(performance.now() - t0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  if (times[0] > 10_000) break;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const list = (values) => values.map((t) => t.toFixed(0)).join(', ');
say(
  `Donor ${donorId} (${counts.get(donorId)} receipts): ${donor.projects.length} projects traced, paid ${donor.paid}; ` +
    `median ${median(times).toFixed(1)} ms wall (${list(times)}), ${median(cpuTimes).toFixed(1)} ms CPU ` +
    `(${list(cpuTimes)}) over ${times.length} run(s); heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB after`,
);
