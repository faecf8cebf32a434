import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';
import { createTestApp, TestApp } from '../support/test-app';
import { aConsent, aDecision, aReview } from '../support/lifecycle-builders';
import { aProject, anOrganization, BuiltProject } from '../support/portfolio-builders';

/** The official IATI 2.03 schema and codelists, copied unchanged (iati-2.03/README.md). */
const STANDARD = path.join(__dirname, 'iati-2.03');
const ORGANISATION_ID = 'XM-DAC-41127-TEST';

const schemaFile = (name: string) => ({
  fileName: name,
  contents: readFileSync(path.join(STANDARD, name), 'utf8'),
});

async function schemaErrors(xml: string, schema: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'file.xml', contents: xml },
    schema: schemaFile(schema),
    preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
    maxMemoryPages: 1024,
  });
  return result.errors.map((error) => error.rawMessage);
}

/** The codes of an IATI codelist, as its file lists them. */
function codelist(name: string): Set<string> {
  const text = readFileSync(path.join(STANDARD, 'codelists', `${name}.xml`), 'utf8');
  return new Set([...text.matchAll(/<code>([^<]+)<\/code>/g)].map((match) => match[1]!.trim()));
}

type Element = {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<Element>;
  textContent: string | null;
};

const parse = (xml: string) => create(xml).root().node as unknown as Element;
const all = (element: Element, name: string) => Array.from(element.getElementsByTagName(name));
const attributes = (element: Element, name: string, attribute: string) =>
  all(element, name).map((e) => e.getAttribute(attribute));
const hundredths = (percentage: string | null) => Math.round(Number(percentage) * 100);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

