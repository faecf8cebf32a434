import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { project } from '../../projects/testing/fixtures';
import type { Revision } from '../api/revisions';
import { RevisionsPanel } from './RevisionsPanel';

const ASKER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const revision = (overrides: Partial<Revision> = {}): Revision => ({
  id: 'r-1',
  projectId: 'p-1',
  kind: 'extension',
  status: 'pending',
  justification: 'Floods closed the project sites for five months.',
  previousApprovedBudget: null,
  proposedApprovedBudget: null,
  previousShares: null,
  proposedShares: null,
  previousEndDate: '2028-12-31',
  proposedEndDate: '2029-06-30',
  requestedBy: { id: ASKER, name: 'Sara Staff' },
  requestedAt: '2026-11-20T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
  version: 1,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

/** The API as the panel reads it: the signed-in user and the project's requests. */
function serve(me: string, revisions: Revision[]) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/me') {
      return json({ id: me, email: 'staff@example.org', name: 'Staff', role: 'staff', donorId: null });
    }
    if (request.method === 'POST' && url.pathname.endsWith('/decision')) {
      return json(
        revision({
          status: 'approved',
          decidedBy: { id: me, name: 'Dan Decider' },
          decidedAt: '2026-11-21T10:00:00.000Z',
          decisionComment: 'Consents hold.',
          version: 2,
        }),
        { status: 201 },
      );
    }
    return json({ items: revisions, nextCursor: null });
  });
}

describe('RevisionsPanel', { timeout: 20_000 }, () => {
  it('does not offer the requester a decision on their own request', async () => {
    serve(ASKER, [revision()]);
    renderWithProviders(<RevisionsPanel project={{ ...project(), id: 'p-1', stage: 'active' }} canEdit />);
    expect(
      await screen.findByText('You made this request: another staff member decides it.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Decide' })).toBeNull();
  });

  it('lets another staff member approve it with a comment, sending the version read', async () => {
    const fetch = serve(OTHER, [revision()]);
    renderWithProviders(<RevisionsPanel project={{ ...project(), id: 'p-1', stage: 'active' }} canEdit />);
    fireEvent.click(await screen.findByRole('button', { name: 'Decide' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Comment/), { target: { value: 'Consents hold.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await screen.findByText('Request approved: the project has changed.');
    const sent = fetch.mock.calls
      .map(([input, init]) => (input instanceof Request ? input : new Request(String(input), init)))
      .find((request) => request.method === 'POST');
    expect(sent?.headers.get('If-Match')).toBe('"1"');
    await expect(sent?.json()).resolves.toEqual({ decision: 'approve', comment: 'Consents hold.' });
  });

  it('shows who decided and with what comment', async () => {
    serve(ASKER, [
      revision({
        status: 'rejected',
        decidedBy: { id: OTHER, name: 'Dan Decider' },
        decidedAt: '2026-11-21T10:00:00.000Z',
        decisionComment: 'Reallocate within the budget first.',
      }),
    ]);
    renderWithProviders(<RevisionsPanel project={{ ...project(), id: 'p-1', stage: 'active' }} canEdit />);
    expect(await screen.findByText(/Rejected by Dan Decider/)).toBeInTheDocument();
    expect(screen.getByText('Reallocate within the budget first.')).toBeInTheDocument();
  });

  it("words the API's refusal of a raise in the reader's language, on the budget field", async () => {
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/me') {
        return json({ id: ASKER, email: 'staff@example.org', name: 'Staff', role: 'staff', donorId: null });
      }
      if (request.method === 'POST') {
        const refusal = {
          code: 'budget_revision_raise_exceeds_available',
          facts: { increase: '100000.00', available: '40000.00', shortfall: '60000.00' },
        };
        return problem(422, {
          title: 'The Fund would be over-committed',
          detail: 'The raise exceeds the available balance.',
          ...refusal,
          problems: [refusal],
        });
      }
      return json({ items: [], nextCursor: null });
    });
    const base = project();
    renderWithProviders(
      <RevisionsPanel
        project={{ ...base, id: 'p-1', stage: 'active', approvedBudget: base.requestedBudget }}
        canEdit
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Request a revision' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Justification/), { target: { value: 'Needs doubled.' } });
    const budget = within(dialog).getByLabelText(/Revised approved budget/);
    fireEvent.focus(budget);
    fireEvent.change(budget, { target: { value: String(Number(base.requestedBudget) + 100000) } });
    fireEvent.blur(budget);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the request' }));
    expect(
      await within(dialog).findByText(
        /The raise of .*100,000.* exceeds the Fund's available balance of .*40,000.* by .*60,000/,
      ),
    ).toBeInTheDocument();
  });
});
