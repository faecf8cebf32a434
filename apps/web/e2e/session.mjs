/* global document, window, requestAnimationFrame -- callbacks of page.evaluate run in the browser */
// What every journey does with a page: the strings it looks for, signing in and out, waiting until a
// screen is finished, then auditing and photographing it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { audit, isBlocking, repoRoot } from './support.mjs';

export const webRoot = path.join(repoRoot, 'apps/web');
export const screenshotsDir = path.join(webRoot, 'e2e/screenshots');
export const PASSWORD = 'demo-password';
export const USERS = {
  admin: 'admin@example.org',
  staff: 'staff@example.org',
  reviewer1: 'reviewer1@example.org',
  reviewer2: 'reviewer2@example.org',
  reviewer3: 'reviewer3@example.org',
  donor: 'donor.japan@example.org',
};
export const VIEWPORT = { width: 1366, height: 900 };

// The shell's strings and every feature's (src/features/*/locales), merged as the app merges them.
const featureDirs = readdirSync(path.join(webRoot, 'src/features')).filter((feature) =>
  existsSync(path.join(webRoot, 'src/features', feature, 'locales')),
);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
export const strings = Object.fromEntries(
  ['en', 'ar'].map((lang) => [
    lang,
    Object.assign(
      readJson(path.join(webRoot, `src/i18n/locales/${lang}.json`)),
      ...featureDirs.map((feature) =>
        readJson(path.join(webRoot, 'src/features', feature, 'locales', `${lang}.json`)),
      ),
    ),
  ]),
);

/** i18next's {{name}} interpolation, for the strings the journeys look for. */
export function fill(template, values) {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, key) => String(values[key]));
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A country's name as the screens give it: the API's English name, else CLDR's in the reader's language. */
export function countryName(lang, iso2) {
  return new Intl.DisplayNames([lang], { type: 'region' }).of(iso2);
}

/**
 * English strings of the locale files that Arabic translates differently, long enough to be
 * unmistakable: one of them on an Arabic screen is a string the translation lacks.
 */
const untranslated = (() => {
  const found = [];
  const walk = (en, ar) => {
    for (const [key, value] of Object.entries(en)) {
      if (typeof value === 'object' && value !== null) walk(value, ar?.[key] ?? {});
      else if (
        typeof value === 'string' &&
        !value.includes('{{') &&
        // Three words or more: shorter ones ("Food security") are also the demo data's English.
        value.split(' ').length >= 3 &&
        ar?.[key] !== value
      )
        found.push(value);
    }
  };
  walk(strings.en, strings.ar);
  return found;
})();

/** Per page: the API requests in flight, and who waits for them to end. */
const trackers = new WeakMap();

