import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../../lib/media';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import type { Report } from '../api/reports';
import { ReportsPanel } from './ReportsPanel';

const ME = {
  id: '7a3f1c2e-0000-4000-8000-000000000001',
  email: 'staff@example.org',
  name: 'Sara Staff',
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const COLLEAGUE = '7a3f1c2e-0000-4000-8000-000000000002';

const report = (overrides: Partial<Report>): Report => ({
  id: 'r-1',
  projectId: 'p-1',
  projectCode: 'HS-2026-0001',
  kind: 'progress',
  sequence: 1,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  dueOn: '2027-03-31',
  status: 'due',
  overdue: false,
  submittedAt: null,
  submittedById: null,
  submittedByName: null,
  reviewedAt: null,
  reviewedById: null,
  reviewedByName: null,
  comments: null,
  documents: [],
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

function serve(reports: Report[], sent: { url: string; body: unknown }[] = []) {
  return mockFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/auth/me') return json(ME);
    if (pathname === '/api/v1/projects/p-1/reports') return json({ items: reports, nextCursor: null });
    if (request.method === 'POST') {
      sent.push({ url: pathname, body: await request.json() });
      return json(reports[0], { status: 201 });
    }
    return json({}, { status: 404 });
  });
}

const SCHEDULE = [
  report({
    id: 'final',
    kind: 'final_narrative',
    sequence: 1,
    dueOn: '2029-03-31',
    periodStart: '2026-01-01',
  }),
  report({ id: 'y1', status: 'accepted', reviewedByName: 'Colin Colleague' }),
  report({ id: 'y2', sequence: 2, dueOn: '2028-03-31', periodStart: '2027-01-01', periodEnd: '2027-12-31' }),
];

describe('the reports tab', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the schedule by due date in the shared table, counted, sortable and with a column menu', async () => {
    serve(SCHEDULE);
    renderWithProviders(<ReportsPanel projectId="p-1" canEdit />);
    const table = await screen.findByRole('table', { name: 'Reports owed' });
    const names = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent);
    expect(names()).toEqual(['Progress report, year 1', 'Progress report, year 2', 'Final narrative report']);
    expect(within(table).getByRole('columnheader', { name: /^Due/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–3 of 3 (exact count)');

    const due = within(table).getByRole('columnheader', { name: /^Due/ });
    fireEvent.click(within(due).getByRole('button'));
    expect(names()).toEqual(['Final narrative report', 'Progress report, year 2', 'Progress report, year 1']);

    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Reviewer' }));
    expect(within(table).queryByRole('columnheader', { name: 'Reviewer' })).toBeNull();
  });

  it('shows a card a report on a phone, with its moves', async () => {
    const original = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
    serve(SCHEDULE);
    renderWithProviders(<ReportsPanel projectId="p-1" canEdit />);
    const cards = await screen.findByRole('list', { name: 'Reports owed' });
    expect(screen.queryByRole('table')).toBeNull();
    const first = within(cards).getAllByRole('listitem')[0]!;
    expect(first).toHaveTextContent('Progress report, year 1');
    expect(within(first).getByText('Reviewer', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'Colin Colleague',
    );
    const second = within(cards).getAllByRole('listitem')[1]!;
    expect(within(second).getByRole('button', { name: 'Hand in' })).toBeInTheDocument();
  });

  it('offers no review of a report to whoever handed it in, and one to a colleague', async () => {
    serve([
      report({
        id: 'mine',
        status: 'submitted',
        submittedById: ME.id,
        submittedByName: ME.name,
        submittedAt: '2027-03-01T00:00:00.000Z',
      }),
      report({
        id: 'theirs',
        sequence: 2,
        status: 'submitted',
        submittedById: COLLEAGUE,
        submittedByName: 'Colin Colleague',
        submittedAt: '2028-03-01T00:00:00.000Z',
      }),
    ]);
    renderWithProviders(<ReportsPanel projectId="p-1" canEdit />);
    const mine = (await screen.findByText('Progress report, year 1')).closest('tr') as HTMLElement;
    expect(within(mine).queryByRole('button', { name: 'Accept or return' })).toBeNull();
    expect(within(mine).getByText('Awaiting review by another staff member')).toBeInTheDocument();
    const theirs = screen.getByText('Progress report, year 2').closest('tr') as HTMLElement;
    expect(within(theirs).getByRole('button', { name: 'Accept or return' })).toBeInTheDocument();
  });

  it('marks an overdue report and hands it in with its documents', async () => {
    const sent: { url: string; body: unknown }[] = [];
    serve([report({ overdue: true, version: 3 })], sent);
    renderWithProviders(<ReportsPanel projectId="p-1" canEdit />);
    const row = (await screen.findByText('Progress report, year 1')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    fireEvent.click(within(row).getByRole('button', { name: 'Hand in' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hand in' }));
    expect(await within(dialog).findByText('Name the document')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Document/ }), {
      target: { value: 'Annual report 2026' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Reference/ }), {
      target: { value: 'HSU/PR/1' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hand in' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/reports/r-1/submission',
      body: { version: 3, documents: [{ title: 'Annual report 2026', reference: 'HSU/PR/1' }] },
    });
  });
});
