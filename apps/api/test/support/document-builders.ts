import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export type Auth = { Authorization: string };

/** A small, valid PDF whose text differs on every call unless `text` is given. */
export function aPdf(text = `Consent ${randomBytes(6).toString('hex')}`): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** A 1×1 PNG image. */
export function aPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** A Windows executable's header (MZ … PE): what a renamed program starts with. */
export function anExecutable(): Buffer {
  const content = Buffer.alloc(256);
  content.write('MZ', 0, 'latin1');
  content.writeUInt32LE(0x80, 0x3c);
  content.write('PE\0\0', 0x80, 'latin1');
  return content;
}

export interface AttachedDocument {
  id: string;
  recordKind: string;
  recordId: string;
  projectId: string;
  documentKind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  version: number;
}

/** Uploads through the API, as multipart/form-data. */
export function upload(
  t: TestApp,
  auth: Auth,
  fields: { recordKind: string; recordId: string; documentKind: string },
  content: Buffer,
  fileName: string,
) {
  return t
    .http()
    .post('/api/v1/documents')
    .set(auth)
    .field('recordKind', fields.recordKind)
    .field('recordId', fields.recordId)
    .field('documentKind', fields.documentKind)
    .attach('file', content, fileName);
}

/** A document attached through the API; fails the test when the upload is refused. */
export async function anAttachedDocument(
  t: TestApp,
  auth: Auth,
  fields: { recordKind: string; recordId: string; documentKind: string },
  content: Buffer = aPdf(),
  fileName = 'letter.pdf',
): Promise<AttachedDocument> {
  const response = await upload(t, auth, fields, content, fileName);
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as AttachedDocument;
}

/** Reads a binary answer as a Buffer (supertest leaves unknown types unparsed otherwise). */
export function binary(
  response: { on: (event: string, listener: (chunk: Buffer) => void) => void },
  done: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