/** A fresh browser context and page, every browser error recorded against the language. */
export async function openPage(browser, baseUrl, lang, pageErrors) {
  // The browser speaks the reader's language too: native controls (date fields) follow it, not the page.
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: lang === 'ar' ? 'ar' : 'en-US',
    viewport: VIEWPORT,
  });
  const page = await context.newPage();
  const tracker = { pending: new Set(), listeners: new Set() };
  trackers.set(page, tracker);
  const changed = () => tracker.listeners.forEach((listener) => listener());
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/')) return;
    tracker.pending.add(request);
    changed();
  });
  const done = (request) => {
    if (tracker.pending.delete(request)) changed();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('pageerror', (error) => pageErrors.push(`${lang}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The browser logs every 4xx; these are answers the app expects (no session yet, wrong password,
    // or a query of the screen being left that lands just after the session ended).
    const expected =
      /status of 401/.test(message.text()) &&
      (/\/api\/v1\/auth\/(me|login)$/.test(message.location().url) || signingOut.has(page));
    // addScriptTag's inline script being refused is the CSP working (see support.mjs).
    const axeInjection = /Content Security Policy/.test(message.text()) && !message.location().url;
    if (!expected && !axeInjection)
      pageErrors.push(`${lang} console: ${message.text()} ${message.location().url}`);
  });
  return { context, page };
}

/**
 * Waits until the screen is finished: no API request in flight for a moment, no skeleton or busy
 * region left, the fonts in. Client-side navigations never fire a load event, so `networkidle`
 * cannot say this.
 */
export async function settle(page) {
  await quiet(page);
  // What lies below the fold renders once scrolled near (components/WhenVisible): scroll the screen
  // through as a reader would, so those parts load too and are audited, then come back to the top.
  if (await revealDeferred(page)) await quiet(page);
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], .mantine-Skeleton-root[data-visible="true"]'),
    null,
    { timeout: 30_000 },
  );
  await page.evaluate(() => document.fonts.ready);
}

/** Scrolls to the bottom step by step until the page stops growing; true when it scrolled at all. */
async function revealDeferred(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const start = window.scrollY;
    let y = 0;
    // The page may grow as parts render: its height is read again on every step.
    for (let step = 0; step < 60 && y + window.innerHeight < document.documentElement.scrollHeight; step++) {
      y += window.innerHeight;
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, start);
    return y > 0;
  });
}

/** Resolves once no API request has been in flight for idleMs (a debounce, not a fixed wait). */
function quiet(page, { idleMs = 250, timeout = 30_000 } = {}) {
  const tracker = trackers.get(page);
  return new Promise((resolve, reject) => {
    let idle = null;
    const check = () => {
      clearTimeout(idle);
      if (tracker.pending.size === 0) idle = setTimeout(finish, idleMs);
    };
    const stop = () => {
      tracker.listeners.delete(check);
      clearTimeout(idle);
      clearTimeout(deadline);
    };
    const finish = () => {
      stop();
      resolve();
    };
    const deadline = setTimeout(() => {
      stop();
      const urls = [...tracker.pending].map((request) => request.url());
      reject(new Error(`API requests still in flight after ${timeout} ms: ${urls.join(', ')}`));
    }, timeout);
    tracker.listeners.add(check);
    check();
  });
}

/** The Arabic screens read right to left and carry no English left behind by a missing translation. */
async function checkLanguage(page, lang) {
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
  if (lang !== 'ar') return;
  const text = await page.evaluate(() => document.body.innerText);
  const left = untranslated.filter((english) => text.includes(english));
  assert.deepEqual(left, [], `English strings on an Arabic screen: ${left.join(' | ')}`);
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  assert.ok(
    arabic > 0 && arabic >= latin / 4,
    `the screen reads in Arabic (${arabic} Arabic, ${latin} Latin letters)`,
  );
}

/** Per page and language: axe's violations, for the summary at the end. */
export const audits = [];

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

/**
 * Grows the viewport to the whole page, as tall as its content (up to maxHeight), so the fixed shell
 * spans it as a user sees it and every section scrolled "near" draws itself; then waits until the
 * screen is finished at that size.
 */
async function unfold(page, maxHeight) {
  let height = VIEWPORT.height;
  for (let round = 0; round < 4; round += 1) {
    const wanted = Math.min(
      maxHeight,
      Math.max(VIEWPORT.height, await page.evaluate(() => document.documentElement.scrollHeight)),
    );
    if (wanted === height && round > 0) break;
    height = wanted;
    await page.setViewportSize({ width: VIEWPORT.width, height });
    // The shell's navbar is sized in dvh: let the layout follow before measuring again.
    await page.waitForFunction((h) => window.innerHeight === h, height);
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await settle(page);
  }
}

/** Checks, audits and photographs the page once it is finished, the whole page in one picture. */
export async function visit(page, lang, name, { maxHeight = 6000 } = {}) {
  // Sections below the fold may wait to be scrolled near before they draw: unfold settles them.
  await quiet(page);
  // A toast or dialog still fading in or out is audited at a passing opacity, not as it is read.
  // Endless ones (a spinner) are left out, and the wait is bounded.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  try {
    await unfold(page, maxHeight);
    await checkLanguage(page, lang);
    await checkAccessibility(page, lang, name);
    await capture(page, lang, name);
  } finally {
    await page.setViewportSize(VIEWPORT);
  }
}

/** A picture of the page as it is now, at the current viewport (a dialog open, say). */
export async function capture(page, lang, name) {
  mkdirSync(path.join(screenshotsDir, lang), { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, lang, `${name}.png`), animations: 'disabled' });
}

/** The language picker of the sign-in page, whatever language it is in now. */
export async function chooseLanguage(page, lang) {
  const label = new RegExp(
    `^(${escapeRegExp(strings.en.language.label)}|${escapeRegExp(strings.ar.language.label)})`,
  );
  await page.getByRole('combobox', { name: label }).selectOption(lang);
  await page.getByRole('heading', { level: 1, name: strings[lang].auth.title }).waitFor();
}

export async function signIn(page, lang, email, password = PASSWORD) {
  const t = strings[lang];
  if (!/\/sign-in/.test(page.url())) await page.goto('/sign-in');
  await page.getByRole('heading', { level: 1, name: t.auth.title }).waitFor();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: t.auth.submit, exact: true }).click();
}

/** Signs in and waits for the shell with the person's name in it. */
export async function signInAs(page, lang, email) {
  await signIn(page, lang, email);
  await page.getByRole('button', { name: strings[lang].auth.signOut }).waitFor();
}

const signingOut = new WeakSet();

export async function signOut(page, lang) {
  signingOut.add(page);
  try {
    await page.getByRole('button', { name: strings[lang].auth.signOut }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: strings[lang].auth.title }).waitFor();
    await settle(page);
  } finally {
    signingOut.delete(page);
  }
}

/** A link of the main navigation, followed. */
export async function navigate(page, lang, key) {
  await page.getByRole('navigation').getByRole('link', { name: strings[lang].nav[key], exact: true }).click();
}

/** The level-one heading, once it says what it should. */
export async function heading(page, name) {
  const locator = page.getByRole('heading', { level: 1, name });
  await locator.waitFor();
  return locator;
}

/**
 * A picture of part of the page, from the top of one element (or of the page) to the bottom of
 * another, for the
 * README. `wide` keeps the whole width (the shell with it); otherwise the picture is cropped to the
 * elements with a margin.
 */
export async function capturePart(page, lang, name, { from, to, wide = false, margin = 16 }) {
  mkdirSync(path.join(screenshotsDir, lang), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  const clipOf = async () => {
    // No `from`: the picture starts at the top of the page, the shell's header with it.
    const top = from ? await from.boundingBox() : { x: 0, y: margin, width: VIEWPORT.width, height: 0 };
    const bottom = await to.boundingBox();
    assert.ok(top && bottom, `${name}: both ends of the picture are on the page`);
    const y = Math.max(0, top.y - margin);
    const x = wide ? 0 : Math.max(0, Math.min(top.x, bottom.x) - margin);
    const right = wide ? VIEWPORT.width : Math.max(top.x + top.width, bottom.x + bottom.width) + margin;
    return { x, y, width: right - x, height: bottom.y + bottom.height + margin - y };
  };
  const first = await clipOf();
  try {
    // The viewport spans the picture, so the shell's full-height navbar does too.
    await unfold(page, Math.ceil(first.y + first.height));
    await page.screenshot({
      path: path.join(screenshotsDir, lang, `${name}.png`),
      animations: 'disabled',
      clip: await clipOf(),
    });
  } finally {
    await page.setViewportSize(VIEWPORT);
  }
}
