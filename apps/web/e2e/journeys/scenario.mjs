/* global window -- callbacks of page.evaluate run in the browser */
// The Fund's decision, end to end, as the people who take it do it: staff record a two-country
// proposal with its consent and alignment, send it to three reviewers (one withdraws for a conflict,
// two score it), are refused the approval while paragraph 6 does not hold for the second country,
// complete it and approve; then the donor reads its contributions.
import assert from 'node:assert/strict';
import {
  countryName,
  escapeRegExp,
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

const FIRST = { iso3: 'KEN', iso2: 'KE' };
// No national strategy of Ghana is in the demo data: staff record one first.
const SECOND = { iso3: 'GHA', iso2: 'GH' };
const PROJECT_TITLE = 'Community early warning and livelihoods in northern Kenya and Ghana';
const GHANA_STRATEGY = 'Ghana Medium-Term National Development Policy Framework 2026–2030';
const KENYA_STRATEGY = 'National Strategy for Sustainable Development 2030';
const START = '2027-01-01';
const END = '2029-12-31';

const REVIEWERS = [
  { key: 'reviewer1', name: 'Rafael Reviewer', conflict: false, scores: [3, 3, 3, 3, 3] },
  { key: 'reviewer2', name: 'Ruth Reviewer', conflict: false, scores: [3, 4, 3, 3, 3] },
  { key: 'reviewer3', name: 'Rahul Reviewer', conflict: true },
];
const RUBRIC = ['absent', 'weak', 'partial', 'strong', 'exemplary'];
/** What each reviewer writes for each principle, after the rubric's word for the score. */
const JUSTIFICATIONS = {
  reviewer1: {
    people_centred:
      'women, children and older persons are counted and choose the warning signals; their committees steer the work.',
    comprehensive:
      'drought, raids and debt are tackled together; UNDP and UNICEF split livelihoods and water without overlap.',
    context_specific:
      'county and district plans start from community risk maps; the capacities of local government are assessed.',
    prevention_oriented:
      'committees act on early warnings before a drought turns into conflict; root causes are named and addressed.',
    protection_empowerment:
      'county policies and contingency funds protect; savings groups and peace committees let people act for themselves.',
  },
  reviewer2: {
    people_centred:
      'the most exposed groups are named and take part in design and monitoring, not only as recipients.',
    comprehensive:
      'one programme covers freedom from fear and from want, with a clear division of labour between the two agencies.',
    context_specific:
      "grounded in local assessments of each country; the alignment with Kenya's national strategy is explicit.",
    prevention_oriented:
      'a community early-warning mechanism is built in; the analysis of root causes could go further.',
    protection_empowerment:
      'institutional protection and community empowerment reinforce each other in one framework.',
  },
};
/** What staff write in the record with each decision. */
const NOTES = {
  full_proposal: 'The concept note fits Window I; UNDP and UNICEF are invited to submit the full proposal.',
  under_review: 'The full proposal is complete; it goes to three reviewers.',
  approved:
    'Both recipient States consented and the project is in line with their national strategies; the panel recommends approval.',
};
const PRINCIPLES = [
  'people_centred',
  'comprehensive',
  'context_specific',
  'prevention_oriented',
  'protection_empowerment',
];

/** Sums decimal strings exactly, in cents. */
function sumCents(amounts) {
  return amounts.reduce((total, amount) => {
    const [whole, fraction = ''] = amount.split('.');
    const sign = whole.startsWith('-') ? -1n : 1n;
    return (
      total + sign * (BigInt(whole.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2)))
    );
  }, 0n);
}

