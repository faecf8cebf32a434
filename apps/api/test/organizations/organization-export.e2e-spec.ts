import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../support/test-app';
import { asRole } from '../support/builders';
import { expectProblem } from '../support/problems';

interface Organization {
  name: string;
  acronym: string | null;
  kind: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

describe('the organization list exported as CSV and Excel', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  const marker = `Exported ${Date.now()}`;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    const kinds = ['ngo', 'ngo', 'ngo', 'government'];
    for (const [index, kind] of kinds.entries()) {
      await t.db.query(`INSERT INTO organizations (name, acronym, kind) VALUES ($1, $2, $3)`, [
        `${marker} ${index} مؤسسة`,
        index === 0 ? null : `EX${index}`,
        kind,
      ]);
    }
  });

  afterAll(() => t.close());

  it('writes every page of the filtered list, as the JSON pages hold it', async () => {
    const query = { q: marker, kind: 'ngo' };
    const items: Organization[] = [];
    let cursor: string | null = null;
    do {
      const page = await t
        .http()
        .get('/api/v1/organizations')
        .query({ ...query, limit: 1, ...(cursor ? { cursor } : {}) })
        .set(staff);
      const body = page.body as { items: Organization[]; nextCursor: string | null };
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(items).toHaveLength(3);

    const response = await t
      .http()
      .get('/api/v1/organizations')
      .query({ ...query, limit: 1, format: 'csv' })
      .set(staff)
      .set('Accept-Language', 'fr');

    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /filename="organizations-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const records: string[][] = parse(response.text, { bom: true });
    expect(records[0]).toEqual(['Nom', 'Sigle', 'Type', 'Version', 'Création', 'Dernière modification']);
    expect(records.slice(1)).toEqual(
      items.map((o) => [o.name, o.acronym ?? '', o.kind, String(o.version), o.createdAt, o.updatedAt]),
    );
  });

  it('writes an Excel sheet with timestamps as dates, for any role that reads the list', async () => {
    const reviewer = (await asRole(t, 'reviewer')).auth;
    const response = await t
      .http()
      .get('/api/v1/organizations')
      .query({ q: marker, kind: 'government', format: 'xlsx' })
      .set(reviewer)
      .responseType('blob');

    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([response.body as Buffer]));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(`${marker} 3 مؤسسة`);
    expect(sheet.getRow(2).getCell(4).value).toBe(1);
    expect(sheet.getRow(2).getCell(5).value).toBeInstanceOf(Date);
  });

  it('refuses the export without a session and answers an unknown format with a problem', async () => {
    expectProblem(await t.http().get('/api/v1/organizations').query({ format: 'csv' }), 401);
    const problem = expectProblem(
      await t.http().get('/api/v1/organizations').query({ format: 'ods' }).set(staff),
      400,
    );
    expect(problem.errors).toEqual([{ field: 'format', message: 'must be one of json, csv, xlsx' }]);
  });
});
