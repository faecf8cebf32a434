import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { asRole } from '../support/builders';
import { anOrganization, aProject, BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';

interface Summary {
  code: string;
  title: string;
  window: string;
  stage: string;
  countries: string[];
  leadOrganization: string | null;
  requestedBudget: string;
  approvedBudget: string | null;
  startDate: string | null;
  endDate: string | null;
  dimensions: string[];
  version: number;
  updatedAt: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A JSON list item as the CSV writes it: lists joined by "; ", nulls empty, everything text. */
function asCsvRecord(item: Summary): string[] {
  return [
    item.code,
    item.title,
    item.window,
    item.stage,
    item.countries.join('; '),
    item.leadOrganization ?? '',
    item.requestedBudget,
    item.approvedBudget ?? '',
    'USD',
    item.startDate ?? '',
    item.endDate ?? '',
    item.dimensions.join('; '),
    String(item.version),
    item.updatedAt,
  ];
}

describe('the project list exported as CSV and Excel', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let shared: string;
  const projects: BuiltProject[] = [];

  /** Every page of the JSON list, followed cursor by cursor. */
  async function allPages(query: Record<string, unknown>): Promise<Summary[]> {
    const items: Summary[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await t
        .http()
        .get('/api/v1/projects')
        .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
        .set(staff);
      expect(response.status).toBe(200);
      const page = response.body as { items: Summary[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  function csvOf(response: Response): string[][] {
    const records: string[][] = parse(response.text, { bom: true, record_delimiter: '\r\n' });
    return records;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    shared = await anOrganization(t);
    const lead = await anOrganization(t);
    projects.push(
      await aProject(t, {
        organizationIds: [shared, lead],
        countries: ['KEN'],
        stage: 'active',
        title: 'Drought early warning, "pastoralist" committees',
        approvedBudget: '800000.50',
        requestedBudget: '1234567.89',
        startDate: '2012-03-01',
        endDate: '2014-03-01',
      }),
      await aProject(t, {
        organizationIds: [shared],
        countries: ['CHN'],
        title: '社区安全 (community security)',
      }),
      await aProject(t, {
        organizationIds: [shared],
        countries: ['EGY'],
        title: 'الأمن البشري في المجتمعات',
      }),
      await aProject(t, { organizationIds: [shared], countries: ['MLI', 'NER'], title: 'Sahel youth' }),
      await aProject(t, { organizationIds: [shared], countries: ['TUV'], title: '=HYPERLINK("x")' }),
      // Not in the filtered export: another organization.
      await aProject(t, { countries: ['KEN'], title: 'Someone else' }),
    );
  });

  afterAll(() => t.close());

  it('writes every page of the filtered list as RFC 4180 CSV in UTF-8 with a byte order mark', async () => {
    const expected = await allPages({ organization: shared });
    expect(expected).toHaveLength(5);

    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ organization: shared, format: 'csv', limit: 2 })
      .set(staff);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="projects-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(Buffer.from(response.text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.text).toContain('\r\n');
    const [header, ...records] = csvOf(response);
    expect(header).toEqual([
      'Code',
      'Title',
      'Window',
      'Stage',
      'Recipient countries',
      'Lead organization',
      'Requested budget',
      'Approved budget',
      'Currency',
      'Start date',
      'End date',
      'Human security dimensions',
      'Version',
      'Last changed',
    ]);
    // A title that would run as a formula in a spreadsheet is written with a leading quote.
    const formula = (row: string[]) => row[1]!.replace(/^'(?=[=+\-@])/, '');
    expect(records.map((row) => [row[0], formula(row), ...row.slice(2)])).toEqual(expected.map(asCsvRecord));
    expect(records.find((row) => row[1]!.includes('HYPERLINK'))![1]).toBe(`'=HYPERLINK("x")`);
  });

  it('applies the filters and the order of the JSON list', async () => {
    const query = { organization: shared, country: 'KEN,CHN', sort: '-title' };
    const expected = await allPages(query);
    expect(expected.map((p) => p.title)).toEqual([
      '社区安全 (community security)',
      'Drought early warning, "pastoralist" committees',
    ]);

    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ ...query, format: 'csv' })
      .set(staff);

    const [, ...records] = csvOf(response);
    expect(records.map((row) => row[1])).toEqual(expected.map((p) => p.title));
  });

  it('writes an Excel sheet with dates as dates and money as numbers with two decimals', async () => {
    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ organization: shared, country: 'KEN', format: 'xlsx' })
      .set(staff)
      .responseType('blob');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/filename="projects-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([response.body as Buffer]));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(7).value).toBe('Requested budget');
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(projects[0]!.code);
    expect(row.getCell(7).value).toBe(1234567.89);
    expect(row.getCell(7).numFmt).toBe('#,##0.00');
    expect(row.getCell(8).value).toBe(800000.5);
    expect(row.getCell(9).value).toBe('USD');
    expect(row.getCell(10).value).toEqual(new Date('2012-03-01T00:00:00Z'));
    expect(row.getCell(10).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(11).value).toEqual(new Date('2014-03-01T00:00:00Z'));
    expect(row.getCell(13).value).toBe(1);
    expect(row.getCell(14).value).toBeInstanceOf(Date);
  });

  it.each([
    ['fr-FR,fr;q=0.9', 'Titre', 'Budget approuvé'],
    ['ar', 'العنوان', 'الميزانية المعتمدة'],
    ['zh-CN', '标题', '核定预算'],
    ['ru', 'Название', 'Утверждённый бюджет'],
    ['es-419', 'Título', 'Presupuesto aprobado'],
    ['de', 'Title', 'Approved budget'],
  ])('writes the headers in the language the reader accepts (%s)', async (language, title, approved) => {
    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ organization: shared, format: 'csv' })
      .set(staff)
      .set('Accept-Language', language);

    const [header] = csvOf(response);
    expect([header![1], header![7]]).toEqual([title, approved]);
    expect(response.headers['vary']).toMatch(/Accept-Language/);
  });

  it('leaves out a deleted project, as the JSON list does', async () => {
    const removed = await aProject(t, { organizationIds: [shared], countries: ['FJI'], title: 'Withdrawn' });
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [removed.id]);

    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ organization: shared, format: 'csv' })
      .set(staff);

    const codes = csvOf(response)
      .slice(1)
      .map((row) => row[0]);
    expect(codes).toHaveLength(5);
    expect(codes).not.toContain(removed.code);
  });

  it('gives a donor the same rows as its JSON list', async () => {
    const donor = (await asRole(t, 'donor')).auth;
    const json = await t.http().get('/api/v1/projects').query({ organization: shared }).set(donor);
    const csv = await t
      .http()
      .get('/api/v1/projects')
      .query({ organization: shared, format: 'csv' })
      .set(donor);

    expect(csv.status).toBe(200);
    expect(
      csvOf(csv)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual((json.body as { items: Summary[] }).items.map((p) => p.code));
  });

  it('refuses the export to a role that may not read the list, as the JSON list does', async () => {
    const reviewer = (await asRole(t, 'reviewer')).auth;

    for (const format of ['csv', 'xlsx']) {
      const response = await t.http().get('/api/v1/projects').query({ format }).set(reviewer);
      expectProblem(response, 403);
    }
    expectProblem(await t.http().get('/api/v1/projects').query({ format: 'csv' }), 401);
  });

  it('answers an unknown format with a problem naming the field', async () => {
    const response = await t.http().get('/api/v1/projects').query({ format: 'pdf' }).set(staff);

    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'format', message: 'must be one of json, csv, xlsx' }]);
  });

  it('answers format=json with the page, as without a format', async () => {
    const response = await t
      .http()
      .get('/api/v1/projects')
      .query({ organization: shared, format: 'json', limit: 2 })
      .set(staff);

    expect(response.status).toBe(200);
    expect((response.body as { items: Summary[] }).items).toHaveLength(2);
  });
});
