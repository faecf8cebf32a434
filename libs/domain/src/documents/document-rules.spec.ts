import {
  DEFAULT_DOCUMENT_MAX_BYTES,
  DOCUMENT_KINDS,
  documentReaders,
  isDocumentKindOf,
  judgeDocumentContent,
  mayChangeDocuments,
} from './document-rules';

const judged = (overrides: Partial<Parameters<typeof judgeDocumentContent>[0]>) =>
  judgeDocumentContent({ size: 100, detected: 'pdf', isText: false, maxBytes: 1000, ...overrides });

describe('judgeDocumentContent', () => {
  it('accepts the bound exactly and refuses one byte over it', () => {
    expect(judged({ size: 1000 })).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(judged({ size: 1001 })).toEqual({
      ok: false,
      code: 'document-too-large',
      facts: { size: 1001, maxBytes: 1000 },
    });
  });

  it('refuses an empty file', () => {
    expect(judged({ size: 0, detected: null, isText: true })).toMatchObject({
      ok: false,
      code: 'document-empty',
    });
  });

  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpg', 'image/jpeg'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
  ])('takes the media type of a %s from its content', (detected, mediaType) => {
    expect(judged({ detected })).toEqual({ ok: true, mediaType });
  });

  it('refuses any other recognised kind of file, whatever it is named', () => {
    expect(judged({ detected: 'exe' })).toEqual({
      ok: false,
      code: 'document-type-not-accepted',
      facts: { detected: 'exe' },
    });
    expect(judged({ detected: 'zip' })).toMatchObject({ ok: false });
  });

  it('accepts unrecognised content only when it is plain text', () => {
    expect(judged({ detected: null, isText: true })).toEqual({ ok: true, mediaType: 'text/plain' });
    expect(judged({ detected: null, isText: false })).toMatchObject({
      ok: false,
      code: 'document-type-not-accepted',
    });
  });

  it('bounds uploads at 20 MiB unless configured otherwise', () => {
    expect(DEFAULT_DOCUMENT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('document kinds and readers', () => {
  it('names each document kind for its own kind of record only', () => {
    expect(isDocumentKindOf('consent', 'consent_letter')).toBe(true);
    expect(isDocumentKindOf('project', 'consent_letter')).toBe(false);
    expect(isDocumentKindOf('project', 'proposal')).toBe(true);
    for (const kinds of Object.values(DOCUMENT_KINDS)) expect(kinds).toContain('other');
  });

  it('keeps consent letters, reports and revisions to staff and admin; a project’s papers to its readers', () => {
    expect(documentReaders('consent')).toEqual(['admin', 'staff']);
    expect(documentReaders('report')).toEqual(['admin', 'staff']);
    expect(documentReaders('revision')).toEqual(['admin', 'staff']);
    expect(documentReaders('project')).toEqual(['admin', 'staff', 'reviewer', 'donor']);
  });

  it('lets only staff and admin attach or remove', () => {
    expect(mayChangeDocuments('staff')).toBe(true);
    expect(mayChangeDocuments('admin')).toBe(true);
    expect(mayChangeDocuments('reviewer')).toBe(false);
    expect(mayChangeDocuments('donor')).toBe(false);
  });
});
