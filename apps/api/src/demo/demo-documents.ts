import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { documentRecord, type DocumentRecordRow, type DocumentStore } from '../documents';
import { StatementPdf } from '../statements';

interface DemoDocument {
  recordKind: 'consent' | 'project' | 'report';
  recordId: string;
  projectId: string;
  documentKind: string;
  fileName: string;
  content: Buffer;
}

interface ConsentRow {
  id: string;
  project_id: string;
  code: string;
  title: string;
  country: string;
  issuing_office: string;
  signatory: string;
  document_reference: string;
  scope: string;
  granted_on: string;
  valid_until: string | null;
}

interface ProjectRow {
  id: string;
  code: string;
  title: string;
  summary: string | null;
  countries: string;
  requested_budget: string | null;
  start_date: string | null;
  end_date: string | null;
}

interface ReportRow {
  id: string;
  project_id: string;
  code: string;
  title: string;
  kind: string;
  sequence: number;
  period_start: string;
  period_end: string;
}

const ILLUSTRATIVE = 'Illustrative demo document: not a record of the Fund.';

async function consentLetter(consent: ConsentRow): Promise<Buffer> {
  const pdf = new StatementPdf(false, {
    title: `Consent letter ${consent.document_reference}`,
    language: 'en',
  });
  pdf.title('Note verbale: consent to a Trust Fund project');
  pdf.note(ILLUSTRATIVE);
  pdf.facts([
    ['Reference', consent.document_reference],
    ['Issued by', consent.issuing_office],
    ['Country', consent.country],
    ['Project', `${consent.code} ${consent.title}`],
    ['Granted on', consent.granted_on],
    ['Valid until', consent.valid_until ?? 'the end of the project'],
  ]);
  pdf.paragraph(
    `The Government presents its compliments to the United Nations Trust Fund for Human Security and ` +
      `has the honour to confirm its consent to the project ${consent.code}, "${consent.title}", ` +
      `to be carried out on its territory.`,
  );
  pdf.paragraph(`Scope of the consent: ${consent.scope}.`);
  pdf.paragraph(`Signed: ${consent.signatory}`);
  return pdf.end();
}

async function proposal(project: ProjectRow): Promise<Buffer> {
  const pdf = new StatementPdf(false, { title: `Proposal ${project.code}`, language: 'en' });
  pdf.title(`Project proposal ${project.code}`);
  pdf.note(ILLUSTRATIVE);
  pdf.heading(project.title);
  pdf.facts([
    ['Countries', project.countries],
    ['Requested budget (USD)', project.requested_budget ?? '—'],
    ['Period', `${project.start_date ?? '—'} to ${project.end_date ?? '—'}`],
  ]);
  pdf.heading('Summary');
  pdf.paragraph(
    project.summary ?? 'The applicants describe the threats the communities face and the response.',
  );
  pdf.heading('The human security approach');
  pdf.paragraph(
    'People-centred: the communities take part in setting priorities. Comprehensive: the response ' +
      'addresses the threats together. Context-specific, prevention-oriented, and combining protection ' +
      'with empowerment.',
  );
  return pdf.end();
}

async function reportAttachment(report: ReportRow): Promise<Buffer> {
  const pdf = new StatementPdf(false, { title: `Report ${report.code} ${report.sequence}`, language: 'en' });
  pdf.title(`Narrative report, ${report.code}`);
  pdf.note(ILLUSTRATIVE);
  pdf.facts([
    ['Project', `${report.code} ${report.title}`],
    ['Report', `${report.kind.replace(/_/g, ' ')} no. ${report.sequence}`],
    ['Period', `${report.period_start} to ${report.period_end}`],
  ]);
  pdf.heading('Progress in the period');
  pdf.table(
    [
      { label: 'Activity', width: 0.6 },
      { label: 'Planned', width: 0.2, numeric: true },
      { label: 'Done', width: 0.2, numeric: true },
    ],
    [
      ['Community early-warning committees set up', '12', '11'],
      ['Committee members trained', '300', '284'],
      ['Households with a tested early-warning plan', '1200', '1050'],
    ],
  );
  pdf.paragraph(
    'One committee could not meet during the rainy season; its training moves to the next period.',
  );
  return pdf.end();
}

