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

/**
 * One autocannon run against one URL: for `duration` seconds, or until `amount` requests are answered.
 * `rate`: a fixed overall rate in requests/s (autocannon's overallRate) instead of as fast as possible.
 * Returns the raw samples; summarize() turns one or more runs into the figures.
 */
export function load(url, { token, connections, duration, amount, rate, timeout = 60 }) {
  return new Promise((resolve, reject) => {
    const run = {
      times: [],
      bytes: 0,
      statuses: {},
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      seconds: 0,
      requests: 0,
    };
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
