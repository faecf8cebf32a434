#!/usr/bin/env node
// End-to-end run of HSTF Portfolio as its users meet it: the real API on a throwaway embedded
// PostgreSQL with the demo data, serving the built web app, driven in Debian's Chromium. First the
// approval of a two-country project by staff, three reviewers and the donor (journeys/scenario.mjs),
// then every screen for the roles that use it, in English and in Arabic (journeys/walk.mjs), with
// axe-core on each; last, exports, a statement and an import (journeys/data-io.mjs). Screenshots land in e2e/screenshots/<lang>/. Exits non-zero on any failure.
//
//   npm run test:e2e            (builds everything first)
//   node apps/web/e2e/run.mjs   (against the current builds)
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { runAfterApprovalJourney } from './journeys/after-approval.mjs';
import { runDocumentsJourney } from './journeys/documents.mjs';
import { runDataIoJourney } from './journeys/data-io.mjs';
import { runNotificationsJourney } from './journeys/notifications.mjs';
import { runScenario } from './journeys/scenario.mjs';
import { walk } from './journeys/walk.mjs';
import { audits, openPage, screenshotsDir, webRoot } from './session.mjs';
import { createReporter, repoRoot, startApi } from './support.mjs';

if (!existsSync(path.join(webRoot, 'dist/index.html'))) {
  console.error('apps/web/dist is missing: run `npm run build -w @hstf/web` first.');
  process.exit(1);
}

// Pictures of an earlier run must not pass for this one's.
rmSync(screenshotsDir, { recursive: true, force: true });

const started = Date.now();
const report = createReporter({ failuresDir: path.join(screenshotsDir, 'failures') });
const pageErrors = [];

/** One journey in its own browser context; a failure is recorded and the next journey still runs. */
async function journey(browser, baseUrl, lang, title, fn) {
  console.log(`\n${title}`);
  const { context, page } = await openPage(browser, baseUrl, lang, pageErrors);
  try {
    return await fn(page);
  } catch {
    return null;
  } finally {
    await context.close();
  }
}

let api;
let browser;
try {
  console.log('Starting the API on a throwaway embedded PostgreSQL…');
  api = await startApi();
  console.log(`API ready at ${api.baseUrl} (${Math.round((Date.now() - started) / 1000)} s)`);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const { baseUrl } = api;
  const project = await journey(
    browser,
    baseUrl,
    'en',
    'The approval of a two-country project, by staff, three reviewers and the donor (en)',
    (page) => runScenario({ page, report, baseUrl }),
  );
  if (project) {
    await journey(browser, baseUrl, 'en', 'A reviewer assigned is told in the app and by mail (en)', (page) =>
      runNotificationsJourney({ page, report, project }),
    );
    await journey(
      browser,
      baseUrl,
      'en',
      'Staff attach a consent letter; the donor cannot fetch it (en)',
      (page) => runDocumentsJourney({ page, report, project }),
    );
  }
  const taken = new Set(
    existsSync(path.join(screenshotsDir, 'en'))
      ? readdirSync(path.join(screenshotsDir, 'en')).map((file) => file.replace(/\.png$/, ''))
      : [],
  );
  await journey(browser, baseUrl, 'en', 'Every screen in English (en)', (page) =>
    walk({ page, report, lang: 'en', taken, project }),
  );
  await journey(browser, baseUrl, 'ar', 'Every screen in Arabic (ar, right to left)', (page) =>
    walk({ page, report, lang: 'ar', taken: new Set(), project }),
  );
  // Last, since it closes the project the walks visit.
  if (project) {
    await journey(
      browser,
      baseUrl,
      'en',
      'After approval: transfer, reports, revision, suspension, closure, lesson',
      (page) => runAfterApprovalJourney({ page, report, project }),
    );
  }
  await journey(
    browser,
    baseUrl,
    'en',
    'Data in and out: an export in Arabic, a donor statement, an import corrected and written',
    (page) => runDataIoJourney({ page, report }),
  );
} catch (error) {
  report.failures.push({ name: 'set-up', error });
  console.error(error);
} finally {
  await browser?.close();
  const exit = await api?.stop();
  if (exit) console.log(`\nAPI stopped (${exit.signal ?? `exit code ${exit.code}`})`);
}

console.log('\nAccessibility (axe-core, WCAG 2.1 A/AA + best practices)');
for (const { lang, name, violations } of audits) {
  const counts = ['critical', 'serious', 'moderate', 'minor']
    .map((impact) => `${impact} ${violations.filter((v) => v.impact === impact).length}`)
    .join(', ');
  const ids = violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 2).join(' | ')}`).join('; ');
  console.log(`  ${lang}/${name.padEnd(26)} ${counts}${ids ? `: ${ids}` : ''}`);
}
if (pageErrors.length) {
  console.log('\nErrors in the browser');
  for (const message of pageErrors) console.log(`  ${message}`);
  report.failures.push({ name: 'browser errors', error: new Error(pageErrors.join('\n')) });
}
console.log(
  `\n${report.passed} steps passed, ${report.failures.length} failed in ${Math.round((Date.now() - started) / 1000)} s; ` +
    `${audits.length} screens audited; screenshots in ${path.relative(repoRoot, screenshotsDir)}/<lang>/`,
);
process.exit(report.failures.length ? 1 : 0);
