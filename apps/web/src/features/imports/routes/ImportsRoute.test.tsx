import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { ImportsRoute } from './ImportsRoute';

configure({ asyncUtilTimeout: 5000 });

const STAFF = {
  id: 'staff-1',
  email: 'staff@example.org',
  name: 'Sara Staff',
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function anImport(overrides: Record<string, unknown>) {
  return {
    id: '6f1c1b1e-0000-4000-8000-000000000001',
    kind: 'contributions',
    fileName: 'pledges.csv',
    format: 'csv',
    status: 'checked',
    totalRows: 2,
    processedRows: 2,
    errorCount: 0,
    changeCount: 2,
    createCount: 2,
    updateCount: 0,
    unchangedCount: 0,
    failure: null,
    createdByEmail: 'staff@example.org',
    version: 2,
    createdAt: '2026-11-02T10:15:00Z',
    updatedAt: '2026-11-02T10:15:00Z',
    errors: [],
    changes: [],
    ...overrides,
  };
}

function importsApi(checked: ReturnType<typeof anImport>, imported?: ReturnType<typeof anImport>) {
  const sent: { method: string; path: string; body?: unknown }[] = [];
  mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/me') return json(STAFF);
    if (request.method === 'GET' && url.pathname === '/api/v1/imports') {
      return json({ items: [], nextCursor: null });
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/imports') {
      sent.push({ method: 'POST', path: url.pathname, body: await request.formData() });
      return json(checked, { status: 201 });
    }
    if (request.method === 'POST' && url.pathname.endsWith('/confirm')) {
      sent.push({ method: 'POST', path: url.pathname, body: await request.json() });
      return json(imported);
    }
    return json(imported ?? checked);
  });
  return sent;
}

function chooseFile(container: HTMLElement, name: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [new File(['Donor\r\n'], name, { type: 'text/csv' })] } });
}

describe('the import screen', { timeout: 30_000 }, () => {
  it("uploads the file and lists every row's errors, without offering to import", async () => {
    const sent = importsApi(
      anImport({
        errorCount: 2,
        changeCount: 1,
        errors: [
          { row: 3, column: 'Currency', message: 'must be an ISO 4217 currency code in use' },
          { row: 4, column: null, message: 'The change lowers what the Fund has received' },
        ],
      }),
    );
    const { container } = renderWithProviders(<ImportsRoute />, { route: '/imports', path: '/imports' });
    await screen.findByRole('button', { name: 'Check the file' });
    chooseFile(container, 'pledges.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    const table = await screen.findByRole('table', { name: 'The errors, by row and column' });
    expect(within(table).getByText('Currency')).toBeInTheDocument();
    expect(within(table).getByText('must be an ISO 4217 currency code in use')).toBeInTheDocument();
    expect(within(table).getByText('(the whole row)')).toBeInTheDocument();
    expect(screen.getByText('Rows with errors: 2. Nothing will be written.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Import the records/ })).not.toBeInTheDocument();
    const form = sent[0]!.body as FormData;
    expect(form.get('kind')).toBe('projects');
    expect((form.get('file') as File).name).toBe('pledges.csv');
  });

  it('confirms a correct file with the version it read', async () => {
    const checked = anImport({
      changes: [
        { row: 2, action: 'create', summary: 'Japan: 1000.00 USD (received)', id: null, fields: [] },
        { row: 3, action: 'create', summary: 'Japan: 2000.00 USD (pledged)', id: null, fields: [] },
      ],
    });
    const sent = importsApi(checked, anImport({ status: 'imported', version: 3 }));
    const { container } = renderWithProviders(<ImportsRoute />, { route: '/imports', path: '/imports' });
    await screen.findByRole('button', { name: 'Check the file' });
    chooseFile(container, 'pledges.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(await screen.findByText('The file is correct. Records it will create: 2.')).toBeInTheDocument();
    expect(screen.getByText('Japan: 2000.00 USD (pledged)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Import the records (2)' }));
    await waitFor(() => expect(sent.at(-1)?.path).toBe(`/api/v1/imports/${checked.id}/confirm`));
    expect(sent.at(-1)?.body).toEqual({ version: 2 });
    // In the panel and in the notification.
    expect(await screen.findAllByText('Records created: 2.')).not.toHaveLength(0);
    expect(
      screen.getByText('Imported', { selector: '.mantine-Alert-title *, .mantine-Alert-title' }),
    ).toBeInTheDocument();
  });

  it('shows per row what an import creates, changes (each field, old → new) and leaves as it is', async () => {
    const checked = anImport({
      kind: 'projects',
      changeCount: 2,
      createCount: 1,
      updateCount: 1,
      unchangedCount: 1,
      totalRows: 3,
      changes: [
        {
          row: 2,
          action: 'update',
          summary: 'HS-2026-0042 Alpha renamed',
          id: '6f1c1b1e-0000-4000-8000-000000000042',
          fields: [
            { field: 'title', column: 'Title', from: 'Alpha', to: 'Alpha renamed' },
            { field: 'coFunding', column: 'Co-funding', from: '', to: '5000.00' },
          ],
        },
        {
          row: 3,
          action: 'unchanged',
          summary: 'HS-2026-0043 Delta',
          id: '6f1c1b1e-0000-4000-8000-000000000043',
          fields: [],
        },
        { row: 4, action: 'create', summary: 'Gamma', id: null, fields: [] },
      ],
    });
    importsApi(checked);
    const { container } = renderWithProviders(<ImportsRoute />, { route: '/imports', path: '/imports' });
    await screen.findByRole('button', { name: 'Check the file' });
    // Which record a row changes is said before the file is sent.
    expect(
      screen.getByText(/A row whose code is that of an existing project changes that project/),
    ).toBeInTheDocument();
    chooseFile(container, 'projects.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(
      await screen.findByText(
        'The file is correct. Records it will create: 1. Records it will change: 1. Rows that change nothing: 1.',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'What each row does (showing 3 of 3 rows)' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByText('Changes')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Alpha → Alpha renamed')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('— → 5000.00')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Unchanged')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Creates')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import the records (2)' })).toBeInTheDocument();
  });
});