/**
 * A few documents as staff would attach them: the consent letter of a granted consent, the proposal
 * of a funded project and a narrative report's attachment. The content is written through the same
 * document store the API reads from, so they download from the dashboard; each attachment has its
 * audit entry (with the project, for the timeline), as an upload through the API would.
 */
export async function writeDemoDocuments(
  client: Client,
  requestId: string,
  store: DocumentStore,
): Promise<void> {
  const documents: DemoDocument[] = [];
  const consents = await client.query<ConsentRow>(
    `SELECT c.id, c.project_id, p.code, p.title, co.name AS country, c.issuing_office, c.signatory,
            c.document_reference, c.scope, c.granted_on::text, c.valid_until::text
     FROM consent_records c JOIN projects p ON p.id = c.project_id JOIN countries co ON co.iso3 = c.country_iso3
     WHERE c.status = 'granted' AND c.document_reference IS NOT NULL
     ORDER BY p.code, c.country_iso3 LIMIT 2`,
  );
  for (const consent of consents.rows) {
    documents.push({
      recordKind: 'consent',
      recordId: consent.id,
      projectId: consent.project_id,
      documentKind: 'consent_letter',
      fileName: `${consent.document_reference.replace(/\//g, '-')}.pdf`,
      content: await consentLetter(consent),
    });
  }
  const projects = await client.query<ProjectRow>(
    `SELECT p.id, p.code, p.title, p.summary, array_to_string(p.country_codes, ', ') AS countries,
            p.requested_budget::text, p.start_date::text, p.end_date::text
     FROM projects p WHERE p.stage IN ('approved', 'active') ORDER BY p.code LIMIT 2`,
  );
  for (const project of projects.rows) {
    documents.push({
      recordKind: 'project',
      recordId: project.id,
      projectId: project.id,
      documentKind: 'proposal',
      fileName: `${project.code} proposal.pdf`,
      content: await proposal(project),
    });
  }
  const reports = await client.query<ReportRow>(
    `SELECT r.id, r.project_id, p.code, p.title, r.kind, r.sequence, r.period_start::text, r.period_end::text
     FROM reports r JOIN projects p ON p.id = r.project_id
     WHERE r.status IN ('submitted', 'accepted') ORDER BY r.status DESC, p.code, r.sequence LIMIT 1`,
  );
  for (const report of reports.rows) {
    documents.push({
      recordKind: 'report',
      recordId: report.id,
      projectId: report.project_id,
      documentKind: 'narrative_report',
      fileName: `${report.code} report ${report.sequence}.pdf`,
      content: await reportAttachment(report),
    });
  }

  const [author] = (
    await client.query<{ id: string }>(`SELECT id FROM users WHERE email = 'staff@example.org'`)
  ).rows;
  for (const document of documents) {
    const sha256 = createHash('sha256').update(document.content).digest('hex');
    // Kept before the row is written, as the API does: a row never names content the store lacks.
    await store.put(sha256, document.content);
    const { rows } = await client.query<DocumentRecordRow>(
      `INSERT INTO documents (record_kind, record_id, project_id, document_kind, file_name, media_type,
                              size_bytes, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, $7, $8)
       RETURNING id, record_kind, record_id, project_id, document_kind, file_name, media_type, size_bytes,
                 sha256, created_at, version`,
      [
        document.recordKind,
        document.recordId,
        document.projectId,
        document.documentKind,
        document.fileName,
        document.content.length,
        sha256,
        author?.id ?? null,
      ],
    );
    const audited = documentRecord(rows[0]!);
    await client.query(
      `INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
       VALUES ('create', $1, $2, $3::jsonb, $4)`,
      [`${document.recordKind}_document`, audited.id, JSON.stringify(audited), requestId],
    );
  }
}
