// What staff assigning a reviewer sets off: the reviewer's notification in the bell and the mail
// (kept in the outbox, since the e2e API has no SMTP server), whose link opens the review. Runs
// after the approval scenario, whose staff assigned three reviewers to `project`.
import assert from 'node:assert/strict';
import {
  escapeRegExp,
  fill,
  heading,
  settle,
  signInAs,
  signOut,
  strings,
  USERS,
  visit,
} from '../session.mjs';

/** The jobs that turn the assignment into a notification and a mail poll every 2 s: allow for a loaded machine. */
const DELIVERY_MS = 30_000;

export async function runNotificationsJourney({ page, report, project }) {
  const lang = 'en';
  const t = strings.en;
  const n = t.notifications;
  const subject = fill('You are asked to review {{code}}', { code: project.projectCode });
  let mailLink = null;

  await report.step('the admin reads the reviewer’s assignment mail in the outbox', async () => {
    await signInAs(page, lang, USERS.admin);
    await page.goto('/operations');
    await heading(page, n.operations.title);
    await page.getByRole('tab', { name: n.operations.outbox }).click();
    const mail = page
      .getByTestId('outbox-mail')
      .filter({ hasText: subject })
      .filter({
        hasText: fill(n.operations.to, { address: USERS.reviewer1 }),
      });
    const deadline = Date.now() + DELIVERY_MS;
    while (!(await mail.count()) && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('tab', { name: n.operations.outbox }).click();
    }
    await mail.first().getByRole('button').first().click();
    const link = mail.first().getByRole('link', { name: /\/reviews\// });
    mailLink = await link.getAttribute('href');
    assert.match(mailLink ?? '', /\/reviews\/[0-9a-f-]{36}$/);
    await visit(page, lang, 'operations-outbox');
    await page.getByRole('tab', { name: n.operations.jobs }).click();
    await page.getByTestId('job').first().waitFor();
    await visit(page, lang, 'operations-jobs');
    await signOut(page, lang);
  });

  await report.step(
    'the reviewer sees the notification in the bell and follows it to the review',
    async () => {
      await signInAs(page, lang, USERS.reviewer1);
      const bell = page.getByTestId('notification-bell');
      await bell.click();
      const notice = page.getByTestId('notification').filter({ hasText: new RegExp(escapeRegExp(subject)) });
      await notice.first().waitFor({ timeout: DELIVERY_MS });
      await visit(page, lang, 'notifications-bell', { maxHeight: 900 });
      await notice.first().getByRole('button').click();
      await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
      assert.equal(new URL(page.url()).pathname, new URL(mailLink).pathname);
      await settle(page);
    },
  );

  await report.step('the mail’s link opens the same review', async () => {
    await page.goto(new URL(mailLink).pathname);
    await page.waitForURL(/\/reviews\//);
    await settle(page);
    await page.goto('/notifications');
    await heading(page, n.title);
    await visit(page, lang, 'notifications');
    await signOut(page, lang);
  });
}
