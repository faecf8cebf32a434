import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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

describe('the reports tab', () => {
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
