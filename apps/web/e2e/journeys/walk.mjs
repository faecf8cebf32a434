/* global document, window -- callbacks of page.evaluate run in the browser */
// Every screen of the dashboard, for the roles that use it, in one language: each is checked for
// what it must show, audited with axe-core and photographed once finished.
import assert from 'node:assert/strict';
import {
  capture,
  capturePart,
  chooseLanguage,
  countryName,
  escapeRegExp,
  fill,
  heading,
  navigate,
  settle,
  signIn,
  signInAs,
  signOut,
  strings,
  USERS,
  VIEWPORT,
  visit,
} from '../session.mjs';

/**
 * @param {object} options
 * @param {Set<string>} options.taken screens the scenario already photographed in this language
 * @param {{ projectId: string, projectCode: string, projectTitle: string, reviewPath: string } | null} options.project
 */
export async function walk({ page, report, lang, taken, project }) {
  const t = strings[lang];
  const p = t.projects;
  const r = t.reviews;
  report.use(page);
  const shoot = async (name, options) => {
    if (!taken.has(name)) await visit(page, lang, name, options);
  };
  const step = (name, fn) => report.step(name, fn);

  await step('an unknown visitor is sent to the sign-in page', async () => {
    await page.goto('/countries');
    await page.waitForURL(/\/sign-in\?next=%2Fcountries$/);
    // The page may already speak the browser's language: either title will do here.
    await page
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`^(${escapeRegExp(strings.en.auth.title)}|${escapeRegExp(strings.ar.auth.title)})$`),
      })
      .waitFor();
  });

  await step(`the language picker switches to ${lang}`, async () => {
    await chooseLanguage(page, lang);
    await shoot('sign-in');
  });

  await step('a wrong password shows the error', async () => {
    await signIn(page, lang, USERS.staff, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(t.auth.errors.invalidCredentials));
    await shoot('sign-in-error');
  });

  await step('staff signs in and lands where they were going', async () => {
    await signIn(page, lang, USERS.staff);
    await page.waitForURL(/\/countries$/);
    await heading(page, t.countries.title);
  });

  await step('the pages the API draws from this build come with every text filled in', async () => {
    // The build's prerendered screens as the API fills them in: a marker left in a page (a text the
    // build marked that the API no longer fills, or the other way round) would be shown as it is.
    const origin = new URL(page.url()).origin;
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pages = [
      { path: '/sign-in', cookie: '' },
      { path: '/fund', cookie: '' },
      { path: '/', cookie },
      ...(project ? [{ path: `/projects/${project.projectCode}`, cookie, shows: project.projectCode }] : []),
    ];
    for (const drawn of pages) {
      const response = await fetch(origin + drawn.path, { headers: { cookie: drawn.cookie } });
      const html = await response.text();
      const end = html.indexOf('<template id="first-screen-end">');
      assert.ok(end > 0, `${drawn.path} arrives drawn`);
      const title = /<title>[^<]*<\/title>/.exec(html)?.[0] ?? '';
      const root = html.slice(html.indexOf('<div id="root">'), end);
      assert.doesNotMatch(title + root, /\{\{\w+\}\}/, `${drawn.path} has no marker left`);
      if (drawn.shows) assert.ok(root.includes(drawn.shows), `${drawn.path} names ${drawn.shows}`);
    }
  });

  await step('countries filter on SIDS, and Maldives and Tuvalu appear', async () => {
    await page.locator('tr[data-iso3]').first().waitFor();
    await page.getByRole('checkbox', { name: t.countries.groups.sids.long }).check();
    await page.waitForURL(/[?&]sids=true/);
    await settle(page);
    const loadMore = page.getByRole('button', { name: t.common.loadMore });
    while (await loadMore.isVisible()) {
      await loadMore.click();
      await settle(page);
    }
    for (const iso2 of ['MV', 'TV'])
      await page.getByRole('rowheader', { name: countryName(lang, iso2), exact: true }).waitFor();
    const rows = await page.locator('tr[data-iso3]').count();
    const flagged = await page
      .locator('tr[data-iso3]')
      .filter({ hasText: t.countries.groups.sids.short })
      .count();
    assert.equal(flagged, rows, 'every row of the SIDS filter carries the SIDS badge');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('countries', { maxHeight: 2400 });
  });

  await step("a country's page: facts, projects, national strategies and consents", async () => {
    await page.goto('/countries/KEN');
    await heading(page, lang === 'en' ? 'Kenya' : countryName(lang, 'KE'));
    await settle(page);
    await shoot('country');
  });

  await step("the overview welcomes staff and shows the Fund's ledger", async () => {
    await navigate(page, lang, 'overview');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: /Sara Staff/ }).waitFor();
    assert.equal(await page.getByTestId('user-role').textContent(), t.roles.staff);
    await page.getByRole('heading', { level: 2, name: t.dashboard.ledger.title }).waitFor();
    await shoot('overview');
    if (lang === 'en') {
      // The README's first picture: the welcome, the ledger, the pipeline and paragraph 6.
      await capturePart(page, lang, 'readme-overview', {
        from: null,
        to: page.getByRole('region', { name: t.dashboard.compliance.title, exact: true }),
        wide: true,
      });
    }
  });

  await step('organizations list the demo organizations', async () => {
    await navigate(page, lang, 'organizations');
    await heading(page, t.organizations.title);
    await page.getByRole('cell', { name: t.organizations.kinds.un_entity }).first().waitFor();
    await shoot('organizations');
  });

  await step('projects: the list filtered on a stage and a funding window', async () => {
    await navigate(page, lang, 'projects');
    await heading(page, p.title);
    await page.getByRole('combobox', { name: p.filters.stage }).click();
    await page.getByRole('option', { name: p.stages.under_review, exact: true }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/[?&]stage=under_review/);
    await settle(page);
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    const underReview = await rows.filter({ hasText: p.stages.under_review }).count();
    assert.equal(underReview, count, 'every project listed is under review');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('projects');
  });

  await step('printing the project list leaves out the navigation and cuts no column', async () => {
    // An A4 sheet's printable width at 96 dpi, margins taken off.
    await page.setViewportSize({ width: 700, height: 900 });
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.getByRole('navigation').first().isVisible(), false, 'no navigation on paper');
      assert.equal(await page.locator('header').first().isVisible(), false, 'no header on paper');
      const overflow = await page.evaluate(() => {
        const table = document.querySelector('main table');
        return table ? table.getBoundingClientRect().right - document.documentElement.clientWidth : null;
      });
      assert.ok(overflow !== null && overflow <= 1, `the table fits the sheet (${overflow} px beyond it)`);
      await capture(page, lang, 'projects-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(VIEWPORT);
    }
  });

  if (project) {
    await step('a project: its decisions, paragraph 6 and the principles scorecard', async () => {
      await page.goto(`/projects/${project.projectId}`);
      await heading(page, project.projectTitle);
      await page.locator('[data-stage="approved"]').first().waitFor();
      await shoot('project');
      await page.getByRole('tab', { name: p.tabs.paragraph6 }).click();
      await page.getByTestId('paragraph6-overall').locator('[data-status="compliant"]').waitFor();
      await shoot('project-paragraph6');
      await page.getByRole('tab', { name: p.tabs.scorecard }).click();
      await page.getByTestId('scorecard').waitFor();
      await shoot('project-scorecard');
      if (lang === 'en') {
        // The README's second picture: the assessment, its reviewers and the first principle.
        await capturePart(page, lang, 'readme-scorecard', {
          from: page.getByRole('region', { name: p.scorecard.title }),
          to: page.getByRole('article', { name: p.principles.people_centred }),
        });
      }
    });

    await step('the edit form of a project', async () => {
      await page.getByRole('link', { name: p.detail.edit }).click();
      await heading(page, fill(p.edit.heading, { code: project.projectCode }));
      await settle(page);
      await shoot('project-edit');
    });
  }

  await step('the form of a new project', async () => {
    await page.goto('/projects/new');
    await heading(page, p.new);
    await settle(page);
    await shoot('project-new');
  });

  await step('reviews: the board of proposals under review', async () => {
    await navigate(page, lang, 'reviews');
    await heading(page, r.title);
    await settle(page);
    await shoot('reviews-board');
  });

  await step('national strategies in force today, by country', async () => {
    await navigate(page, lang, 'strategies');
    await heading(page, t.strategies.title);
    const today = new Date().toISOString().slice(0, 10);
    const covers = page.getByLabel(t.strategies.filters.coversDate);
    await covers.fill(today);
    await covers.blur();
    await page.waitForURL(new RegExp(`[?&]coversDate=${today}`));
    await settle(page);
    await page
      .getByRole('table', { name: t.strategies.title })
      .getByText(countryName(lang, 'GH'), { exact: true })
      .first()
      .waitFor();
    await shoot('strategies', { maxHeight: 3000 });
  });

  await step("donors, and a donor's contributions", async () => {
    await navigate(page, lang, 'donors');
    await heading(page, t.donors.title);
    await settle(page);
    await shoot('donors');
    await page.getByRole('link', { name: 'Japan', exact: true }).click();
    await heading(page, 'Japan');
    await settle(page);
    await shoot('donor');
  });

  await step('the audit log', async () => {
    await navigate(page, lang, 'audit');
    await heading(page, t.audit.title);
    await settle(page);
    await shoot('audit', { maxHeight: 3000 });
  });

  await step('an unknown address shows the not-found page', async () => {
    await page.goto('/no-such-page');
    await heading(page, t.notFound.title);
    await shoot('not-found');
    await signOut(page, lang);
  });

  await step('a reviewer: their overview and their queue', async () => {
    await signInAs(page, lang, USERS.reviewer1);
    await page.getByTestId('user-role').filter({ hasText: t.roles.reviewer }).waitFor();
    await settle(page);
    await shoot('overview-reviewer');
    await navigate(page, lang, 'reviews');
    await heading(page, r.queue.title);
    await settle(page);
    await shoot('review-queue', { maxHeight: 3000 });
  });

  if (project) {
    await step('a reviewer reads the review they submitted', async () => {
      // The queue lists every review by code, fifty at a time: the address is the way back to this one.
      await page.goto(project.reviewPath);
      await page.getByText(r.submitted.title, { exact: true }).waitFor();
      await shoot('review-submitted');
      await navigate(page, lang, 'reviews');
      await heading(page, r.queue.title);
    });
  }

  if (!taken.has('review-form')) {
    await step('a reviewer declares no conflict and the scoring form opens', async () => {
      // Demo proposals wait for the reviewer, some with the conflicts still to declare.
      const waiting = page.getByRole('region', { name: r.queue.waiting });
      const start = waiting.getByRole('link', { name: r.queue.start });
      const names = [r.queue.start, r.queue.score, r.queue.continue].map(escapeRegExp).join('|');
      await waiting
        .getByRole('link', { name: new RegExp(`^(${names})`) })
        .first()
        .waitFor();
      if (await start.count()) {
        await start.first().click();
        await page.getByRole('heading', { level: 2, name: r.conflict.title }).waitFor();
        await shoot('review-declare');
        await page.getByRole('radio', { name: r.conflict.no }).check();
        await page.getByRole('button', { name: r.conflict.submitNo }).click();
      } else {
        await waiting
          .getByRole('link', { name: new RegExp(`^(${r.queue.score}|${r.queue.continue})`) })
          .first()
          .click();
      }
      await page.getByRole('heading', { level: 2, name: r.recommendation.title }).waitFor();
      await shoot('review-form');
    });
  }

  await step('sign-out returns to the sign-in page', async () => {
    await signOut(page, lang);
    await page.goto('/');
    await page.waitForURL(/\/sign-in$/);
  });

  await step('a donor does not see Organizations, and cannot open it', async () => {
    await signIn(page, lang, USERS.donor);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('user-role').filter({ hasText: t.roles.donor }).waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: t.nav.countries }).waitFor();
    assert.equal(await nav.getByRole('link', { name: t.nav.organizations }).count(), 0);
    await shoot('overview-donor');
    await page.goto('/organizations');
    await heading(page, t.notFound.title);
  });

  if (!taken.has('donor-contributions')) {
    await step('the donor reads its contributions', async () => {
      await navigate(page, lang, 'myContributions');
      await heading(page, fill(t.donors.mine.titleNamed, { donor: 'Japan' }));
      await settle(page);
      await shoot('donor-contributions');
    });
  }

  await step('an administrator manages the users', async () => {
    await signOut(page, lang);
    await signInAs(page, lang, USERS.admin);
    await navigate(page, lang, 'users');
    await heading(page, t.users.title);
    await settle(page);
    for (const email of Object.values(USERS)) await page.getByText(email, { exact: true }).waitFor();
    await shoot('users');
    await signOut(page, lang);
  });

  assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
}
