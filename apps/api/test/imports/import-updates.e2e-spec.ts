import ExcelJS from 'exceljs';
import { aDonorOfKind } from '../support/fund-builders';
import { asRole } from '../support/builders';
import { anOrganization, aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

interface FieldChange {
  field: string;
  column: string;
  from: string;
  to: string;
}

interface ImportBody {
  id: string;
  status: string;
  version: number;
  errorCount: number;
  changeCount: number;
  createCount: number;
  updateCount: number;
  unchangedCount: number;
  errors: { row: number; column: string | null; message: string }[];
  changes: { row: number; action: string; summary: string; id: string | null; fields: FieldChange[] }[];
}

function csv(lines: string[]): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

const PROJECT_HEADER =
  'Code,Title,Window,Lead organization,Recipient countries,Requested budget,Budget shares';

describe('imports that change existing records', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let first: string;
  let second: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    const acronymOf = async (id: string) =>
      (await t.db.query<{ acronym: string }>(`SELECT acronym FROM organizations WHERE id = $1`, [id]))
        .rows[0]!.acronym;
    first = await acronymOf(await anOrganization(t));
    second = await acronymOf(await anOrganization(t));
  });
  afterAll(() => t.close());

  const upload = (kind: string, file: Buffer) =>
    t.http().post('/api/v1/imports').set(staff).field('kind', kind).attach('file', file, `${kind}.csv`);
  const confirm = (body: ImportBody) =>
    t.http().post(`/api/v1/imports/${body.id}/confirm`).set(staff).send({ version: body.version });
  const importAll = async (kind: string, lines: string[]): Promise<ImportBody> => {
    const checked = await upload(kind, csv(lines));
    expect(checked.status).toBe(201);
    expect((checked.body as ImportBody).errors).toEqual([]);
    const done = await confirm(checked.body as ImportBody);
    expect(done.status).toBe(200);
    return done.body as ImportBody;
  };
  const projectByCode = async (code: string) =>
    (
      await t.db.query<{ id: string; title: string; requested_budget: string; version: number }>(
        `SELECT id, title, requested_budget::text, version FROM projects WHERE code = $1`,
        [code],
      )
    ).rows[0]!;
  const sharesOf = async (projectId: string) =>
    (
      await t.db.query<{ acronym: string; share: string }>(
        `SELECT o.acronym, po.budget_share::text AS share FROM project_organizations po
         JOIN organizations o ON o.id = po.organization_id WHERE po.project_id = $1 ORDER BY o.acronym`,
        [projectId],
      )
    ).rows;
  const updatesOf = (entity: string, id: string) =>
    count(t.db, 'audit_entries', `entity = $1 AND action = 'update' AND entity_id = $2`, [entity, id]);

  it('creates projects with the budget shares the row gives, or the whole budget on the lead', async () => {
    await importAll('projects', [
      PROJECT_HEADER,
      `HS-2041-0001,Alpha,I,${first},KEN,300000.00,${first} = 200000.00; ${second} = 100000.00`,
      `HS-2041-0002,Beta,II,${first},UGA,100000.00,`,
    ]);
    const alpha = await projectByCode('HS-2041-0001');
    expect(await sharesOf(alpha.id)).toEqual(
      [
        { acronym: first, share: '200000.00' },
        { acronym: second, share: '100000.00' },
      ].sort((a, b) => a.acronym.localeCompare(b.acronym)),
    );
    const beta = await projectByCode('HS-2041-0002');
    expect(await sharesOf(beta.id)).toEqual([{ acronym: first, share: '100000.00' }]);

    const refused = await upload(
      'projects',
      csv([PROJECT_HEADER, `HS-2041-0003,Gamma,I,${first},KEN,300000.00,${first} = 100000.00; Nobody = 5`]),
    );
    expect((refused.body as ImportBody).errors).toEqual([
      {
        row: 2,
        column: 'Budget shares',
        message: expect.stringContaining('"Nobody" names no single known organization'),
      },
    ]);
  });

  it('a row naming a project by its code changes it: the dry run lists what is created, changed (old → new), unchanged or wrong, and writes nothing', async () => {
    await importAll('projects', [
      PROJECT_HEADER,
      `HS-2042-0001,Alpha,I,${first},KEN,300000.00,${first} = 200000.00; ${second} = 100000.00`,
      `HS-2042-0002,Beta,II,${first},UGA,100000.00,`,
      `HS-2042-0003,Delta,I,${first},TZA,50000.00,`,
    ]);
    const before = {
      alpha: await projectByCode('HS-2042-0001'),
      beta: await projectByCode('HS-2042-0002'),
      delta: await projectByCode('HS-2042-0003'),
      projects: await count(t.db, 'projects'),
      audit: await count(t.db, 'audit_entries', `entity = 'project'`),
    };
    const lines = [
      PROJECT_HEADER,
      `HS-2042-0001,Alpha renamed,I,${first},KEN,300000.00,`,
      `hs-2042-0002,Beta,II,${first},UGA,120000.00,`,
      `HS-2042-0003,Delta,I,${first},TZA,50000.00,`,
      `,Gamma,I,${first},KEN,10000.00,`,
      `HS-2042-0001,Alpha,IV,${first},KEN,300000.00,`,
    ];
    const response = await upload('projects', csv(lines));
    expect(response.status).toBe(201);
    const checked = response.body as ImportBody;
    expect(checked).toMatchObject({
      status: 'checked',
      errorCount: 1,
      createCount: 1,
      updateCount: 2,
      unchangedCount: 1,
      changeCount: 3,
    });
    expect(checked.errors).toEqual([{ row: 6, column: 'Window', message: 'must be I or II' }]);
    expect(checked.changes).toEqual([
      {
        row: 2,
        action: 'update',
        summary: 'HS-2042-0001 Alpha renamed',
        id: before.alpha.id,
        fields: [{ field: 'title', column: 'Title', from: 'Alpha', to: 'Alpha renamed' }],
      },
      {
        row: 3,
        action: 'update',
        summary: 'HS-2042-0002 Beta',
        id: before.beta.id,
        fields: [
          { field: 'requestedBudget', column: 'Requested budget', from: '100000.00', to: '120000.00' },
          {
            field: 'organizations',
            column: 'Budget shares',
            from: `${first} = 100000.00`,
            to: `${first} = 120000.00`,
          },
        ],
      },
      { row: 4, action: 'unchanged', summary: 'HS-2042-0003 Delta', id: before.delta.id, fields: [] },
      { row: 5, action: 'create', summary: expect.stringContaining('Gamma'), id: null, fields: [] },
    ]);

    // Neither the dry run nor a confirmation of a file with a bad row writes anything.
    expectProblem(await confirm(checked), 422);
    await expect(projectByCode('HS-2042-0001')).resolves.toEqual(before.alpha);
    await expect(projectByCode('HS-2042-0002')).resolves.toEqual(before.beta);
    await expect(count(t.db, 'projects')).resolves.toBe(before.projects);
    await expect(count(t.db, 'audit_entries', `entity = 'project'`)).resolves.toBe(before.audit);

    const done = await importAll('projects', lines.slice(0, 5));
    expect(done).toMatchObject({ status: 'imported', createCount: 1, updateCount: 2, unchangedCount: 1 });
    await expect(projectByCode('HS-2042-0001')).resolves.toMatchObject({
      title: 'Alpha renamed',
      version: before.alpha.version + 1,
    });
    await expect(projectByCode('HS-2042-0002')).resolves.toMatchObject({ requested_budget: '120000.00' });
    expect(await sharesOf(before.beta.id)).toEqual([{ acronym: first, share: '120000.00' }]);
    // One audit entry per changed record, none for the record left as it was.
    await expect(updatesOf('project', before.alpha.id)).resolves.toBe(1);
    await expect(updatesOf('project', before.beta.id)).resolves.toBe(1);
    await expect(updatesOf('project', before.delta.id)).resolves.toBe(0);
    await expect(projectByCode('HS-2042-0003')).resolves.toEqual(before.delta);
    const created = done.changes.find((change) => change.action === 'create')!;
    await expect(
      count(t.db, 'audit_entries', `entity = 'project' AND action = 'create' AND entity_id = $1`, [
        created.id,
      ]),
    ).resolves.toBe(1);
  });

  it('a project’s shares change only with the row’s shares column, and must add up to its budget', async () => {
    await importAll('projects', [
      PROJECT_HEADER,
      `HS-2043-0001,Alpha,I,${first},KEN,300000.00,${first} = 200000.00; ${second} = 100000.00`,
    ]);
    const budgetAlone = await upload(
      'projects',
      csv([PROJECT_HEADER, `HS-2043-0001,Alpha,I,${first},KEN,400000.00,`]),
    );
    expect((budgetAlone.body as ImportBody).errors).toEqual([
      { row: 2, column: 'Budget shares', message: expect.stringContaining('budget shares sum to 300000.00') },
    ]);
    const done = await importAll('projects', [
      PROJECT_HEADER,
      `HS-2043-0001,Alpha,I,${first},KEN,400000.00,${first} = 250000.00; ${second} = 150000.00`,
    ]);
    expect(done.changes[0]).toMatchObject({ action: 'update' });
    const alpha = await projectByCode('HS-2043-0001');
    expect((await sharesOf(alpha.id)).map((share) => share.share).sort()).toEqual(['150000.00', '250000.00']);
  });

  it('a contribution is named by its donor and reference, a strategy by its country and title, a consent by its project and country', async () => {
    const donorName = `Import donor ${Date.now()}`;
    const donorId = await aDonorOfKind(t, 'foundation', donorName);
    const project = await aProject(t, { countries: ['KEN'] });
    const header = 'Donor,Pledged on,Amount,Currency,Amount (USD),Exchange rate,Status,Reference';
    await importAll('contributions', [header, `${donorName},2025-01-15,1000.00,USD,1000.00,1,pledged,REF-1`]);
    const contribution = (
      await t.db.query<{ id: string }>(`SELECT id FROM contributions WHERE donor_id = $1`, [donorId])
    ).rows[0]!;
    const contributions = await importAll('contributions', [
      header,
      `${donorName},2025-01-15,1500.00,USD,1500.00,1,pledged,REF-1`,
      `${donorName},2025-01-15,700.00,USD,700.00,1,pledged,REF-2`,
    ]);
    expect(contributions.changes.map(({ action, id }) => ({ action, id }))).toEqual([
      { action: 'update', id: contribution.id },
      { action: 'create', id: expect.any(String) },
    ]);
    expect(contributions.changes[0]!.fields).toEqual([
      { field: 'amount', column: 'Amount', from: '1000.00', to: '1500.00' },
      { field: 'usdAmount', column: 'Amount (USD)', from: '1000.00', to: '1500.00' },
    ]);
    await expect(count(t.db, 'contributions', 'donor_id = $1', [donorId])).resolves.toBe(2);
    await expect(updatesOf('contribution', contribution.id)).resolves.toBe(1);

    const strategyHeader = 'Country,Title,Period from,Period to,Priority areas';
    await importAll('strategies', [strategyHeader, 'KEN,Import Vision 2030,2020-01-01,2025-12-31,Health']);
    const strategies = await importAll('strategies', [
      strategyHeader,
      'ken,import vision 2030,2020-01-01,2030-12-31,Health; Food security',
    ]);
    expect(strategies.changes[0]).toMatchObject({
      action: 'update',
      fields: [
        // The row's title is written as the row gives it; the key is matched whatever the capitals.
        { field: 'title', column: 'Title', from: 'Import Vision 2030', to: 'import vision 2030' },
        { field: 'periodTo', column: 'Period to', from: '2025-12-31', to: '2030-12-31' },
        { field: 'priorityAreas', column: 'Priority areas', from: 'Health', to: 'Health; Food security' },
      ],
    });
    await expect(count(t.db, 'national_strategies', `title ILIKE 'import vision 2030'`)).resolves.toBe(1);

    const consentHeader =
      'Project,Country,Status,Requested on,Granted on,Issuing office,Signatory,Document reference';
    await importAll('consents', [consentHeader, `${project.code},KEN,requested,2025-11-01,,,,`]);
    const consent = (
      await t.db.query<{ id: string }>(`SELECT id FROM consent_records WHERE project_id = $1`, [project.id])
    ).rows[0]!;
    const consents = await importAll('consents', [
      consentHeader,
      `${project.code},KEN,granted,2025-11-01,2025-12-01,Ministry of Foreign Affairs,A. Minister,MFA/2025/12`,
    ]);
    expect(consents.changes[0]).toMatchObject({ action: 'update', id: consent.id });
    expect(consents.changes[0]!.fields).toEqual(
      expect.arrayContaining([{ field: 'status', column: 'Status', from: 'requested', to: 'granted' }]),
    );
    await expect(count(t.db, 'consent_records', 'project_id = $1', [project.id])).resolves.toBe(1);
    await expect(updatesOf('consent_record', consent.id)).resolves.toBe(1);
    // The same file again changes nothing and writes no audit entry.
    const again = await importAll('consents', [
      consentHeader,
      `${project.code},KEN,granted,2025-11-01,2025-12-01,Ministry of Foreign Affairs,A. Minister,MFA/2025/12`,
    ]);
    expect(again).toMatchObject({ unchangedCount: 1, changeCount: 0 });
    await expect(updatesOf('consent_record', consent.id)).resolves.toBe(1);
  });

  it('the Excel template states which record a row changes, in the reader’s language, and carries the shares column', async () => {
    const response = await t
      .http()
      .get('/api/v1/imports/templates/projects')
      .set(staff)
      .set('Accept-Language', 'fr')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as ArrayBuffer);
    const headers = (book.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('Parts du budget');
    const notes = book.worksheets[1]!;
    expect(notes.name).toBe('Notes');
    const text = notes
      .getColumn(1)
      .values.filter((value): value is string => typeof value === 'string')
      .join('\n');
    expect(text).toContain('Une ligne dont le Code est celui d’un projet existant modifie ce projet');
    expect(text).toContain('l’organisation chef de file détient tout le budget demandé');
  });
});
