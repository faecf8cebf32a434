import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { asRole } from '../support/builders';
import {
  aPdf,
  aPng,
  anAttachedDocument,
  anExecutable,
  type Auth,
  binary,
  upload,
} from '../support/document-builders';
import { aConsent, aReview } from '../support/lifecycle-builders';
import { aProject, type BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

const MAX_BYTES = 16 * 1024;

/** Every file under the store's directory, at any depth. */
async function storedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('documents', () => {
  let t: TestApp;
  let dataDir: string;
  let staff: Auth;
  let donor: Auth;
  let project: BuiltProject;
  let consentId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hstf-documents-'));
    t = await createTestApp({ DATA_DIR: dataDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    staff = (await asRole(t, 'staff')).auth;
    donor = (await asRole(t, 'donor')).auth;
    project = await aProject(t, { countries: ['KEN'] });
    consentId = await aConsent(t, project.id, 'KEN', 'granted');
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const consentLetter = () => ({
    recordKind: 'consent',
    recordId: consentId,
    documentKind: 'consent_letter',
  });
  const proposal = () => ({ recordKind: 'project', recordId: project.id, documentKind: 'proposal' });
  const written = async () => ({
    documents: await count(t.db, 'documents'),
    audit: await count(t.db, 'audit_entries', `entity LIKE '%\\_document'`),
    files: (await storedFiles(path.join(dataDir, 'documents'))).length,
  });

  it('attaches a consent letter: typed by its content, kept on disk under its hash, with one audit entry for the project', async () => {
    const content = aPdf();
    const before = await written();
    const response = await upload(t, staff, consentLetter(), content, 'letter.bin');
    expect(response.status).toBe(201);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(response.body).toMatchObject({
      recordKind: 'consent',
      recordId: consentId,
      projectId: project.id,
      documentKind: 'consent_letter',
      fileName: 'letter.bin',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256,
      version: 1,
    });
    expect(await written()).toEqual({
      documents: before.documents + 1,
      audit: before.audit + 1,
      files: before.files + 1,
    });
    expect(await storedFiles(path.join(dataDir, 'documents'))).toContain(
      path.join(dataDir, 'documents', sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    );
    const { rows } = await t.db.query<{ action: string; project_id: string; after: { sha256: string } }>(
      `SELECT action, project_id, after FROM audit_entries WHERE entity = 'consent_document' AND entity_id = $1`,
      [(response.body as { id: string }).id],
    );
    expect(rows).toEqual([expect.objectContaining({ action: 'create', project_id: project.id })]);
    expect(rows[0]!.after.sha256).toBe(sha256);
  });

  it('reads the type from the content, never from the name: a PNG named .pdf is a PNG, a program named .pdf is refused', async () => {
    const png = await upload(t, staff, proposal(), aPng(), 'proposal.pdf');
    expect(png.status).toBe(201);
    expect((png.body as { mediaType: string }).mediaType).toBe('image/png');

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('budget').addRow(['Output', 'USD']);
    const xlsx = await upload(
      t,
      staff,
      proposal(),
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'budget.txt',
    );
    expect(xlsx.status).toBe(201);
    expect((xlsx.body as { mediaType: string }).mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );

    const text = await upload(t, staff, proposal(), Buffer.from('Note verbale\nموافقة\n', 'utf8'), 'note');
    expect((text.body as { mediaType: string }).mediaType).toBe('text/plain');

    const before = await written();
    expectProblem(await upload(t, staff, proposal(), anExecutable(), 'proposal.pdf'), 415);
    expectProblem(
      await upload(t, staff, proposal(), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 7]), 'notes.txt'),
      415,
    );
    expect(await written()).toEqual(before);
  });

  it('refuses a file over DOCUMENT_MAX_BYTES (413) and an empty one (422), writing nothing', async () => {
    const before = await written();
    const over = Buffer.concat([aPdf(), Buffer.alloc(MAX_BYTES, 0x20)]).subarray(0, MAX_BYTES + 1);
    expectProblem(await upload(t, staff, consentLetter(), over, 'big.pdf'), 413);
    expectProblem(await upload(t, staff, consentLetter(), Buffer.alloc(0), 'empty.pdf'), 422);
    expect(await written()).toEqual(before);

    const atBound = Buffer.concat([aPdf(), Buffer.alloc(MAX_BYTES, 0x20)]).subarray(0, MAX_BYTES);
    const accepted = await upload(t, staff, consentLetter(), atBound, 'bound.pdf');
    expect(accepted.status).toBe(201);
    expect((accepted.body as { sizeBytes: number }).sizeBytes).toBe(MAX_BYTES);
  });

  it('refuses a document kind of another record, an unknown record, and uploads by donors, writing nothing', async () => {
    const before = await written();
    expectProblem(
      await upload(t, staff, { ...consentLetter(), documentKind: 'proposal' }, aPdf(), 'p.pdf'),
      400,
    );
    expectProblem(
      await upload(
        t,
        staff,
        { ...consentLetter(), recordId: '0b4e3c55-59d3-4a47-8f0e-2c1c9b0d6f11' },
        aPdf(),
        'p.pdf',
      ),
      404,
    );
    expectProblem(await upload(t, donor, proposal(), aPdf(), 'p.pdf'), 403);
    expect(await written()).toEqual(before);
  });

  it('keeps the same content once, however many times it is attached', async () => {
    const content = aPdf('the same agreement');
    const before = await written();
    const first = await anAttachedDocument(
      t,
      staff,
      { ...proposal(), documentKind: 'agreement' },
      content,
      'a.pdf',
    );
    const other = await aProject(t);
    const second = await anAttachedDocument(
      t,
      staff,
      { recordKind: 'project', recordId: other.id, documentKind: 'agreement' },
      content,
      'b.pdf',
    );
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).not.toBe(first.id);
    expect(await written()).toEqual({
      documents: before.documents + 2,
      audit: before.audit + 2,
      files: before.files + 1,
    });
  });

  it('never lets a donor have a consent letter (404), while staff download it under its own name', async () => {
    const content = aPdf();
    const letter = await anAttachedDocument(
      t,
      staff,
      consentLetter(),
      content,
      'Lettre de consentement – Kenya.pdf',
    );

    const download = await t
      .http()
      .get(`/api/v1/documents/${letter.id}/content`)
      .set(staff)
      .buffer(true)
      .parse(binary);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Lettre de consentement ? Kenya.pdf"; filename*=UTF-8''Lettre%20de%20consentement%20%E2%80%93%20Kenya.pdf`,
    );
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);

    expectProblem(await t.http().get(`/api/v1/documents/${letter.id}/content`).set(donor), 404);
    expectProblem(
      await t.http().get(`/api/v1/documents?recordKind=consent&recordId=${consentId}`).set(donor),
      404,
    );
    const reviewer = (await asRole(t, 'reviewer')).auth;
    expectProblem(await t.http().get(`/api/v1/documents/${letter.id}/content`).set(reviewer), 404);
  });

  it("lets donors and the reviewers assigned to a project read the project's own documents, and no one read a deleted project's", async () => {
    const content = aPdf();
    const paper = await anAttachedDocument(t, staff, proposal(), content, 'proposal.pdf');
    const read = (auth: Auth) => t.http().get(`/api/v1/documents/${paper.id}/content`).set(auth);
    const readContent = (auth: Auth) => read(auth).buffer(true).parse(binary);

    const downloaded = await readContent(donor);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body as Buffer, content)).toBe(0);
    const list = await t.http().get(`/api/v1/documents?recordKind=project&recordId=${project.id}`).set(donor);
    expect(list.status).toBe(200);
    const items = (list.body as { items: { id: string; createdByName: string | null }[] }).items;
    expect(items.map((item) => item.id)).toContain(paper.id);
    expect(items.every((item) => item.createdByName === null)).toBe(true);

    const { user: reviewerUser, auth: reviewer } = await asRole(t, 'reviewer');
    expectProblem(await read(reviewer), 404);
    await aReview(t, project.id, [2, 2, 2, 2, 2], 'assigned', reviewerUser.id);
    expect((await readContent(reviewer)).status).toBe(200);

    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [project.id]);
    try {
      expectProblem(await read(donor), 404);
      expectProblem(await read(staff), 404);
    } finally {
      await t.db.query(`UPDATE projects SET deleted_at = NULL WHERE id = $1`, [project.id]);
    }
  });

  it('removes an attachment with its version, one audit entry, and refuses a stale version or a donor', async () => {
    const paper = await anAttachedDocument(t, staff, proposal());
    expectProblem(
      await t.http().delete(`/api/v1/documents/${paper.id}`).set(donor).set('If-Match', '"1"'),
      403,
    );
    expectProblem(
      await t.http().delete(`/api/v1/documents/${paper.id}`).set(staff).set('If-Match', '"2"'),
      409,
    );
    const before = await written();
    const removed = await t.http().delete(`/api/v1/documents/${paper.id}`).set(staff).set('If-Match', '"1"');
    expect(removed.status).toBe(204);
    const after = await written();
    expect(after).toEqual({ ...before, documents: before.documents - 1, audit: before.audit + 1 });
    const { rows } = await t.db.query<{ action: string; project_id: string }>(
      `SELECT action, project_id FROM audit_entries WHERE entity = 'project_document' AND entity_id = $1 ORDER BY occurred_at`,
      [paper.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['create', 'delete']);
    expect(rows.every((row) => row.project_id === project.id)).toBe(true);
    expectProblem(await t.http().get(`/api/v1/documents/${paper.id}/content`).set(staff), 404);
  });

  it("lists documents in the project's timeline: every one for staff, only the project's own for donors", async () => {
    const own = await anAttachedDocument(t, staff, { ...proposal(), documentKind: 'concept_note' });
    const letter = await anAttachedDocument(t, staff, consentLetter());
    const timeline = async (auth: Auth) => {
      const response = await t.http().get(`/api/v1/projects/${project.id}/timeline?limit=200`).set(auth);
      expect(response.status).toBe(200);
      return (response.body as { items: { entity: string; entityId: string }[] }).items;
    };
    const forStaff = await timeline(staff);
    expect(forStaff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: 'project_document', entityId: own.id }),
        expect.objectContaining({ entity: 'consent_document', entityId: letter.id }),
      ]),
    );
    const forDonor = await timeline(donor);
    expect(forDonor).toEqual(
      expect.arrayContaining([expect.objectContaining({ entity: 'project_document', entityId: own.id })]),
    );
    expect(forDonor.some((event) => event.entity === 'consent_document')).toBe(false);
  });
});
