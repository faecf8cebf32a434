// Data in and out, as staff meet it: the national strategies exported as CSV with their headers in the
// reader's language (Arabic) and every row of the list; a donor's statement downloaded as a PDF; a
// file of strategies imported, refused for its one bad row (named by row, column and message), then
// corrected, imported, and found on the strategies screen.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  chooseLanguage,
  fill,
  heading,
  settle,
  signInAs,
  signOut,
  strings,
  USERS,
  visit,
} from '../session.mjs';
import { repoRoot } from '../support.mjs';

/** The strategies export's columns (apps/api/src/strategies/strategy-export.ts), by label key. */
const STRATEGY_EXPORT_KEYS = [
  'country',
  'title',
  'periodFrom',
  'periodTo',
  'priorityAreas',
  'reference',
  'version',
  'updatedAt',
];

/** An export header as the API writes it in `lang`, read from its label table (labels/<lang>.ts). */
async function exportHeader(lang) {
  const source = await readFile(
    path.join(repoRoot, 'apps/api/src/common/export/labels', `${lang}.ts`),
    'utf8',
  );
  return STRATEGY_EXPORT_KEYS.map((key) => {
    const match = new RegExp(`^\\s*${key}: '([^']*)',`, 'm').exec(source);
    assert.ok(match, `the ${lang} export labels name ${key}`);
    return match[1];
  });
}

/** A download the click sets off, read whole. */
async function downloaded(page, click) {
  // A statement is drawn on request (fonts, shaping): slower than a list's export.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
  const file = await download.path();
  assert.ok(file, `${download.suggestedFilename()} was saved`);
  return { name: download.suggestedFilename(), content: await readFile(file) };
}

/** Every item of a list route, all pages, as the signed-in reader gets them. */
async function allItems(page, route) {
  const items = [];
  let cursor = null;
  do {
    const response = await page.request.get(
      `${route}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    assert.equal(response.status(), 200, `${route} answers`);
    const body = await response.json();
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

export async function runDataIoJourney({ page, report }) {
  report.use(page);
  const ar = strings.ar;
  const en = strings.en;
  const stamp = Date.now().toString(36);
  const titles = [`Imported resilience plan ${stamp}`, `Imported recovery plan ${stamp}`];

  await report.step('staff exports the national strategies as CSV, headed in Arabic, every row', async () => {
    await page.goto('/sign-in');
    await chooseLanguage(page, 'ar');
    await signInAs(page, 'ar', USERS.staff);
    await page.goto('/strategies');
    await heading(page, ar.strategies.title);
    await settle(page);
    await page.getByRole('button', { name: ar.exports.menu }).click();
    const file = await downloaded(page, () => page.getByRole('menuitem', { name: ar.exports.csv }).click());
    assert.match(file.name, /\.csv$/);
    // UTF-8 with a byte order mark, so that Excel reads Arabic and Chinese right.
    assert.deepEqual([...file.content.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(file.content, { bom: true });
    assert.deepEqual(header, await exportHeader('ar'));
    const listed = await allItems(page, '/api/v1/national-strategies');
    assert.ok(listed.length > 0, 'the demo has national strategies');
    assert.equal(rows.length, listed.length, 'the file holds every row of the list, not one page');
    assert.deepEqual(rows.map((row) => row[1]).sort(), listed.map((strategy) => strategy.title).sort());
    await signOut(page, 'ar');
    await chooseLanguage(page, 'en');
  });

  await report.step('staff downloads a donor’s statement, a PDF', async () => {
    await signInAs(page, 'en', USERS.staff);
    const [donor] = await allItems(page, '/api/v1/donors');
    assert.ok(donor, 'the demo has a donor');
    await page.goto(`/donors/${donor.id}`);
    await heading(page, donor.name);
    await settle(page);
    await page.getByRole('button', { name: en.statements.donor.button }).click();
    // The dialog's link, fetched with the reader's session: in headless Chromium a click on it inside
    // the popover never completes its scroll into view, so the file is read from the link's address.
    const link = page.getByRole('link', { name: en.statements.donor.download });
    const href = await link.getAttribute('href');
    assert.ok(href, 'the dialog links to the statement');
    const response = await page.request.get(href);
    assert.equal(response.status(), 200);
    const disposition = response.headers()['content-disposition'] ?? '';
    const file = { name: /filename="([^"]+)"/.exec(disposition)?.[1] ?? '', content: await response.body() };
    assert.match(file.name, /\.pdf$/);
    assert.equal(file.content.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(file.content.length > 1000, 'the statement has content');
  });

  const upload = async (lines) => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'strategies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
    });
    await page.getByRole('button', { name: en.imports.check }).click();
  };
  const header = 'Country,Title,Period from,Period to,Priority areas';

  await report.step('a file with one bad row is refused, the row, column and problem named', async () => {
    await page.goto('/imports');
    await heading(page, en.imports.title);
    await page.getByRole('combobox', { name: en.imports.kind }).click();
    await page.getByRole('option', { name: en.imports.kinds.strategies, exact: true }).click();
    await upload([
      header,
      `KEN,${titles[0]},2026-01-01,2030-12-31,Health; Food security`,
      `Atlantis,${titles[1]},2026-01-01,2030-12-31,Livelihoods`,
    ]);
    const errors = page.getByRole('table', { name: en.imports.errorsCaption });
    await errors.waitFor();
    // The one row at fault, and only its one error.
    assert.equal(await errors.locator('tbody tr').count(), 1);
    const cells = await errors.locator('tbody tr').first().getByRole('cell').allInnerTexts();
    assert.deepEqual(cells.slice(0, 2), ['3', 'Country']);
    assert.match(cells[2] ?? '', /ISO 3166-1 alpha-3/);
    await page.getByText(fill(en.imports.hasErrors, { n: 1 })).waitFor();
    assert.equal(
      await page.getByRole('button', { name: fill(en.imports.confirm, { n: 1 }) }).count(),
      0,
      'nothing is offered for import',
    );
    await visit(page, 'en', 'import-errors');
  });

  await report.step('the corrected file is imported, and its strategies are on the list', async () => {
    await upload([
      header,
      `KEN,${titles[0]},2026-01-01,2030-12-31,Health; Food security`,
      `UGA,${titles[1]},2026-01-01,2030-12-31,Livelihoods`,
    ]);
    await page.getByText(fill(en.imports.wouldCreate, { n: 2 })).waitFor();
    await page.getByRole('button', { name: fill(en.imports.confirm, { n: 2 }) }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: fill(en.imports.created, { n: 2 }) })
      .first()
      .waitFor();
    await visit(page, 'en', 'import-done');
    await page.goto(`/strategies?q=${encodeURIComponent(stamp)}`);
    await heading(page, en.strategies.title);
    await settle(page);
    for (const title of titles) await page.getByText(title, { exact: true }).first().waitFor();
    await signOut(page, 'en');
  });
}
