#!/usr/bin/env node
/* global document, window, requestAnimationFrame -- callbacks of page.evaluate run in the browser */
// End-to-end run of HSTF Portfolio as a user meets it: the real API on a throwaway embedded
// PostgreSQL with the demo data, serving the built web app, driven in headless Chromium in
// English and Arabic, with axe-core on every page. Exits non-zero on any failure.
//
//   npm run build -w @hstf/web && npm run test:e2e
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { audit, createReporter, isBlocking, repoRoot, startApi } from './support.mjs';

const webRoot = path.join(repoRoot, 'apps/web');
const screenshotsDir = path.join(webRoot, 'e2e/screenshots');
const PASSWORD = 'demo-password';
const STAFF = 'staff@example.org';
const DONOR = 'donor.japan@example.org';
const LANGUAGES = ['en', 'ar'];

// The shell's strings and every feature's (src/features/*/locales), merged as the app merges them.
const featureDirs = readdirSync(path.join(webRoot, 'src/features')).filter((feature) =>
  existsSync(path.join(webRoot, 'src/features', feature, 'locales')),
);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const strings = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    Object.assign(
      readJson(path.join(webRoot, `src/i18n/locales/${lang}.json`)),
      ...featureDirs.map((feature) =>
        readJson(path.join(webRoot, 'src/features', feature, 'locales', `${lang}.json`)),
      ),
    ),
  ]),
);

if (!existsSync(path.join(webRoot, 'dist/index.html'))) {
  console.error('apps/web/dist is missing: run `npm run build -w @hstf/web` first.');
  process.exit(1);
}

const report = createReporter();
const audits = [];
const pageErrors = [];