describe('the IATI 2.03 files', () => {
  let t: TestApp;
  let activitiesXml: string;
  let published: BuiltProject;
  let illustrative: BuiltProject;
  let proposal: BuiltProject;

  beforeAll(async () => {
    t = await createTestApp({ IATI_ORGANISATION_ID: ORGANISATION_ID });
    const lead = await anOrganization(t, 'un_entity');
    const partner = await anOrganization(t, 'ngo');
    published = await aProject(t, {
      stage: 'active',
      countries: ['UGA', 'KEN', 'TZA'],
      organizationIds: [lead, partner],
      approvedBudget: '365000.00',
      startDate: '2026-07-01',
      endDate: '2027-06-30',
      title: 'Drought early warning & <resilience> in the Karamoja cluster',
      dimensions: ['food', 'economic', 'environmental'],
      sdgs: [5, 2],
    });
    for (const country of published.countries) await aConsent(t, published.id, country, 'granted');
    await aDecision(t, published.id, 'under_review', 'approved', '2026-05-15');
    await aDecision(t, published.id, 'approved', 'active', '2026-06-01');
    // A first round, sent back for revision: its review never counts, here as in the assessment.
    await t.db.query(
      `INSERT INTO review_rounds (project_id, number, opened_at, closed_at)
       VALUES ($1, 1, '2026-03-01', '2026-04-01')`,
      [published.id],
    );
    await aReview(t, published.id, [0, 0, 0, 0, 0]);
    await t.db.query(
      `INSERT INTO review_rounds (project_id, number, opened_at, closed_at)
       VALUES ($1, 2, '2026-04-15', '2026-05-15')`,
      [published.id],
    );
    // Means of round 2: 3.5, 2.5, 1.5, 1.0 (not counted: the conflicted review), 3.0.
    await aReview(t, published.id, [4, 3, 2, 1, 3]);
    await aReview(t, published.id, [3, 2, 1, 1, 3]);
    await aReview(t, published.id, [0, 0, 0, 4, 0], 'declined_conflict');
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche)
       VALUES ($1, $2, '100000.00', '2026-06-01', 1), ($1, $3, '5000.00', '2026-06-02', 2) RETURNING id`,
      [published.id, lead, partner],
    );
    await t.db.query(
      `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, kind, reverses_id, reason)
       VALUES ($1, $2, '5000.00', '2026-06-03', 'reversal', $3, 'Paid to the wrong account')`,
      [published.id, partner, rows[1]!.id],
    );
    await t.db.query(
      `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, kind)
       VALUES ($1, $2, '250.50', '2026-06-04', 'refund')`,
      [published.id, lead],
    );

    illustrative = await aProject(t, {
      stage: 'completed',
      approvedBudget: '1000.00',
      dimensions: [],
      sdgs: [],
    });
    await t.db.query(`UPDATE projects SET illustrative = true WHERE id = $1`, [illustrative.id]);
    await t.db.query(
      `UPDATE projects SET title = 'Water for the Karamoja cluster',
         summary = 'Early warning for pastoralist households',
         title_translations = $2, summary_translations = $3 WHERE id = $1`,
      [
        illustrative.id,
        {
          fr: 'Alerte précoce & <résilience> dans le groupe de Karamoja',
          zh: '卡拉莫贾地区的旱灾预警与抗灾能力',
        },
        { zh: '为牧民家庭提供旱灾预警' },
      ],
    );
    await aDecision(t, illustrative.id, 'under_review', 'approved', '2026-01-10');
    proposal = await aProject(t, { stage: 'under_review' });
    await aProject(t, { stage: 'withdrawn' });

    const response = await t.http().get('/api/v1/iati/activities.xml');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    activitiesXml = response.text;
  });

  afterAll(() => t.close());

  it('publishes an activities file that the 2.03 schema accepts, without signing in', async () => {
    await expect(schemaErrors(activitiesXml, 'iati-activities-schema.xsd')).resolves.toEqual([]);
    // The validator does refuse a file the schema does not allow: here, activities with no identifier.
    const broken = activitiesXml.replace(/<iati-identifier>[^<]*<\/iati-identifier>/g, '');
    await expect(schemaErrors(broken, 'iati-activities-schema.xsd')).resolves.not.toEqual([]);
  });

  it('gives the title and description in every language written, each narrative with its xml:lang', () => {
    const activity = all(parse(activitiesXml), 'iati-activity').find(
      (a) => all(a, 'iati-identifier')[0]!.textContent === `${ORGANISATION_ID}-${illustrative.code}`,
    )!;
    const languages = (name: string) =>
      all(all(activity, name)[0]!, 'narrative').map((n) => [n.getAttribute('xml:lang'), n.textContent]);
    expect(languages('title')).toEqual([
      [null, 'Water for the Karamoja cluster'],
      ['fr', 'Alerte précoce & <résilience> dans le groupe de Karamoja'],
      ['zh', '卡拉莫贾地区的旱灾预警与抗灾能力'],
    ]);
    expect(languages('description')).toEqual([
      [null, 'Early warning for pastoralist households'],
      ['zh', '为牧民家庭提供旱灾预警'],
    ]);
  });

  it('publishes every project from approval on, identified under the Fund, and no proposal', () => {
    const identifiers = all(parse(activitiesXml), 'iati-identifier').map((e) => e.textContent);
    expect(identifiers).toEqual(
      [published.code, illustrative.code].sort().map((code) => `${ORGANISATION_ID}-${code}`),
    );
    expect(activitiesXml).not.toContain(proposal.code);
    for (const reporting of all(parse(activitiesXml), 'reporting-org')) {
      expect(reporting.getAttribute('ref')).toBe(ORGANISATION_ID);
    }
  });

  it('holds what the schema cannot check: percentages of 100, ISO dates, codes from the codelists', () => {
    const root = parse(activitiesXml);
    for (const activity of all(root, 'iati-activity')) {
      const countries = attributes(activity, 'recipient-country', 'percentage');
      expect(countries.reduce((sum, p) => sum + hundredths(p), 0)).toBe(10000);
      const sectors = all(activity, 'sector').filter((s) => s.getAttribute('vocabulary') === '1');
      expect(sectors.reduce((sum, s) => sum + hundredths(s.getAttribute('percentage')), 0)).toBe(10000);
      const identifier = all(activity, 'iati-identifier')[0]!.textContent!;
      expect(identifier.startsWith(`${ORGANISATION_ID}-`)).toBe(true);
    }
    for (const attribute of ['iso-date', 'value-date']) {
      const dates = all(root, '*')
        .map((e) => e.getAttribute(attribute))
        .filter((date) => date !== null);
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(isRealDate(date)).toBe(true);
    }
    const checks: [string, string, string][] = [
      ['recipient-country', 'code', 'Country'],
      ['sector', 'code', 'Sector'],
      ['activity-status', 'code', 'ActivityStatus'],
      ['activity-date', 'type', 'ActivityDateType'],
      ['activity-scope', 'code', 'ActivityScope'],
      ['participating-org', 'role', 'OrganisationRole'],
      ['participating-org', 'type', 'OrganisationType'],
      ['reporting-org', 'type', 'OrganisationType'],
      ['description', 'type', 'DescriptionType'],
      ['transaction-type', 'code', 'TransactionType'],
      ['tag', 'code', 'UNSDG-Goals'],
      ['tag', 'vocabulary', 'TagVocabulary'],
      ['policy-marker', 'vocabulary', 'PolicyMarkerVocabulary'],
      ['policy-marker', 'significance', 'PolicySignificance'],
      ['budget', 'type', 'BudgetType'],
      ['budget', 'status', 'BudgetStatus'],
      ['value', 'currency', 'Currency'],
      ['collaboration-type', 'code', 'CollaborationType'],
      ['default-flow-type', 'code', 'FlowType'],
      ['default-finance-type', 'code', 'FinanceType'],
      ['default-aid-type', 'code', 'AidType'],
    ];
    for (const [element, attribute, list] of checks) {
      const codes = attributes(root, element, attribute).filter((code): code is string => code !== null);
      expect({ element, attribute, codes: codes.length > 0 }).toEqual({ element, attribute, codes: true });
      const known = codelist(list);
      expect({ element, attribute, unknown: codes.filter((code) => !known.has(code)) }).toEqual({
        element,
        attribute,
        unknown: [],
      });
    }
  });

  it('describes a project: countries split evenly, sectors, SDGs, dates, organisations and roles', () => {
    const activity = all(parse(activitiesXml), 'iati-activity').find((a) =>
      all(a, 'iati-identifier')[0]!.textContent!.endsWith(published.code),
    )!;
    expect(all(activity, 'title')[0]!.textContent!.trim()).toBe(
      'Drought early warning & <resilience> in the Karamoja cluster',
    );
    expect(activitiesXml).toContain('&amp; &lt;resilience&gt;');
    expect(
      all(activity, 'recipient-country').map((c) => [c.getAttribute('code'), c.getAttribute('percentage')]),
    ).toEqual([
      ['KE', '33.34'],
      ['TZ', '33.33'],
      ['UG', '33.33'],
    ]);
    expect(attributes(activity, 'sector', 'code')).toEqual(['16020', '52010', '41010']);
    expect(attributes(activity, 'tag', 'code')).toEqual(['2', '5']);
    expect(attributes(activity, 'activity-status', 'code')).toEqual(['2']);
    expect(
      all(activity, 'activity-date').map((d) => [d.getAttribute('type'), d.getAttribute('iso-date')]),
    ).toEqual([
      ['1', '2026-07-01'],
      ['2', '2026-06-01'],
      ['3', '2027-06-30'],
    ]);
    expect(
      all(activity, 'participating-org').map((o) => [o.getAttribute('role'), o.getAttribute('type')]),
    ).toEqual([
      ['1', '40'],
      ['3', '40'],
      ['2', '40'],
      ['4', '40'],
      ['4', '21'],
    ]);
  });

  it('publishes the budget by year, the commitment at approval and the disbursements with their corrections', () => {
    const activity = all(parse(activitiesXml), 'iati-activity').find((a) =>
      all(a, 'iati-identifier')[0]!.textContent!.endsWith(published.code),
    )!;
    expect(
      all(activity, 'budget').map((b) => [
        all(b, 'period-start')[0]!.getAttribute('iso-date'),
        all(b, 'period-end')[0]!.getAttribute('iso-date'),
        all(b, 'value')[0]!.textContent,
      ]),
    ).toEqual([
      ['2026-07-01', '2026-12-31', '184000.00'],
      ['2027-01-01', '2027-06-30', '181000.00'],
    ]);
    expect(
      all(activity, 'transaction').map((tr) => [
        all(tr, 'transaction-type')[0]!.getAttribute('code'),
        all(tr, 'transaction-date')[0]!.getAttribute('iso-date'),
        all(tr, 'value')[0]!.textContent,
      ]),
    ).toEqual([
      ['2', '2026-05-15', '365000.00'],
      ['3', '2026-06-01', '100000.00'],
      ['3', '2026-06-02', '5000.00'],
      ['3', '2026-06-03', '-5000.00'],
      ['3', '2026-06-04', '-250.50'],
    ]);
  });

  it("maps the panel's mean score of each principle to a policy marker's significance", () => {
    const activity = all(parse(activitiesXml), 'iati-activity').find((a) =>
      all(a, 'iati-identifier')[0]!.textContent!.endsWith(published.code),
    )!;
    expect(
      all(activity, 'policy-marker').map((m) => [
        m.getAttribute('vocabulary'),
        m.getAttribute('code'),
        m.getAttribute('significance'),
      ]),
    ).toEqual([
      ['99', 'people_centred', '2'],
      ['99', 'comprehensive', '2'],
      ['99', 'context_specific', '1'],
      ['99', 'prevention_oriented', '0'],
      ['99', 'protection_empowerment', '2'],
    ]);
  });

  it('publishes nothing confidential, and says which records are illustrative', () => {
    expect(activitiesXml).not.toMatch(
      /Permanent Secretary|Ministry of Foreign Affairs|NV\/|Justification for/,
    );
    expect(activitiesXml).not.toContain('Paid to the wrong account');
    const activity = all(parse(activitiesXml), 'iati-activity').find((a) =>
      all(a, 'iati-identifier')[0]!.textContent!.endsWith(illustrative.code),
    )!;
    const other = all(activity, 'description').find((d) => d.getAttribute('type') === '4');
    expect(other?.textContent).toContain('Illustrative record');
    expect(attributes(activity, 'activity-status', 'code')).toEqual(['3']);
    expect(attributes(activity, 'policy-marker', 'code')).toEqual([]);
    expect(attributes(activity, 'sector', 'code')).toEqual(['43010']);
  });

  it('publishes the Fund as an organisation with its budget and expenditure by year, valid against the schema', async () => {
    const response = await t.http().get('/api/v1/iati/organisation.xml');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    await expect(schemaErrors(response.text, 'iati-organisations-schema.xsd')).resolves.toEqual([]);
    const root = parse(response.text);
    expect(all(root, 'organisation-identifier').map((e) => e.textContent)).toEqual([ORGANISATION_ID]);
    const figures = (name: string) =>
      all(root, name).map((b) => [
        all(b, 'period-start')[0]!.getAttribute('iso-date'),
        all(b, 'value')[0]!.textContent,
      ]);
    expect(figures('total-budget')).toEqual([['2026-01-01', '366000.00']]);
    expect(figures('total-expenditure')).toEqual([['2026-01-01', '100000.00']]);
    expect(response.text).toContain('Illustrative');
  });
});
