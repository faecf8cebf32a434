// A consent letter attached by staff on the paragraph 6 tab, downloaded under its own name, and
// refused to the donor (404) even with the link in hand. Runs after the approval scenario, whose
// staff recorded the consent of each recipient State of `project`.
import assert from 'node:assert/strict';
import { fill, settle, signInAs, signOut, strings, USERS, visit } from '../session.mjs';

const LETTER_NAME = 'Consent letter – e2e.pdf';
const LETTER = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

export async function runDocumentsJourney({ page, report, project }) {
  const lang = 'en';
  const t = strings.en;
  const d = t.documents;
  let href = null;

  await report.step('staff attach a consent letter to a recipient State’s consent', async () => {
    await signInAs(page, lang, USERS.staff);
    await page.goto(`/projects/${project.projectId}?tab=paragraph6`);
    await page.getByTestId('paragraph6-overall').waitFor();
    await page.getByRole('button', { name: d.open }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(d.empty).waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: LETTER_NAME,
      mimeType: 'application/pdf',
      buffer: LETTER,
    });
    await dialog.getByRole('button', { name: d.attach.submit }).click();
    const link = dialog.getByRole('link', { name: fill(d.download, { name: LETTER_NAME }) });
    await link.waitFor();
    await dialog.getByText(d.kinds.consent_letter).first().waitFor();
    await visit(page, lang, 'consent-documents', { maxHeight: 900 });
    href = await link.getAttribute('href');
    assert.match(href ?? '', /^\/api\/v1\/documents\/[0-9a-f-]{36}\/content$/);

    const download = await page.request.get(href);
    assert.equal(download.status(), 200);
    assert.equal(download.headers()['content-type'], 'application/pdf');
    assert.match(
      download.headers()['content-disposition'] ?? '',
      /filename\*=UTF-8''Consent%20letter%20%E2%80%93%20e2e\.pdf/,
    );
    assert.deepEqual(Buffer.from(await download.body()), LETTER);
    await page.keyboard.press('Escape');
    await settle(page);
    await signOut(page, lang);
  });

  await report.step('the donor cannot fetch the consent letter, even with its link', async () => {
    await signInAs(page, lang, USERS.donor);
    const refused = await page.request.get(href);
    assert.equal(refused.status(), 404);
    assert.match(refused.headers()['content-type'] ?? '', /^application\/problem\+json/);
    await signOut(page, lang);
  });
}