async function checkAccessibility(page, lang, name) {
  const violations = await audit(page);
  audits.push({ lang, name, violations });
  const blocking = violations.filter(isBlocking);
  assert.equal(
    blocking.length,
    0,
    `axe found serious/critical violations on ${lang}/${name}:\n${blocking
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`)
      .join('\n')}`,
  );
}

const VIEWPORT = { width: 1366, height: 900 };

/** A whole-page screenshot; the viewport grows to the page so the fixed shell spans it as a user sees it. */
async function capture(page, lang, name) {
  mkdirSync(path.join(screenshotsDir, lang), { recursive: true });
  const height = Math.max(VIEWPORT.height, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.setViewportSize({ width: VIEWPORT.width, height });
  // Let the layout follow the new viewport (the shell's navbar is sized in dvh) before taking the picture.
  await page.waitForFunction((h) => window.innerHeight === h, height);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(screenshotsDir, lang, `${name}.png`) });
  await page.setViewportSize(VIEWPORT);
}

/** Audits and photographs the page once it has settled. */
async function visit(page, lang, name) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await checkAccessibility(page, lang, name);
  await capture(page, lang, name);
}

async function signIn(page, t, email, password) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: t.auth.submit, exact: true }).click();
}

async function signOut(page, t) {
  await page.getByRole('button', { name: t.auth.signOut }).click();
  await page.waitForURL(/\/sign-in$/);
}

async function runLanguage(browser, baseUrl, lang) {
  const t = strings[lang];
  console.log(`\n${lang === 'ar' ? 'Arabic (ar, right to left)' : 'English (en)'}`);
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${lang}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The browser logs every 4xx; these are answers the app expects (no session yet, wrong password).
    const expected =
      /status of 401/.test(message.text()) && /\/api\/v1\/auth\/(me|login)$/.test(message.location().url);
    // addScriptTag's inline script being refused is the CSP working (see support.mjs).
    const axeInjection = /Content Security Policy/.test(message.text()) && !message.location().url;
    if (!expected && !axeInjection)
      pageErrors.push(`${lang} console: ${message.text()} ${message.location().url}`);
  });

  try {
    await report.step('an unknown visitor is sent to the sign-in page', async () => {
      await page.goto('/countries');
      await page.waitForURL(/\/sign-in\?next=%2Fcountries$/);
      await page.getByRole('heading', { level: 1, name: strings.en.auth.title }).waitFor();
    });

    await report.step(`the language picker switches to ${lang}`, async () => {
      await page.getByRole('combobox', { name: strings.en.language.label }).selectOption(lang);
      await page.getByRole('heading', { level: 1, name: t.auth.title }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await visit(page, lang, 'sign-in');
    });

    await report.step('a wrong password shows the error', async () => {
      await signIn(page, t, STAFF, 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(
        await alert.innerText(),
        new RegExp(t.auth.errors.invalidCredentials.replace(/[.?]/g, '\\$&')),
      );
      await visit(page, lang, 'sign-in-error');
    });

    await report.step('staff signs in and lands where they were going', async () => {
      await signIn(page, t, STAFF, PASSWORD);
      await page.waitForURL(/\/countries$/);
      await page.getByRole('heading', { level: 1, name: t.countries.title }).waitFor();
    });

    await report.step("the overview welcomes staff and shows the Fund's ledger", async () => {
      await page.getByRole('navigation').getByRole('link', { name: t.nav.overview }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { level: 1, name: /Sara Staff/ }).waitFor();
      assert.equal(await page.getByTestId('user-role').textContent(), t.roles.staff);
      await page.getByRole('heading', { level: 2, name: t.dashboard.ledger.title }).waitFor();
      await visit(page, lang, 'overview');
    });

    await report.step('countries filter on SIDS, and Maldives and Tuvalu appear', async () => {
      await page.getByRole('navigation').getByRole('link', { name: t.nav.countries }).click();
      await page.locator('tr[data-iso3]').first().waitFor();
      await page.getByRole('checkbox', { name: t.countries.groups.sids.long }).check();
      await page.waitForURL(/[?&]sids=true/);
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="countries-table"][aria-busy="true"]'),
      );
      const loadMore = page.getByRole('button', { name: t.common.loadMore });
      while (await loadMore.isVisible()) {
        await loadMore.click();
        await page.waitForFunction(() => !document.querySelector('button[data-loading]'));
      }
      for (const iso3 of ['MDV', 'TUV']) await page.locator(`tr[data-iso3="${iso3}"]`).waitFor();
      const rows = await page.locator('tr[data-iso3]').count();
      const flagged = await page
        .locator('tr[data-iso3]')
        .filter({ hasText: t.countries.groups.sids.short })
        .count();
      assert.equal(flagged, rows, 'every row of the SIDS filter carries the SIDS badge');
      if (lang === 'en') {
        await page.getByRole('rowheader', { name: 'Maldives' }).waitFor();
        await page.getByRole('rowheader', { name: 'Tuvalu' }).waitFor();
      } else {
        // Names come from Intl.DisplayNames in the reader's language.
        const maldives = await page.locator('tr[data-iso3="MDV"] th').innerText();
        assert.ok(/[\u0600-\u06FF]/.test(maldives), `Maldives is named in Arabic (got "${maldives}")`);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await visit(page, lang, 'countries');
    });

    await report.step('organizations list the demo organizations', async () => {
      await page.getByRole('navigation').getByRole('link', { name: t.nav.organizations }).click();
      await page.waitForURL(/\/organizations$/);
      await page.locator('[data-testid="organizations-table"] tbody tr').first().waitFor();
      assert.ok((await page.locator('[data-testid="organizations-table"] tbody tr').count()) > 0);
      await page.getByRole('cell', { name: t.organizations.kinds.un_entity }).first().waitFor();
      await visit(page, lang, 'organizations');
    });

    await report.step('sign-out returns to the sign-in page', async () => {
      await signOut(page, t);
      await page.getByRole('heading', { level: 1, name: t.auth.title }).waitFor();
      await page.goto('/');
      await page.waitForURL(/\/sign-in$/);
    });

    await report.step('a donor does not see Organizations, and cannot open it', async () => {
      await page.getByRole('heading', { level: 1, name: t.auth.title }).waitFor();
      await signIn(page, t, DONOR, PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      assert.equal(await page.getByTestId('user-role').textContent(), t.roles.donor);
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: t.nav.countries }).waitFor();
      assert.equal(await nav.getByRole('link', { name: t.nav.organizations }).count(), 0);
      await visit(page, lang, 'overview-donor');
      await page.goto('/organizations');
      await page.getByRole('heading', { level: 1, name: t.notFound.title }).waitFor();
      await signOut(page, t);
    });
  } catch {
    // The failure is recorded; the other language still runs.
  } finally {
    await context.close();
  }
}

let api;
let browser;
try {
  console.log('Starting the API on a throwaway embedded PostgreSQL…');
  api = await startApi();
  console.log(`API ready at ${api.baseUrl}`);
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
  for (const lang of LANGUAGES) await runLanguage(browser, api.baseUrl, lang);
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
  const ids = violations.map((v) => `${v.id} (${v.impact})`).join(', ');
  console.log(`  ${lang}/${name.padEnd(16)} ${counts}${ids ? `: ${ids}` : ''}`);
}
if (pageErrors.length) {
  console.log('\nErrors in the browser');
  for (const message of pageErrors) console.log(`  ${message}`);
  report.failures.push({ name: 'browser errors', error: new Error(pageErrors.join('\n')) });
}
console.log(
  `\n${report.passed} steps passed, ${report.failures.length} failed; screenshots in ${path.relative(repoRoot, screenshotsDir)}/`,
);
process.exit(report.failures.length ? 1 : 0);
