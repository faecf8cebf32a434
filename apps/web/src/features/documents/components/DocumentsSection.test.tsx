import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { DocumentsSection } from './DocumentsSection';

const letter = {
  id: 'd-1',
  recordKind: 'consent',
  recordId: 'c-1',
  projectId: 'p-1',
  documentKind: 'consent_letter',
  fileName: 'Lettre – Kenya.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 182_044,
  sha256: 'a'.repeat(64),
  createdByName: 'Amina Diallo',
  createdAt: '2026-11-20T10:00:00.000Z',
  version: 1,
};

const record = { projectId: 'p-1', recordKind: 'consent', recordId: 'c-1' } as const;

describe('DocumentsSection', { timeout: 20_000 }, () => {
  it('lists a record’s documents with a download link under their own name, and reads them only', async () => {
    const asked: string[] = [];
    mockFetch((request) => {
      const url = new URL(request.url);
      asked.push(`${url.pathname}?${url.searchParams.get('recordKind')}&${url.searchParams.get('recordId')}`);
      return json({ items: [letter], nextCursor: null });
    });
    renderWithProviders(<DocumentsSection record={record} canEdit={false} />);

    const link = await screen.findByRole('link', { name: 'Download Lettre – Kenya.pdf' });
    expect(link).toHaveAttribute('href', '/api/v1/documents/d-1/content');
    expect(link).toHaveAttribute('download', 'Lettre – Kenya.pdf');
    const row = link.closest('tr')!;
    expect(within(row).getByText('Consent letter')).toBeInTheDocument();
    expect(within(row).getByText(/182/)).toBeInTheDocument();
    expect(asked).toEqual(['/api/v1/documents?consent&c-1']);
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Attach' })).not.toBeInTheDocument();
  });

  it('sends a file with its kind, and words a refusal of its type in the reader’s language', async () => {
    const sent: FormData[] = [];
    mockFetch(async (request) => {
      if (request.method === 'POST') {
        sent.push(await request.formData());
        return problem(415, { title: 'Unsupported document type', detail: 'The file is a EXE file' });
      }
      return json({ items: [], nextCursor: null });
    });
    const { container } = renderWithProviders(<DocumentsSection record={record} canEdit />);
    expect(await screen.findByText('No document is attached yet.')).toBeInTheDocument();

    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['MZ'], 'letter.pdf', { type: 'application/pdf' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Attach' }));

    expect(
      await screen.findByText(/The type is read from the file's content, not from its name/),
    ).toBeInTheDocument();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.get('recordKind')).toBe('consent');
    expect(sent[0]!.get('recordId')).toBe('c-1');
    expect(sent[0]!.get('documentKind')).toBe('consent_letter');
    expect((sent[0]!.get('file') as File).name).toBe('letter.pdf');
  });

  it('removes a document with the version it read', async () => {
    const removals: { url: string; ifMatch: string | null }[] = [];
    mockFetch((request) => {
      if (request.method === 'DELETE') {
        removals.push({ url: new URL(request.url).pathname, ifMatch: request.headers.get('If-Match') });
        return new Response(null, { status: 204 });
      }
      return json({ items: [letter], nextCursor: null });
    });
    renderWithProviders(<DocumentsSection record={record} canEdit />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Lettre – Kenya.pdf' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /delete|remove/i }));
    await waitFor(() => expect(removals).toEqual([{ url: '/api/v1/documents/d-1', ifMatch: '"1"' }]));
  });
});