function centsToDecimal(cents) {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

export async function runScenario({ page, report, baseUrl }) {
  const lang = 'en';
  const t = strings.en;
  const p = t.projects;
  const first = countryName(lang, FIRST.iso2);
  const second = countryName(lang, SECOND.iso2);
  let projectId = '';
  let projectCode = '';
  let reviewPath = '';
  report.use(page);
  console.log('\nThe approval of a two-country project (en)');

  await report.step('staff records a national strategy of Ghana on the strategies screen', async () => {
    await signInAs(page, lang, USERS.staff);
    await navigate(page, lang, 'strategies');
    await heading(page, t.strategies.title);
    await page.getByRole('button', { name: t.strategies.create }).click();
    const dialog = page.getByRole('dialog', { name: t.strategies.form.createTitle });
    await dialog.getByRole('combobox', { name: t.strategies.form.countryIso3 }).fill(second);
    await page.getByRole('option', { name: second, exact: true }).click();
    await dialog.getByRole('textbox', { name: t.strategies.form.title }).fill(GHANA_STRATEGY);
    await dialog.getByLabel(t.strategies.form.periodFrom).fill('2026-01-01');
    await dialog.getByLabel(t.strategies.form.periodTo).fill('2030-12-31');
    const areas = dialog.getByRole('combobox', { name: t.strategies.form.priorityAreas });
    for (const area of ['Resilient communities', 'Food and nutrition security']) {
      await areas.fill(area);
      await areas.press('Enter');
    }
    await visit(page, lang, 'strategy-form', { maxHeight: 900 });
    await dialog.getByRole('button', { name: t.strategies.form.create }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: fill(t.strategies.created, { title: GHANA_STRATEGY }) })
      .waitFor();
  });

  await report.step(
    'staff fills in the project form with two recipient countries and creates it',
    async () => {
      await navigate(page, lang, 'projects');
      await heading(page, p.title);
      await page.getByRole('link', { name: p.new }).click();
      await heading(page, p.new);
      await settle(page);
      await page.getByRole('textbox', { name: p.fields.title }).fill(PROJECT_TITLE);
      await page
        .getByRole('textbox', { name: p.fields.summary })
        .fill(
          'Drought and cross-border raids push pastoralist and farming families into debt and displacement. ' +
            'Communities run their own early-warning committees and diversify their livelihoods.',
        );
      await page.getByRole('radio', { name: fill(p.window, { window: 'I' }), exact: true }).check();
      const countries = page.getByRole('combobox', { name: p.fields.recipientCountries });
      for (const name of [first, second]) {
        await countries.fill(name);
        await page.getByRole('option', { name, exact: true }).click();
      }
      const shares = [
        ['UNDP', 'United Nations Development Programme (UNDP)', '600000'],
        ['UNICEF', "United Nations Children's Fund (UNICEF)", '400000'],
      ];
      for (const [index, [acronym, label, share]] of shares.entries()) {
        await page.getByRole('button', { name: p.form.addOrganization }).click();
        const organization = page.getByRole('combobox', {
          name: fill(p.form.organizationN, { number: index + 1 }),
          exact: true,
        });
        await organization.fill(acronym);
        await page.getByRole('option', { name: label }).click();
        await page.getByRole('textbox', { name: p.fields.budgetShare }).nth(index).fill(share);
      }
      await page
        .getByRole('combobox', { name: p.fields.leadOrganizationId })
        .selectOption({ label: shares[0][1] });
      await page.getByRole('textbox', { name: p.fields.requestedBudget }).fill('1000000');
      await page.getByText(p.form.sharesBalanced).waitFor();
      await page.getByRole('textbox', { name: p.fields.coFunding }).fill('150000');
      await page.getByLabel(p.fields.startDate).fill(START);
      await page.getByLabel(p.fields.endDate).fill(END);
      for (const dimension of ['economic', 'food', 'community', 'personal'])
        await page.getByRole('checkbox', { name: p.dimensions[dimension], exact: true }).check();
      await page.getByRole('textbox', { name: p.fields.targetBeneficiaries }).fill('42000');
      for (const sdg of [1, 2, 16])
        await page.getByRole('checkbox', { name: `${sdg}. ${p.sdgNames[sdg]}`, exact: true }).check();
      for (const group of ['women_and_girls', 'children', 'rural_communities'])
        await page.getByRole('checkbox', { name: p.groups[group], exact: true }).check();
      const narratives = {
        people_centred:
          'Pastoralist women, children and older persons in 40 villages choose the early-warning signals and sit on every committee.',
        comprehensive:
          'Drought, raids and lost livelihoods are addressed together by UNDP (livelihoods, local governance) and UNICEF (water, schools).',
        context_specific:
          'Each county and district action plan starts from a community risk map; local government co-chairs the committees.',
        prevention_oriented:
          'Early-warning committees trigger destocking, water trucking and mediation before a drought turns into conflict.',
        protection_empowerment:
          'County disaster-risk policies protect from above; savings groups and committees let people act for themselves.',
      };
      for (const [principle, text] of Object.entries(narratives))
        await page.getByRole('textbox', { name: p.principles[principle], exact: true }).fill(text);
      await page
        .getByRole('textbox', { name: p.fields.protectionMeasures })
        .fill(
          'County early-warning bulletins and contingency funds; referral pathways for children at risk.',
        );
      await page
        .getByRole('textbox', { name: p.fields.empowermentMeasures })
        .fill('Village savings groups, herder field schools and women-led peace committees.');
      await page.getByRole('checkbox', { name: p.form.declareNoCoercion }).check();
      await page.getByRole('checkbox', { name: p.form.declareDistinct }).check();
      await visit(page, lang, 'project-new');
      await page.getByRole('button', { name: p.form.create }).click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      projectId = page.url().split('/').pop();
      await heading(page, PROJECT_TITLE);
      await page.locator('[data-stage="concept_note"]').first().waitFor();
      projectCode = await page
        .getByText(/^HS-\d{4}-\d{4}$/)
        .first()
        .innerText();
    },
  );

  const projectTab = async (tab) => {
    await page.getByRole('tab', { name: p.tabs[tab] }).click();
    await page.waitForURL(new RegExp(`tab=${tab}`));
  };
  const countryCard = (name) => page.getByRole('region', { name, exact: true });

  const recordConsent = async (name) => {
    await countryCard(name)
      .getByRole('button', { name: fill(p.consent.record, { country: name }) })
      .click();
    const dialog = page.getByRole('dialog', { name: fill(p.consent.record, { country: name }) });
    await dialog.getByRole('radio', { name: p.consent.status.granted }).check();
    await dialog.getByLabel(p.consent.fields.requestedOn).fill('2026-09-01');
    await dialog.getByLabel(p.consent.fields.grantedOn).fill('2026-10-15');
    await dialog.getByLabel(p.consent.fields.validUntil).fill('2030-12-31');
    await dialog
      .getByRole('textbox', { name: p.consent.fields.issuingOffice })
      .fill('Ministry of Foreign Affairs');
    await dialog.getByRole('textbox', { name: p.consent.fields.signatory }).fill('Permanent Secretary');
    await dialog
      .getByRole('textbox', { name: p.consent.fields.documentReference })
      .fill(`MFA/HS/2026/${name.slice(0, 3).toUpperCase()}-17`);
    await dialog
      .getByRole('textbox', { name: p.consent.fields.scope })
      .fill(`The whole project, in the districts of ${name} it names, until its end.`);
    if (name === first) await visit(page, lang, 'consent-form', { maxHeight: 900 });
    await dialog.getByRole('button', { name: p.actions.save }).click();
    await dialog.waitFor({ state: 'detached' });
    await countryCard(name).getByText(p.paragraph6.counts).first().waitFor();
  };

  const recordAlignment = async (name, strategy, area) => {
    await countryCard(name)
      .getByRole('button', { name: fill(p.alignment.add, { country: name }) })
      .click();
    const dialog = page.getByRole('dialog', { name: fill(p.alignment.add, { country: name }) });
    const select = dialog.getByRole('combobox', { name: p.alignment.strategy });
    await select.locator('option', { hasText: strategy }).waitFor({ state: 'attached' });
    const value = await select.locator('option', { hasText: strategy }).getAttribute('value');
    await select.selectOption(value);
    await dialog.getByText(fill(p.alignment.coversStart, { date: 'Jan 1, 2027' })).waitFor();
    await dialog.getByRole('combobox', { name: p.alignment.priorityArea }).selectOption(area);
    await dialog
      .getByRole('textbox', { name: p.alignment.justification })
      .fill(`The project builds the ${area.toLowerCase()} the strategy makes a national priority.`);
    await dialog.getByRole('button', { name: p.actions.save }).click();
    await dialog.waitFor({ state: 'detached' });
    await countryCard(name).getByText(strategy).waitFor();
  };

  await report.step(`staff records the consent of ${first} as granted and its alignment`, async () => {
    await projectTab('paragraph6');
    await settle(page);
    await recordConsent(first);
    await recordAlignment(first, KENYA_STRATEGY, 'Peace and social cohesion');
    await countryCard(first).locator('[data-status="compliant"]').waitFor();
    // A proposal whose consent has not been asked for yet is "not yet requested", not a failure.
    await countryCard(second).locator('[data-status="not_requested"]').waitFor();
    await countryCard(second)
      .getByText(fill(p.reasons.compliance.consent_not_requested, { country: second }))
      .waitFor();
  });

  const decide = async (to) => {
    const panel = page.getByRole('region', { name: p.transitions.title });
    const button = panel.getByRole('button', { name: p.transitions.actions[to] });
    await button.waitFor();
    assert.equal(await button.isEnabled(), true, `${p.transitions.actions[to]} is open`);
    await button.click();
    const dialog = page.getByRole('dialog', { name: p.transitions.actions[to] });
    await dialog.getByRole('textbox', { name: p.transitions.note }).fill(NOTES[to]);
    await dialog.getByRole('button', { name: p.transitions.confirm[to] }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`[data-stage="${to}"]`).first().waitFor();
  };

  await report.step('staff invites the full proposal and sends it to review', async () => {
    await decide('full_proposal');
    await decide('under_review');
  });

  await report.step('staff assigns three reviewers from the scorecard', async () => {
    await projectTab('scorecard');
    await settle(page);
    const scorecard = page.getByRole('region', { name: p.scorecard.reviewers });
    const a = t.reviews.assign;
    for (const reviewer of REVIEWERS) {
      await scorecard.getByRole('button', { name: t.reviews.board.assign }).click();
      const dialog = page.getByRole('dialog', { name: fill(a.title, { code: projectCode }) });
      await dialog.getByRole('combobox', { name: a.reviewer }).click();
      await page.getByRole('option', { name: new RegExp(escapeRegExp(reviewer.name)) }).click();
      if (reviewer.key === 'reviewer1') await visit(page, lang, 'assign-reviewer', { maxHeight: 900 });
      await dialog.getByRole('button', { name: a.submit, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await scorecard
        .getByRole('status')
        .filter({ hasText: fill(a.done, { name: reviewer.name }) })
        .waitFor();
      await scorecard.getByRole('rowheader', { name: reviewer.name }).waitFor();
    }
    assert.equal(await scorecard.getByRole('rowheader').count(), 3);
    await signOut(page, lang);
  });

  const r = t.reviews;
  for (const reviewer of REVIEWERS) {
    const title = reviewer.conflict
      ? `${reviewer.name} declares a conflict of interest and is withdrawn`
      : `${reviewer.name} declares no conflict, saves a draft and submits the five scores`;
    await report.step(title, async () => {
      await signInAs(page, lang, USERS[reviewer.key]);
      await navigate(page, lang, 'reviews');
      await heading(page, r.queue.title);
      const card = page.getByRole('article', { name: PROJECT_TITLE });
      await card.getByRole('link', { name: r.queue.start }).click();
      await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
      if (reviewer.key === 'reviewer1') reviewPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 2, name: r.conflict.title }).waitFor();
      if (reviewer.key === 'reviewer1') await visit(page, lang, 'review-declare');
      if (reviewer.conflict) {
        await page.getByRole('radio', { name: r.conflict.yes }).check();
        await page.getByRole('checkbox', { name: /UNDP/ }).check();
        await page
          .getByRole('textbox', { name: r.conflict.note })
          .fill('I advised UNDP on this programme in 2025.');
        await page.getByRole('button', { name: r.conflict.submitYes }).click();
        await page.getByRole('heading', { level: 2, name: r.withdrawn.title }).waitFor();
        await visit(page, lang, 'review-withdrawn');
      } else {
        await page.getByRole('radio', { name: r.conflict.no }).check();
        await page.getByRole('button', { name: r.conflict.submitNo }).click();
        for (const [index, principle] of PRINCIPLES.entries()) {
          const section = page.getByRole('region', { name: r.principles[principle].title, exact: true });
          const score = reviewer.scores[index];
          const group = section.getByRole('radiogroup', {
            name: fill(r.form.score, { principle: r.principles[principle].title }),
          });
          await group.getByRole('radio', { name: new RegExp(`^${score} · `) }).click();
          await section
            .getByRole('textbox', { name: r.form.justification })
            .fill(`${r.rubric[RUBRIC[score]].name}: ${JUSTIFICATIONS[reviewer.key][principle]}`);
        }
        const recommendation = page.getByRole('region', { name: r.recommendation.title });
        await recommendation.getByRole('radio', { name: r.recommendation.approve, exact: true }).check();
        // The draft also saves itself after a pause; either way the status line ends on "saved at".
        const save = page.getByRole('button', { name: r.save.button });
        if (await save.isEnabled()) await save.click();
        await page
          .getByTestId('save-state')
          .filter({ hasText: new RegExp(escapeRegExp(r.save.savedAt.split('{{')[0])) })
          .waitFor();
        if (reviewer.key === 'reviewer1') await visit(page, lang, 'review-form');
        await page.getByRole('button', { name: r.submit.button }).click();
        const confirm = page.getByRole('dialog', {
          name: fill(r.submit.confirmTitle, { code: projectCode }),
        });
        await confirm.getByRole('button', { name: r.submit.confirm }).click();
        await page.getByText(r.submitted.title, { exact: true }).waitFor();
        if (reviewer.key === 'reviewer2') await visit(page, lang, 'review-submitted');
      }
      await signOut(page, lang);
    });
  }

  const gates = () => page.getByRole('region', { name: p.transitions.title });

  await report.step('staff sets the approved budget on the edit form', async () => {
    await signInAs(page, lang, USERS.staff);
    await page.goto(`/projects/${projectId}/edit`);
    await heading(page, fill(p.edit.heading, { code: projectCode }));
    await settle(page);
    await page.getByRole('textbox', { name: p.fields.approvedBudget }).fill('950000');
    await visit(page, lang, 'project-edit');
    await page.getByRole('button', { name: p.edit.save }).click();
    await page.waitForURL(new RegExp(`/projects/${projectId}$`));
    await heading(page, PROJECT_TITLE);
  });

  await report.step(
    `staff tries to approve: refused, paragraph 6 lacks the consent of ${second}`,
    async () => {
      const approve = gates().getByRole('button', { name: p.transitions.actions.approved });
      await approve.waitFor();
      assert.equal(await approve.isDisabled(), true, 'the approval is refused before the click');
      const reasons = page.locator(`#${await approve.getAttribute('aria-describedby')}`);
      const text = await reasons.innerText();
      assert.match(
        text,
        new RegExp(escapeRegExp(fill(p.reasons.compliance.consent_not_requested, { country: second }))),
      );
      assert.doesNotMatch(
        text,
        new RegExp(`consent of ${escapeRegExp(first)}|${escapeRegExp(first)} refused`),
      );
      await visit(page, lang, 'project-approval-refused');
      // The scorecard passes: two reviews count, the withdrawn reviewer does not.
      await projectTab('scorecard');
      await settle(page);
      await page.getByTestId('scorecard').waitFor();
      assert.equal(await page.getByRole('rowheader').count(), 3);
      assert.match(
        await page.getByRole('region', { name: p.scorecard.title }).innerText(),
        new RegExp(escapeRegExp(fill(p.scorecard.ofRequired, { counted: 2, required: 2 }))),
      );
      await visit(page, lang, 'project-scorecard');
    },
  );

  await report.step(`staff records the consent of ${second} and its alignment, then approves`, async () => {
    await projectTab('paragraph6');
    await settle(page);
    await recordConsent(second);
    await recordAlignment(second, GHANA_STRATEGY, 'Resilient communities');
    await page.getByTestId('paragraph6-overall').locator('[data-status="compliant"]').waitFor();
    await visit(page, lang, 'project-paragraph6');
    await gates()
      .getByRole('button', { name: p.transitions.actions.approved })
      .and(page.locator(':enabled'))
      .waitFor();
    await decide('approved');
    await gates().getByRole('button', { name: p.transitions.actions.active }).waitFor();
    await projectTab('history');
    await settle(page);
    await page.getByText(p.stages.approved).first().waitFor();
    await visit(page, lang, 'project-approved');
    await signOut(page, lang);
  });

  await report.step(
    'the donor signs in and sees its contributions: totals, by year and each one',
    async () => {
      await signInAs(page, lang, USERS.donor);
      await navigate(page, lang, 'myContributions');
      await heading(page, fill(t.donors.mine.titleNamed, { donor: 'Japan' }));
      await settle(page);
      // The figure to compare, computed here from the API's list of each contribution, not its totals.
      const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const items = [];
      let cursor = null;
      do {
        const url = new URL('/api/v1/contributions', baseUrl);
        url.searchParams.set('limit', '200');
        if (cursor) url.searchParams.set('cursor', cursor);
        const response = await fetch(url, { headers: { cookie } });
        assert.equal(response.status, 200);
        const body = await response.json();
        items.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      assert.ok(items.length > 0, 'Japan has contributions');
      assert.ok(
        items.every((item) => item.donorId === items[0].donorId),
        "the donor's session reads its own donor's contributions only",
      );
      // What arrived, at each receipt's rate: a pledge paid in part counts for its receipts only.
      const received = centsToDecimal(sumCents(items.map((c) => c.receivedUsd)));
      const money = new Intl.NumberFormat('en', {
        style: 'currency',
        currency: 'USD',
        minimumFractionDigits: 2,
      });
      const shown = money.format(received);
      const card = page.getByText(t.donors.totals.receivedTotal, { exact: true }).locator('..');
      assert.match(await card.innerText(), new RegExp(escapeRegExp(shown)), `the received total is ${shown}`);
      // Each contribution is a row of the table, and the years add up to the same total.
      const table = page.getByRole('table', {
        name: fill(t.donors.contributions.of, { donor: 'Japan' }),
        exact: true,
      });
      const loadMore = page.getByRole('button', { name: t.common.loadMore });
      while (await loadMore.isVisible()) {
        await loadMore.click();
        await settle(page);
      }
      assert.equal(await table.locator('tbody tr').count(), items.length);
      const years = page.getByRole('table', { name: fill(t.donors.totals.byYearOf, { donor: 'Japan' }) });
      const yearCells = await years.locator('tbody tr td:nth-child(3)').allInnerTexts();
      const yearSum = sumCents(yearCells.map((cell) => cell.replace(/[^0-9.]/g, '')));
      assert.equal(centsToDecimal(yearSum), received, 'the years add up to the received total');
      await page.evaluate(() => window.scrollTo(0, 0));
      await visit(page, lang, 'donor-contributions');
      await signOut(page, lang);
    },
  );

  return { projectId, projectCode, projectTitle: PROJECT_TITLE, reviewPath };
}
