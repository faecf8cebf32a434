import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as PdfParse from 'pdf-parse';
import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { documentStoreOf } from '../../src/documents';
import { asRole } from '../support/builders';
import { binary } from '../support/document-builders';
import { requireNative } from '../support/native-module';
import { createTestApp, TestApp } from '../support/test-app';

// Loaded by Node itself: pdf.js starts its worker with a dynamic import, which Jest's loader refuses.
const { PDFParse } = requireNative<typeof PdfParse>('pdf-parse');

interface Listed {
  id: string;
  documentKind: string;
  fileName: string;
  mediaType: string;
  projectId: string;
}

/** The demo has documents attached, written through the store the API reads, so they download. */
describe('the demo documents', () => {
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hstf-demo-documents-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(
      loadDemoDataIfEmpty(url, { portfolio: true, documents: documentStoreOf(t.config.documents.store) }),
    ).resolves.toBe(true);
    // The whole demo and five PDFs: beyond the default 30 s when other test files share the CPU.
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('attaches a consent letter, a proposal and a report attachment, each with its audit entry', async () => {
    const { rows } = await t.db.query<{ record_kind: string; document_kind: string; n: number }>(
      `SELECT record_kind, document_kind, count(*)::int AS n FROM documents
       GROUP BY record_kind, document_kind ORDER BY record_kind`,
    );
    expect(rows).toEqual([
      { record_kind: 'consent', document_kind: 'consent_letter', n: 2 },
      { record_kind: 'project', document_kind: 'proposal', n: 2 },
      { record_kind: 'report', document_kind: 'narrative_report', n: 1 },
    ]);
    const audit = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM documents d
       JOIN audit_entries a ON a.entity_id = d.id::text AND a.entity = d.record_kind || '_document'
       WHERE a.action = 'create' AND a.project_id = d.project_id`,
    );
    expect(audit.rows[0]?.n).toBe(5);
  });

  it("lists a consent's letter to staff and downloads it as a PDF that reads as the letter", async () => {
    const { auth } = await asRole(t, 'staff');
    const [consent] = (
      await t.db.query<{ record_id: string; reference: string }>(
        `SELECT d.record_id, c.document_reference AS reference FROM documents d
         JOIN consent_records c ON c.id = d.record_id WHERE d.record_kind = 'consent' LIMIT 1`,
      )
    ).rows;
    const listed = await t
      .http()
      .get('/api/v1/documents')
      .query({ recordKind: 'consent', recordId: consent!.record_id })
      .set(auth);
    expect(listed.status).toBe(200);
    const [letter] = listed.body.items as Listed[];
    expect(letter).toMatchObject({ documentKind: 'consent_letter', mediaType: 'application/pdf' });

    const download = await t
      .http()
      .get(`/api/v1/documents/${letter!.id}/content`)
      .set(auth)
      .buffer(true)
      .parse(binary);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const body = download.body as Buffer;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(body) });
    const text = await parser.getText().finally(() => parser.destroy());
    expect(text.text).toContain(consent!.reference);
    expect(text.text).toContain('Illustrative demo document');
  });

  it("lets a donor download a project's proposal but not a consent letter", async () => {
    const { auth } = await asRole(t, 'donor');
    const [proposal] = (
      await t.db.query<{ id: string }>(`SELECT id FROM documents WHERE record_kind = 'project' LIMIT 1`)
    ).rows;
    const [letter] = (
      await t.db.query<{ id: string }>(`SELECT id FROM documents WHERE record_kind = 'consent' LIMIT 1`)
    ).rows;
    const paper = await t
      .http()
      .get(`/api/v1/documents/${proposal!.id}/content`)
      .set(auth)
      .buffer(true)
      .parse(binary);
    expect(paper.status).toBe(200);
    expect(paper.headers['content-type']).toBe('application/pdf');
    expect((await t.http().get(`/api/v1/documents/${letter!.id}/content`).set(auth)).status).toBe(404);
  });
});
