// What follows the approval, as staff run it: on the project the scenario approved, staff record a
// transfer (which activates it), set out its results framework, hand in the first progress report
// with the indicator's actual, which a second staff member (the admin) accepts; a budget revision
// requested by one and decided by the other; a suspension with its reason and the resumption; the
// final narrative report; completion and closure; a lesson learned. Then the timeline, the reports
// and results tabs and the revision dialog are photographed in English and in Arabic.
import assert from 'node:assert/strict';
import {
  chooseLanguage,
  fill,
  heading,
  navigate,
  settle,
  signInAs,
  signOut,
  strings,
  USERS,
  visit,
} from '../session.mjs';

const INDICATOR = 'Villages with a working early-warning committee';
const OUTCOME = 'Communities act on early warnings before a drought turns into conflict';
const LESSON = 'Early-warning committees need a second channel';

/**
 * @param {object} options
 * @param {{ projectId: string, projectCode: string, projectTitle: string }} options.project approved by the scenario
 */
export async function runAfterApprovalJourney({ page, report, project }) {
  let lang = 'en';
  let t = strings.en;
  report.use(page);
  const { projectId, projectTitle } = project;
  const p = () => t.projects;

  const openTab = async (tab, label) => {
    await page.goto(`/projects/${projectId}${tab === 'overview' ? '' : `?tab=${tab}`}`);
    await heading(page, projectTitle);
    await page.getByRole('tab', { name: label, selected: true }).waitFor();
    await settle(page);
  };
  const gates = () => page.getByRole('region', { name: p().transitions.title });
  /** A decision of the transitions panel: its note (and reason), confirmed; the stage badge follows. */
  const decide = async (label, confirm, to, { note, reason } = {}) => {
    const button = gates().getByRole('button', { name: label });
    await button.waitFor();
    assert.equal(await button.isEnabled(), true, `${label} is open`);
    await button.click();
    const dialog = page.getByRole('dialog', { name: label });
    if (reason) await dialog.getByRole('textbox', { name: t.suspension.reason }).fill(reason);
    await dialog.getByRole('textbox', { name: p().transitions.note }).fill(note);
    await dialog.getByRole('button', { name: confirm }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`[data-stage="${to}"]`).first().waitFor();
  };
  const reportRow = (name) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  const progressName = () => fill(t.reports.kinds.progressYear, { year: 1 });
  /** One of the reports in the panel, handed in with one document. */
  const handIn = async (name, document) => {
    await reportRow(name).getByRole('button', { name: t.reports.actions.submit }).click();
    const dialog = page.getByRole('dialog', { name: fill(t.reports.submit.title, { report: name }) });
    await dialog.getByRole('textbox', { name: t.reports.submit.documentTitle }).fill(document.title);
    await dialog.getByRole('textbox', { name: t.reports.submit.reference }).fill(document.reference);
    await dialog.getByRole('button', { name: t.reports.actions.submit }).click();
    await dialog.waitFor({ state: 'detached' });
    await reportRow(name).getByText(t.reports.statuses.submitted).first().waitFor();
  };
  const accept = async (name) => {
    await reportRow(name).getByRole('button', { name: t.reports.actions.review }).click();
    const dialog = page.getByRole('dialog', { name: fill(t.reports.review.title, { report: name }) });
    await dialog
      .getByRole('textbox', { name: t.reports.review.comments })
      .fill('Complete and consistent with the financial records.');
    await dialog.getByRole('button', { name: t.reports.review.accept }).click();
    await dialog.waitFor({ state: 'detached' });
    await reportRow(name).getByText(t.reports.statuses.accepted).first().waitFor();
  };
  const switchTo = async (next, email) => {
    await signOut(page, lang);
    await chooseLanguage(page, next);
    lang = next;
    t = strings[next];
    await signInAs(page, lang, email);
  };

  await report.step('staff record the first transfer to UNDP, which makes the project active', async () => {
    await signInAs(page, lang, USERS.staff);
    await openTab('finance', p().tabs.finance);
    const form = page.getByRole('region', { name: p().finance.newTransfer });
    await form.getByRole('textbox', { name: p().finance.amountUsd }).fill('200000');
    await form.getByRole('textbox', { name: p().finance.reference }).fill('UNDP-MPTF-2026-0042');
    await form.getByRole('button', { name: p().finance.record }).click();
    await form.getByRole('status').filter({ hasText: p().finance.recorded }).waitFor();
    await visit(page, lang, 'after-approval-transfer');
    await decide(p().transitions.actions.active, p().transitions.confirm.active, 'active', {
      note: 'The first tranche reached UNDP; work starts in the districts.',
    });
  });

  await report.step('staff set out an outcome and its indicator on the results tab', async () => {
    await openTab('results', t.results.tab);
    await page.getByRole('button', { name: t.results.framework.addOutcome }).click();
    let dialog = page.getByRole('dialog', { name: t.results.add.outcomeTitle });
    await dialog.getByRole('textbox', { name: t.results.add.title }).fill(OUTCOME);
    await dialog.getByRole('button', { name: t.results.save }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: t.results.framework.addIndicator })
      .and(page.locator(':enabled'))
      .click();
    dialog = page.getByRole('dialog', { name: t.results.add.indicatorTitle });
    await dialog.getByRole('textbox', { name: t.results.add.name }).fill(INDICATOR);
    await dialog.getByRole('textbox', { name: t.results.columns.unit }).fill('villages');
    await dialog.getByRole('textbox', { name: t.results.columns.target }).fill('40');
    await visit(page, lang, 'after-approval-indicator-form', { maxHeight: 900 });
    await dialog.getByRole('button', { name: t.results.save }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: INDICATOR }).waitFor();
  });

  await report.step(
    'staff record the indicator’s actual in the first progress report and hand it in',
    async () => {
      await openTab('reports', t.reports.tab);
      const name = progressName();
      await reportRow(name).getByRole('button', { name: t.reports.actions.results }).click();
      const dialog = page.getByRole('dialog', { name: fill(t.reports.results.title, { report: name }) });
      await dialog.getByRole('textbox', { name: t.results.record.peopleReached }).fill('12500');
      await dialog.getByRole('textbox', { name: `${INDICATOR} (villages)` }).fill('18');
      await visit(page, lang, 'after-approval-record-results', { maxHeight: 900 });
      await dialog.getByRole('button', { name: t.results.save }).click();
      await dialog.waitFor({ state: 'detached' });
      await handIn(name, {
        title: 'Early warning in Turkana and Upper East: year 1',
        reference: 'HSTF/KEN-GHA/APR-1',
      });
      await reportRow(name).getByText(t.reports.fourEyes).waitFor();
    },
  );

  await report.step('staff request a budget revision; the request awaits another staff member', async () => {
    await openTab('revisions', t.revisions.tab);
    await page.getByRole('button', { name: t.revisions.request.open }).click();
    const dialog = page.getByRole('dialog', {
      name: fill(t.revisions.request.title, { code: project.projectCode }),
    });
    await dialog.getByRole('textbox', { name: t.revisions.request.approvedBudget }).fill('900000');
    await dialog
      .getByRole('textbox', { name: t.revisions.request.justification })
      .fill('The Ghana water component costs less than planned: the county drilled two of the boreholes.');
    await visit(page, lang, 'revision-dialog', { maxHeight: 900 });
    await dialog.getByRole('button', { name: t.revisions.request.submit }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(t.revisions.awaitingOther).waitFor();
    await signOut(page, lang);
  });

  await report.step(
    'a second staff member accepts the progress report and approves the revision',
    async () => {
      await signInAs(page, lang, USERS.admin);
      await openTab('reports', t.reports.tab);
      await accept(progressName());
      await visit(page, lang, 'project-reports');
      await openTab('revisions', t.revisions.tab);
      await page.getByRole('button', { name: t.revisions.decide.open }).click();
      const dialog = page.getByRole('dialog', { name: t.revisions.decide.title });
      await dialog
        .getByRole('textbox', { name: t.revisions.decide.comment })
        .fill('The savings are documented.');
      await visit(page, lang, 'revision-decide', { maxHeight: 900 });
      await dialog.getByRole('button', { name: t.revisions.decide.approve }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(t.revisions.statuses.approved).first().waitFor();
      await visit(page, lang, 'project-revisions');
    },
  );

  await report.step('the project is suspended with its reason, then resumed', async () => {
    await openTab('overview', p().tabs.overview);
    await decide(p().transitions.actions.suspended, p().transitions.confirm.suspended, 'suspended', {
      reason: 'Fighting in the border districts stopped all field work.',
      note: 'Suspended until the districts are safe again.',
    });
    await page.getByText(t.suspension.notice).waitFor();
    await visit(page, lang, 'project-suspended');
    await decide(
      fill(t.suspension.resume, { stage: p().stages.active }),
      t.suspension.resumeConfirm,
      'active',
      { note: 'The districts are safe again; field work resumes.' },
    );
    await signOut(page, lang);
  });

  await report.step('staff complete the project and hand in the final narrative report', async () => {
    await signInAs(page, lang, USERS.staff);
    await openTab('overview', p().tabs.overview);
    await decide(p().transitions.actions.completed, p().transitions.confirm.completed, 'completed', {
      note: 'All activities are done.',
    });
    await openTab('reports', t.reports.tab);
    await handIn(t.reports.kinds.final_narrative, {
      title: 'Early warning in Turkana and Upper East: closing account',
      reference: 'HSTF/KEN-GHA/FNR',
    });
    await signOut(page, lang);
  });

  await report.step('the second staff member accepts the final report and closes the project', async () => {
    await signInAs(page, lang, USERS.admin);
    await openTab('reports', t.reports.tab);
    await accept(t.reports.kinds.final_narrative);
    await openTab('overview', p().tabs.overview);
    await decide(p().transitions.actions.closed, p().transitions.confirm.closed, 'closed', {
      note: 'The final reports are in; the project is closed.',
    });
  });

  await report.step('a lesson learned is recorded from the closed project', async () => {
    await navigate(page, lang, 'lessons');
    await heading(page, t.lessons.title);
    await page.getByRole('button', { name: t.lessons.create }).click();
    const dialog = page.getByRole('dialog', { name: t.lessons.form.createTitle });
    const select = dialog.getByRole('combobox', { name: t.lessons.form.project });
    await select.click();
    await select.fill(project.projectCode);
    await page.getByRole('option', { name: new RegExp(project.projectCode) }).click();
    await dialog.getByRole('textbox', { name: t.lessons.fields.title }).fill(LESSON);
    await dialog
      .getByRole('textbox', { name: t.lessons.fields.whatHappened })
      .fill('When the radio relay failed, the committees could not pass the drought alerts on.');
    await dialog
      .getByRole('textbox', { name: t.lessons.fields.whatLearned })
      .fill('Every committee keeps a telephone tree beside the radio.');
    await visit(page, lang, 'lesson-form', { maxHeight: 900 });
    await dialog.getByRole('button', { name: t.lessons.form.save }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: LESSON }).first().waitFor();
    await visit(page, lang, 'lessons');
  });

  for (const next of ['en', 'ar']) {
    await report.step(`the project’s timeline, reports, results and revisions (${next})`, async () => {
      await switchTo(next, USERS.staff);
      await openTab('timeline', t.timeline.tab);
      await visit(page, lang, 'project-timeline');
      await openTab('reports', t.reports.tab);
      await reportRow(t.reports.kinds.final_narrative)
        .getByText(t.reports.statuses.accepted)
        .first()
        .waitFor();
      await visit(page, lang, 'project-reports');
      await openTab('results', t.results.tab);
      await page.getByRole('rowheader', { name: INDICATOR }).waitFor();
      await visit(page, lang, 'project-results');
      await openTab('revisions', t.revisions.tab);
      await page.getByText(t.revisions.statuses.approved).first().waitFor();
      await visit(page, lang, 'project-revisions');
    });
  }

  await report.step(
    'the revision dialog in Arabic, on a project of the demo still open to revisions',
    async () => {
      const response = await page.request.get('/api/v1/projects?stage=active&limit=1');
      assert.equal(response.status(), 200);
      const [active] = (await response.json()).items;
      assert.ok(active, 'the demo has an active project');
      await page.goto(`/projects/${active.id}`);
      // The page is in Arabic: the project's Arabic title where it has one.
      await heading(page, active.titleTranslations?.ar?.trim() || active.title);
      await settle(page);
      await page.getByRole('tab', { name: t.revisions.tab }).click();
      await settle(page);
      await page.getByRole('button', { name: t.revisions.request.open }).click();
      await page
        .getByRole('dialog')
        .getByRole('textbox', { name: t.revisions.request.justification })
        .waitFor();
      await visit(page, lang, 'revision-dialog', { maxHeight: 900 });
      // The dialog covers the page: closed unsent before signing out.
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await signOut(page, lang);
    },
  );
}
