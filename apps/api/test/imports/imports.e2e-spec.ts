import ExcelJS from 'exceljs';
import { aDonorOfKind } from '../support/fund-builders';
import { asRole } from '../support/builders';
import { anOrganization, aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

interface ImportBody {
  id: string;
  status: string;
  version: number;
  totalRows: number;
  processedRows: number;
  errorCount: number;
  changeCount: number;
  errors: { row: number; column: string | null; message: string }[];
  changes: { row: number; action: string; summary: string; id: string | null }[];
}

const CONTRIBUTION_HEADER =
  'Donor,Pledged on,Received on,Amount,Currency,Amount (USD),Exchange rate,Status,Reference';

function csv(lines: string[]): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('import');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('imports', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donorName: string;
  let donorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donorName = `Kingdom of Imports ${Date.now()}`;
    donorId = await aDonorOfKind(t, 'foundation', donorName);
  });
  afterAll(() => t.close());

  const upload = (kind: string, file: Buffer, name: string, auth = staff) =>
    t.http().post('/api/v1/imports').set(auth).field('kind', kind).attach('file', file, name);
  const confirm = (body: ImportBody, auth = staff) =>
    t.http().post(`/api/v1/imports/${body.id}/confirm`).set(auth).send({ version: body.version });

  /** The progress each poll of `settled` read, as processed rows. */
  let progressSeen: number[] = [];

  async function settled(id: string, status: string): Promise<ImportBody> {
    progressSeen = [];
    for (;;) {
      const response = await t.http().get(`/api/v1/imports/${id}`).set(staff);
      expect(response.status).toBe(200);
      const body = response.body as ImportBody;
      progressSeen.push(body.processedRows);
      if (body.status === status || body.status === 'failed') return body;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('offers a template per kind with the headers in the reader’s language, and reads them back', async () => {
    const response = await t
      .http()
      .get('/api/v1/imports/templates/contributions?format=csv')
      .set(staff)
      .set('Accept-Language', 'fr');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text.replace(/^\uFEFF/, '').trim()).toBe(
      'Donateur,Date d’annonce,Date de réception,Montant,Devise,Montant (USD),Taux de change,Statut,Affectation,Référence',
    );

    const xlsx = await t
      .http()
      .get('/api/v1/imports/templates/strategies')
      .set(staff)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const headers = (book.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(['Country', 'Title', 'Period from', 'Period to', 'Priority areas', 'Reference']);
  });

  it('a file with bad rows writes nothing and names each error by row, column and message', async () => {
    const before = {
      contributions: await count(t.db, 'contributions'),
      audit: await count(t.db, 'audit_entries', `entity = 'contribution'`),
    };
    const file = csv([
      CONTRIBUTION_HEADER,
      `${donorName},2025-01-15,2025-02-01,1000.00,USD,1000.00,1,received,OK-1`,
      `${donorName},2025-01-15,,1000.00,EURO,1000.00,1,pledged,BAD-CURRENCY`,
      `Nobody Known,2025-01-15,,,USD,1000.00,1,pledged,BAD-DONOR-AND-AMOUNT`,
      // The DTO accepts it; the contributions' own rule (usdAmount = amount × rate) refuses it.
      `${donorName},2025-01-15,,1000.00,EUR,5.00,1.1,pledged,BAD-CONVERSION`,
    ]);
    const response = await upload('contributions', file, 'contributions.csv');
    expect(response.status).toBe(201);
    const checked = response.body as ImportBody;
    expect(checked).toMatchObject({ status: 'checked', totalRows: 4, processedRows: 4, errorCount: 3 });
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'Currency', message: expect.stringContaining('ISO 4217') },
        { row: 4, column: 'Donor', message: expect.stringContaining('no known donor') },
        { row: 4, column: 'Amount', message: 'is required' },
        { row: 5, column: expect.any(String), message: expect.stringMatching(/amount|rate/i) },
      ]),
    );
    expect(checked.errors.every((error) => error.row !== 2)).toBe(true);
    expect(checked.changes).toEqual([
      { row: 2, action: 'create', summary: `${donorName}: 1000.00 USD (received)`, id: null, fields: [] },
    ]);

    expectProblem(await confirm(checked), 422);
    await expect(count(t.db, 'contributions')).resolves.toBe(before.contributions);
    await expect(count(t.db, 'audit_entries', `entity = 'contribution'`)).resolves.toBe(before.audit);
  });

  it('a good Excel file creates every record on confirmation, each with its audit entry', async () => {
    const file = await workbook([
      ['Donor', 'Pledged on', 'Received on', 'Amount', 'Currency', 'Amount (USD)', 'Exchange rate', 'Status'],
      [donorId, new Date(Date.UTC(2025, 2, 1)), null, 2500, 'USD', 2500, 1, 'pledged'],
      [donorName, '2025-03-02', '2025-03-10', 1000, 'EUR', 1100, 1.1, 'received'],
    ]);
    const uploaded = await upload('contributions', file, 'pledges.xlsx');
    expect(uploaded.status).toBe(201);
    const checked = uploaded.body as ImportBody;
    expect(checked).toMatchObject({ status: 'checked', errorCount: 0, changeCount: 2 });
    // The dry run wrote nothing.
    await expect(count(t.db, 'contributions', 'donor_id = $1', [donorId])).resolves.toBe(0);

    const confirmed = await confirm(checked);
    expect(confirmed.status).toBe(200);
    const imported = confirmed.body as ImportBody;
    expect(imported).toMatchObject({ status: 'imported', changeCount: 2, errors: [] });
    const ids = imported.changes.map((change) => change.id);
    const { rows } = await t.db.query<{ id: string; amount: string; usd_amount: string; pledged_on: string }>(
      `SELECT id, amount::text, usd_amount::text, pledged_on::text FROM contributions WHERE donor_id = $1
       ORDER BY pledged_on`,
      [donorId],
    );
    expect(rows).toEqual([
      { id: ids[0], amount: '2500.00', usd_amount: '2500.00', pledged_on: '2025-03-01' },
      { id: ids[1], amount: '1000.00', usd_amount: '1100.00', pledged_on: '2025-03-02' },
    ]);
    for (const id of ids) {
      await expect(
        count(t.db, 'audit_entries', `entity = 'contribution' AND action = 'create' AND entity_id = $1`, [
          id,
        ]),
      ).resolves.toBe(1);
    }
    await expect(
      count(t.db, 'audit_entries', `entity = 'import' AND action = 'import' AND entity_id = $1`, [
        checked.id,
      ]),
    ).resolves.toBe(1);
    // A confirmed import is not written twice.
    expectProblem(await confirm(imported), 409);
  });

  it('imports projects with their lead organization and countries, then consents by project code', async () => {
    const organizationId = await anOrganization(t);
    const { rows } = await t.db.query<{ acronym: string }>(
      `SELECT acronym FROM organizations WHERE id = $1`,
      [organizationId],
    );
    const projects = await upload(
      'projects',
      csv([
        'Title,Window,Lead organization,Recipient countries,Requested budget,Start date,End date,Sustainable Development Goals',
        `Imported resilience project,I,${rows[0]!.acronym},KEN; UGA,250000.00,2026-01-01,2027-12-31,1; 16`,
        `Second imported project,II,${rows[0]!.acronym},TZA,100000.00,2026-02-01,2026-01-01,`,
      ]),
      'projects.csv',
    );
    expect(projects.status).toBe(201);
    // The end before the start is the projects' own rule.
    expect((projects.body as ImportBody).errors).toEqual([
      { row: 3, column: expect.any(String), message: expect.any(String) },
    ]);

    // Field names are headers too; a semicolon-separated file (Excel in French, Spanish, Russian) reads.
    const fixed = await upload(
      'projects',
      csv([
        'title;window;leadOrganizationId;recipientCountries;requestedBudget',
        `Imported resilience project;I;${organizationId};"KEN; UGA";250000.00`,
      ]),
      'projects.csv',
    );
    expect(fixed.status).toBe(201);
    const done = await confirm(fixed.body as ImportBody);
    expect(done.status).toBe(200);
    const projectId = (done.body as ImportBody).changes[0]!.id!;
    const project = await t.http().get(`/api/v1/projects/${projectId}`).set(staff);
    expect(project.body).toMatchObject({
      title: 'Imported resilience project',
      leadOrganizationId: organizationId,
      recipientCountries: [
        expect.objectContaining({ iso3: 'KEN' }),
        expect.objectContaining({ iso3: 'UGA' }),
      ],
    });
    const code = (project.body as { code: string }).code;

    const consents = await upload(
      'consents',
      csv([
        'Project,Country,Status,Requested on',
        `${code},KEN,requested,2025-11-01`,
        `${code},FRA,requested,2025-11-01`,
      ]),
      'consents.csv',
    );
    expect(consents.status).toBe(201);
    expect((consents.body as ImportBody).errors).toEqual([
      { row: 3, column: 'Country', message: 'is not a recipient country of this project' },
    ]);
    await expect(count(t.db, 'consent_records', 'project_id = $1', [projectId])).resolves.toBe(0);

    const fixedConsents = await upload(
      'consents',
      csv(['Project,Country,Status,Requested on', `${code},KEN,requested,2025-11-01`]),
      'consents.csv',
    );
    expect((await confirm(fixedConsents.body as ImportBody)).status).toBe(200);
    // Its audit entry names the project, so the consent shows in the project's timeline.
    await expect(
      count(t.db, 'audit_entries', `entity = 'consent_record' AND action = 'create' AND project_id = $1`, [
        projectId,
      ]),
    ).resolves.toBe(1);
  });

  it('refuses donors and reviewers (403)', async () => {
    const built = await aProject(t);
    expect(built.id).toBeDefined();
    for (const role of ['donor', 'reviewer'] as const) {
      const { auth } = await asRole(t, role);
      const file = csv(['Country,Title,Period from,Period to', 'KEN,Vision,2020-01-01,2030-12-31']);
      expectProblem(await upload('strategies', file, 'strategies.csv', auth), 403);
      expectProblem(await t.http().get('/api/v1/imports').set(auth), 403);
      expectProblem(await t.http().get('/api/v1/imports/templates/projects').set(auth), 403);
    }
  });

  it('refuses a file whose content is neither CSV nor Excel, whatever its name, and a file too large', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const before = await count(t.db, 'imports');
    expectProblem(await upload('strategies', png, 'strategies.csv'), 415);
    expectProblem(await upload('strategies', Buffer.from([0, 1, 2, 3, 4, 5]), 'strategies.xlsx'), 415);
    expectProblem(await upload('strategies', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'big.csv'), 413);
    const unknownHeader = expectProblem(
      await upload('strategies', csv(['Country,Colour', 'KEN,blue']), 'strategies.csv'),
      400,
    );
    expect(unknownHeader.errors).toEqual(
      expect.arrayContaining([{ field: 'Colour', message: expect.stringContaining('not a column') }]),
    );
    await expect(count(t.db, 'imports')).resolves.toBe(before);
  });

  it('writes a large file in the background, each record with its audit entry', async () => {
    const lines = ['Country,Title,Period from,Period to'];
    for (let n = 0; n < 1_001; n += 1) lines.push(`UGA,Background plan ${n},2021-01-01,2025-12-31`);
    const response = await upload('strategies', csv(lines), 'strategies.csv');
    const checked = await settled((response.body as ImportBody).id, 'checked');
    expect(checked).toMatchObject({ status: 'checked', errorCount: 0, changeCount: 1_001 });
    const confirmed = await confirm(checked);
    expect(confirmed.status).toBe(200);
    expect((confirmed.body as ImportBody).status).toBe('importing');
    const imported = await settled(checked.id, 'imported');
    expect(imported).toMatchObject({ status: 'imported', processedRows: 1_001 });
    await expect(count(t.db, 'national_strategies', `title LIKE 'Background plan %'`)).resolves.toBe(1_001);
    await expect(
      count(
        t.db,
        'audit_entries',
        `entity = 'national_strategy' AND action = 'create' AND after->>'title' LIKE 'Background plan %'`,
      ),
    ).resolves.toBe(1_001);
  }, 600_000);

  it('checks a 10,000-row file in the background, with its progress', async () => {
    const lines = ['Country,Title,Period from,Period to,Priority areas'];
    for (let n = 0; n < 10_000; n += 1) {
      lines.push(
        `KEN,National plan ${n},2020-01-01,${n === 9_999 ? '2019-01-01' : '2030-12-31'},Health; Food`,
      );
    }
    const started = Date.now();
    const response = await upload('strategies', csv(lines), 'strategies.csv');
    expect(response.status).toBe(201);
    expect((response.body as ImportBody).status).toBe('checking');
    const checked = await settled((response.body as ImportBody).id, 'checked');
    const seconds = (Date.now() - started) / 1000;
    console.log(`10,000-row dry run (strategies): ${seconds.toFixed(1)} s`);
    expect(checked).toMatchObject({
      status: 'checked',
      totalRows: 10_000,
      processedRows: 10_000,
      errorCount: 1,
      changeCount: 9_999,
    });
    expect(checked.errors).toEqual([
      { row: 10_001, column: expect.any(String), message: expect.any(String) },
    ]);
    expect(checked.changes).toHaveLength(1_000);
    // The dashboard saw the run move while it ran.
    expect(progressSeen.some((processed) => processed > 0 && processed < 10_000)).toBe(true);
    await expect(count(t.db, 'national_strategies', `title LIKE 'National plan %'`)).resolves.toBe(0);
  }, 900_000);
});
