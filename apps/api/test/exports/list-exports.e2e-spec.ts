import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../support/test-app';
import { aUser, asRole, signIn } from '../support/builders';
import { aContribution, aDonorOfKind } from '../support/fund-builders';
import { aConsent, anAlignment } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';

type Auth = { Authorization: string };
type Item = Record<string, unknown>;

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

/**
 * Each list's export is checked against its JSON pages for the same filters and the same caller:
 * every page is read (two items at a time, so the export must go past the first page), and each
 * item is turned into the cells the file must hold, independently of the export's own columns.
 */
describe('every list exported as CSV and Excel holds the JSON list’s rows', () => {
  let t: TestApp;
  let staff: Auth;
  let donorAuth: Auth;
  let ownDonor: string;
  let projectId: string;

  async function jsonItems(path: string, query: Record<string, unknown>, auth: Auth): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const response = await t
        .http()
        .get(path)
        .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
        .set(auth);
      expect(response.status).toBe(200);
      const page = response.body as { items: Item[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async function csvRecords(path: string, query: Record<string, unknown>, auth: Auth): Promise<string[][]> {
    const response = await t
      .http()
      .get(path)
      .query({ ...query, limit: 1, format: 'csv' })
      .set(auth);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const records: string[][] = parse(response.text, { bom: true });
    return records;
  }

  async function expectSameRows(
    path: string,
    query: Record<string, unknown>,
    auth: Auth,
    header: string[],
    cells: (item: Item) => unknown[],
    atLeast = 3,
  ): Promise<Item[]> {
    const items = await jsonItems(path, query, auth);
    expect(items.length).toBeGreaterThanOrEqual(atLeast);
    const records = await csvRecords(path, query, auth);
    expect(records[0]).toEqual(header);
    expect(records.slice(1)).toEqual(items.map((item) => cells(item).map(text)));
    return items;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    ownDonor = await aDonorOfKind(t, 'foundation', 'Fondation الأمل');
    const otherDonor = await aDonorOfKind(t, 'foundation');
    for (const pledgedOn of ['2023-02-01', '2024-05-06', '2024-07-08', '2025-01-02']) {
      await aContribution(t, ownDonor, {
        pledgedOn,
        receivedOn: null,
        status: 'pledged',
        usdAmount: '2500.50',
      });
      await aContribution(t, otherDonor, { pledgedOn, receivedOn: pledgedOn });
    }
    const donorUser = await aUser(t, { role: 'donor', donorId: ownDonor });
    donorAuth = { Authorization: `Bearer ${await signIn(t, donorUser)}` };

    const project = await aProject(t, {
      stage: 'active',
      countries: ['KEN', 'UGA', 'TZA'],
      approvedBudget: '90000.00',
    });
    projectId = project.id;
    await aConsent(t, project.id, 'KEN', 'granted');
    await aConsent(t, project.id, 'UGA', 'withdrawn');
    await aConsent(t, project.id, 'TZA', 'expired');
    for (const country of project.countries) await anAlignment(t, project.id, country);
    for (const tranche of [1, 2, 3]) {
      await t.db.query(
        `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, reference)
         VALUES ($1, $2, '1000.25', $3, $4, $5)`,
        [project.id, project.leadOrganizationId, `2025-0${tranche}-10`, tranche, `TR-${tranche}`],
      );
    }
  });

  afterAll(() => t.close());

  it('contributions: staff get every donor’s, a donor only its own, in both formats', async () => {
    const header = [
      'Donor',
      'Pledged on',
      'Received on',
      'Amount',
      'Currency',
      'Amount (USD)',
      'Exchange rate',
      'Status',
      'Earmarking',
      'Reference',
      'Illustrative',
      'Version',
      'Last changed',
    ];
    const cells = (c: Item) => [
      c.donorName,
      c.pledgedOn,
      c.receivedOn,
      c.amount,
      c.currency,
      c.usdAmount,
      c.exchangeRate,
      c.status,
      c.earmarking,
      c.reference,
      c.illustrative,
      c.version,
      c.updatedAt,
    ];
    const all = await expectSameRows('/api/v1/contributions', { fromYear: 2024 }, staff, header, cells, 6);
    expect(new Set(all.map((c) => c.donorId)).size).toBe(2);

    const own = await expectSameRows('/api/v1/contributions', { fromYear: 2024 }, donorAuth, header, cells);
    expect(own.map((c) => c.donorId)).toEqual([ownDonor, ownDonor, ownDonor]);

    const response = await t
      .http()
      .get('/api/v1/contributions')
      .query({ fromYear: 2024, format: 'xlsx' })
      .set(donorAuth)
      .responseType('blob');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([response.body as Buffer]));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('Fondation الأمل');
    expect(row.getCell(2).value).toEqual(new Date('2024-05-06T00:00:00Z'));
    expect(row.getCell(4).value).toBe(2500.5);
    expect(row.getCell(4).numFmt).toBe('#,##0.00');
    expect(row.getCell(5).value).toBe('USD');
  });

  it('transfers, with the filters of the list', async () => {
    await expectSameRows(
      '/api/v1/transfers',
      { projectId },
      staff,
      [
        'Project',
        'Organization',
        'Kind',
        'Amount (USD)',
        'Currency',
        'Transferred on',
        'Tranche',
        'Reference',
        'Reason',
        'Override justification',
        'Created',
      ],
      (x) => [
        x.projectCode,
        x.organizationName,
        x.kind,
        x.amountUsd,
        'USD',
        x.transferredOn,
        x.tranche,
        x.reference,
        x.reason,
        x.overrideJustification,
        x.createdAt,
      ],
    );
  });

  it('donors and national strategies', async () => {
    await expectSameRows(
      '/api/v1/donors',
      { kind: 'foundation' },
      donorAuth,
      ['Name', 'Kind', 'Country', 'Version', 'Created', 'Last changed'],
      (d) => [d.name, d.kind, d.countryIso3, d.version, d.createdAt, d.updatedAt],
      2,
    );
    await anAlignment(t, projectId, 'KEN');
    await expectSameRows(
      '/api/v1/national-strategies',
      { country: 'KEN' },
      staff,
      [
        'Country',
        'Title',
        'Period from',
        'Period to',
        'Priority areas',
        'Reference',
        'Version',
        'Last changed',
      ],
      (s) => [
        s.countryIso3,
        s.title,
        s.periodFrom,
        s.periodTo,
        s.priorityAreas,
        s.reference,
        s.version,
        s.updatedAt,
      ],
      2,
    );
  });

  it('consents: staff get the authority and the document, a donor the status fields only', async () => {
    const path = `/api/v1/projects/${projectId}/consents`;
    const status = ['Country', 'Status', 'Requested on', 'Granted on', 'Valid until'];
    const statusCells = (c: Item) => [c.countryIso3, c.status, c.requestedOn, c.grantedOn, c.validUntil];
    await expectSameRows(
      path,
      {},
      staff,
      [
        ...status,
        'Withdrawn on',
        'Withdrawal reason',
        'Issuing office',
        'Signatory',
        'Document reference',
        'Scope',
        'Version',
        'Last changed',
      ],
      (c) => [
        ...statusCells(c),
        c.withdrawnOn,
        c.withdrawalReason,
        c.issuingOffice,
        c.signatory,
        c.documentReference,
        c.scope,
        c.version,
        c.updatedAt,
      ],
    );
    const records = await csvRecords(path, {}, donorAuth);
    expect(records[0]).toEqual(status);
    expect(records.flat().join(' ')).not.toMatch(/Permanent Secretary|Ministry|NV\//);
    await expectSameRows(path, {}, donorAuth, status, statusCells);

    expectProblem(
      await t
        .http()
        .get('/api/v1/projects/00000000-0000-4000-8000-000000000000/consents')
        .query({ format: 'csv' })
        .set(staff),
      404,
    );
  });

  it('the audit log, for the records the reader may see', async () => {
    for (const name of ['Audit export one', 'Audit export two', 'Audit export three']) {
      const created = await t.http().post('/api/v1/organizations').set(staff).send({ name, kind: 'ngo' });
      expect(created.status).toBe(201);
    }
    await expectSameRows(
      '/api/v1/audit',
      { entity: 'organization' },
      staff,
      ['When', 'Who', 'Action', 'Record type', 'Record id', 'Request id', 'Before', 'After'],
      (a) => [
        a.occurredAt,
        a.actorEmail,
        a.action,
        a.entity,
        a.entityId,
        a.requestId,
        a.before === null ? null : JSON.stringify(a.before),
        a.after === null ? null : JSON.stringify(a.after),
      ],
    );
    expectProblem(await t.http().get('/api/v1/audit').query({ format: 'csv' }).set(donorAuth), 403);
  });

  it('alerts, on the date asked, in the reader’s language', async () => {
    const query = { on: '2026-03-01' };
    await expectSameRows(
      '/api/v1/alerts',
      query,
      staff,
      ['Alert', 'Code', 'Title', 'Stage', 'Country', 'Country name', 'Message'],
      (a) => [a.code, a.projectCode, a.projectTitle, a.stage, a.country, a.countryName, a.message],
      2,
    );
    const response = await t
      .http()
      .get('/api/v1/alerts')
      .query({ ...query, format: 'csv' })
      .set(staff)
      .set('Accept-Language', 'ar');
    const records: string[][] = parse(response.text, { bom: true });
    expect(records[0]).toEqual(['التنبيه', 'الرمز', 'العنوان', 'المرحلة', 'البلد', 'اسم البلد', 'الرسالة']);
    const asked = await t
      .http()
      .get('/api/v1/alerts')
      .query({ ...query, format: 'csv', lang: 'zh' })
      .set(staff)
      .set('Accept-Language', 'ar');
    expect(asked.headers['content-language']).toBe('zh');
    const chinese: string[][] = parse(asked.text, { bom: true });
    expect(chinese[0]).toEqual(['警报', '编号', '标题', '阶段', '国家', '国家名称', '消息']);
    const problem = expectProblem(
      await t.http().get('/api/v1/alerts').query({ format: 'csv', lang: 'de' }).set(staff),
      400,
    );
    expect(problem.errors).toEqual([{ field: 'lang', message: 'must be one of en, fr, es, ar, zh, ru' }]);
  });

  it('refuses an unknown format on every list with a problem that names it', async () => {
    for (const path of ['/api/v1/contributions', '/api/v1/transfers', '/api/v1/alerts']) {
      const problem = expectProblem(await t.http().get(path).query({ format: 'pdf' }).set(staff), 400);
      expect(problem.errors).toEqual([{ field: 'format', message: 'must be one of json, csv, xlsx' }]);
    }
  });
});
