import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays } from '@hstf/domain';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { AssignReviewer } from './AssignReviewer';

// The picker is driven through a modal and a dropdown; under a loaded test run, give it time.
configure({ asyncUtilTimeout: 5000 });

const REVIEWERS = [
  { id: 'u-1', name: 'Ana Ortiz', email: 'ana.ortiz@example.org', openAssignments: 1, submittedReviews: 4 },
  { id: 'u-5', name: 'Bruno Keller', email: 'bkeller@unhs.example', openAssignments: 2, submittedReviews: 3 },
  { id: 'u-6', name: 'Chidi Okafor', email: 'c.okafor@example.org', openAssignments: 0, submittedReviews: 0 },
];

/** The API as the picker sees it: the reviewers list in two pages, and the assignment route. */
function serve(assign: (body: unknown) => Response = () => json({ id: 'r-9' }, { status: 201 })) {
  const posted: unknown[] = [];
  const read: string[] = [];
  mockFetch(async (request) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/v1/assessment-settings') {
      return json({
        minPrincipleMean: 2,
        minOverallMean: 2.5,
        minReviews: 2,
        disagreementSpread: 2,
        reviewDueDays: 21,
        reviewWaitingDays: 60,
        version: 1,
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    if (request.method === 'GET' && url.pathname === '/api/v1/reviewers') {
      read.push(url.search);
      return url.searchParams.get('cursor') === 'page-2'
        ? json({ items: REVIEWERS.slice(2), nextCursor: null })
        : json({ items: REVIEWERS.slice(0, 2), nextCursor: 'page-2' });
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/projects/p-1/reviews') {
      const body = (await request.json()) as unknown;
      posted.push(body);
      return assign(body);
    }
    return json({ title: 'Not found', status: 404 }, { status: 404 });
  });
  return { posted, read };
}

const today = new Date().toISOString().slice(0, 10);

async function openPicker() {
  // The due date starts at the settings' days, read as the button renders, before the dialog opens.
  await new Promise((resolve) => setTimeout(resolve, 50));
  fireEvent.click(screen.getByRole('button', { name: 'Assign a reviewer' }));
  const dialog = await screen.findByRole('dialog', { name: 'Assign a reviewer to HS-2026-0004' });
  const select = within(dialog).getByRole('combobox', { name: /^Reviewer/ });
  await waitFor(() => expect(select).toHaveAttribute('placeholder', 'Choose a reviewer'));
  fireEvent.click(select);
  return dialog;
}

describe('AssignReviewer', { timeout: 20_000 }, () => {
  it('offers every active reviewer not yet on the panel, with their workload, and assigns the one chosen', async () => {
    const { posted, read } = serve();
    renderWithProviders(<AssignReviewer projectId="p-1" code="HS-2026-0004" assignedIds={['u-1']} />);
    // Nothing is read before the picker opens.
    expect(read).toEqual([]);

    const dialog = await openPicker();
    // The dropdown is still fading in (display: none in happy-dom), hence hidden: true.
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((option) => option.textContent)).toEqual([
      'Bruno Keller · bkeller@unhs.example2 open · 3 submitted',
      'Chidi Okafor · c.okafor@example.org0 open · 0 submitted',
    ]);
    // Both pages were read; Ana, already assigned, is not offered.
    expect(read).toEqual(['?limit=200', '?limit=200&cursor=page-2']);

    fireEvent.click(screen.getByRole('option', { name: /^Bruno Keller/, hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));

    // The due date was left at its default: today plus the 21 days of the assessment settings.
    await waitFor(() => expect(posted).toEqual([{ reviewerId: 'u-5', dueOn: addDays(today, 21) }]));
    expect(
      await screen.findByText(
        'Bruno Keller is assigned. They declare any conflict of interest before the proposal opens to them.',
      ),
    ).toHaveAttribute('role', 'status');
  });

  it('asks for a reviewer before sending anything', async () => {
    const { posted } = serve();
    renderWithProviders(<AssignReviewer projectId="p-1" code="HS-2026-0004" assignedIds={[]} />);
    const dialog = await openPicker();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText('Choose a reviewer.')).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it('says so when the reviewer was assigned meanwhile', async () => {
    serve(() =>
      problem(409, {
        type: 'https://hstf.example/problems/duplicate-review',
        title: 'Conflict',
        errors: [{ field: 'reviewerId', message: 'is already assigned to this proposal' }],
      }),
    );
    renderWithProviders(<AssignReviewer projectId="p-1" code="HS-2026-0004" assignedIds={[]} />);
    const dialog = await openPicker();
    fireEvent.click(await screen.findByRole('option', { name: /^Chidi Okafor/, hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(
      await within(dialog).findByText('This reviewer is already assigned to this proposal.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/is assigned\./)).not.toBeInTheDocument();
  });
});
