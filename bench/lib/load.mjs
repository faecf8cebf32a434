import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './env.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const autocannon = require('autocannon');

/** The value below which `p` of the sorted samples lie (nearest rank). */
function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value, digits = 1) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** What one run collects: every response's time, and the counts summarize() reads. */
const emptyRun = () => ({
  times: [],
  bytes: 0,
  statuses: {},
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  seconds: 0,
  requests: 0,
});

/**
 * One autocannon run against one URL: for `duration` seconds, or until `amount` requests are answered.
 * `rate`: a fixed overall rate in requests/s (autocannon's overallRate) instead of as fast as possible.
 * Returns the raw samples; summarize() turns one or more runs into the figures.
 */
export function load(url, { token, connections, duration, amount, rate, timeout = 60 }) {
  return new Promise((resolve, reject) => {
    const run = emptyRun();
    const instance = autocannon(
      {
        url,
        connections,
        timeout,
        headers: { authorization: `Bearer ${token}` },
        ...(amount ? { amount } : { duration }),
        ...(rate ? { overallRate: rate } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        // autocannon counts a timeout as an error too.
        Object.assign(run, {
          errors: result.errors + result.non2xx,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          seconds: result.duration,
          requests: result.requests.total,
        });
        resolve(run);
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      run.times.push(responseTime);
      run.bytes += resBytes;
      run.statuses[statusCode] = (run.statuses[statusCode] ?? 0) + 1;
    });
  });
}

/**
 * A fixed rate as clients make it: one request every 1/`rate` s, evenly spaced, whether or not the
 * earlier ones were answered, over at most `connections` keep-alive connections. autocannon's
 * overallRate does not pace: each connection sends its share of a second back to back when the
 * second starts, then waits, so "200 requests/s" was the second's 200 requests sent as fast as the
 * connections allowed as it began, and its latencies measured how long that burst took to drain. Each time here runs from when the request
 * was due, so a request held back by a busy server or a busy connection counts the wait too.
 */
export function pacedLoad(url, { token, connections, duration, rate, timeout = 60 }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const run = emptyRun();
  const total = Math.round(rate * duration);
  const intervalMs = 1000 / rate;
  return new Promise((resolve) => {
    let sent = 0;
    let settled = 0;
    const started = performance.now();
    const finish = () => {
      if (++settled < total && total > 0) return;
      run.seconds = (performance.now() - started) / 1000;
      run.requests = run.times.length;
      agent.destroy();
      resolve(run);
    };
    const send = (dueAt) => {
      // Each request counts once: answered in full, or failed however it ended (an error, a timeout,
      // a connection closed in the middle of the answer).
      let counted = false;
      const settle = (answered) => {
        if (counted) return;
        counted = true;
        if (!answered) run.errors += 1;
        finish();
      };
      const request = http.get(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          agent,
          headers: { authorization: `Bearer ${token}` },
          timeout: timeout * 1000,
        },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk) => (bytes += chunk.length));
          response.on('end', () => {
            run.times.push(performance.now() - dueAt);
            run.bytes += bytes;
            run.statuses[response.statusCode] = (run.statuses[response.statusCode] ?? 0) + 1;
            if (response.statusCode >= 300) {
              run.non2xx += 1;
              run.errors += 1;
            }
            settle(true);
          });
        },
      );
      request.on('timeout', () => {
        run.timeouts += 1;
        request.destroy(new Error('timeout'));
      });
      request.on('error', () => settle(false));
      request.on('close', () => settle(false));
    };
    const tick = () => {
      // Every request due by now goes out, so a late timer delays none of them beyond its turn.
      const now = performance.now();
      while (sent < total && started + sent * intervalMs <= now) send(started + sent++ * intervalMs);
      if (sent < total) setTimeout(tick, Math.max(0, started + sent * intervalMs - performance.now()));
    };
    if (total > 0) tick();
    else finish();
  });
}

/**
 * The figures of one or more runs of the same requests: requests/s of successful answers over the
 * time spent, and latency percentiles from every response's time (autocannon's own histogram has no
 * p95), computed the same way for the API and the baseline.
 */
export function summarize(runs) {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const statuses = {};
  for (const r of runs)
    for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const sum = (field) => runs.reduce((total, r) => total + r[field], 0);
  return {
    requests: times.length,
    requestsPerSecond: seconds ? round((statuses['200'] ?? 0) / seconds, 1) : 0,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1] ?? null),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    non2xx: sum('non2xx'),
    statuses,
    bytesPerResponse: times.length ? Math.round(sum('bytes') / times.length) : null,
    seconds: round(seconds, 2),
  };
}
