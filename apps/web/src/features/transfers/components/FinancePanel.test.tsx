import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../../lib/media';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import type { Transfer } from '../../projects';
import type { PlannedTranche } from '../api/tranches';
import { ILO, project, UNDP } from '../../projects/testing/fixtures';
import { FinancePanel } from './FinancePanel';

const entry = (overrides: Partial<Transfer>): Transfer => ({
  id: 'e-1',
  projectId: 'p-1',
  projectCode: 'HS-2025-0001',
  organizationId: UNDP,
  organizationName: 'United Nations Development Programme',
  kind: 'transfer',
  amountUsd: '100000.00',
  transferredOn: '2026-02-01',
  tranche: 1,
  reference: null,
  reversesId: null,
  reversedById: null,
  reason: null,
  overrideJustification: null,
  requiresReportId: null,
  plannedTrancheId: null,
  version: 1,
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  ...overrides,
});

const planned = (overrides: Partial<PlannedTranche>): PlannedTranche => ({
  id: 't-1',
  projectId: 'p-1',
  organizationId: UNDP,
  organizationName: 'United Nations Development Programme',
  plannedOn: '2099-06-30',
  amountUsd: '200000.00',
  condition: 'On signature of the agreement',
  requiresReportId: null,
  requiresReportKind: null,
  requiresReportSequence: null,
  requiresReportName: null,
  requiresReportStatus: null,
  status: 'planned',
  releasedByTransferId: null,
  releasedOn: null,
  releasedAmountUsd: null,
  version: 1,
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  ...overrides,
});

function serve(transfers: Transfer[], tranches: PlannedTranche[] = []) {
  mockFetch((request) =>
    json({
      items: new URL(request.url).pathname.endsWith('/tranches') ? tranches : transfers,
      nextCursor: null,
    }),
  );
}

describe('FinancePanel', { timeout: 20_000 }, () => {
  it('offers no transfer on a completed project and shows what went back to the Fund', async () => {
    serve([entry({})]);
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'completed', approvedBudget: '1000000.00' }} canEdit />,
    );
    expect(await screen.findByText(/the \$900,000 not transferred went back/)).toBeInTheDocument();
    expect(screen.getByText('Released back to the Fund')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Record a transfer' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Record a refund from an organization' })).toBeInTheDocument();
  });

  it('shows a reversal beside the transfer it reverses and counts neither as transferred', async () => {
    serve([
      entry({ reversedById: 'e-2' }),
      entry({ id: 'e-2', kind: 'reversal', tranche: null, reversesId: 'e-1', reason: 'Wrong organization.' }),
    ]);
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }} canEdit />,
    );
    const reversal = await screen.findByTestId('entry-e-2');
    expect(within(reversal).getByText('Reversal')).toBeInTheDocument();
    expect(within(reversal).getByText(/Reverses tranche 1 — Wrong organization\./)).toBeInTheDocument();
    expect(
      within(screen.getByTestId('entry-e-1')).getByText('Reversed by the entry of Feb 1, 2026'),
    ).toBeInTheDocument();
    expect(within(screen.getByTestId('entry-e-1')).queryByRole('button', { name: 'Reverse' })).toBeNull();
    expect(screen.getByText('$1,000,000 remains of the approved budget.')).toBeInTheDocument();
  });

  it('totals the transfers net of reversals and refunds, and orders them by the column pressed', async () => {
    serve([
      entry({ id: 'e-3', transferredOn: '2026-05-01', tranche: 2, amountUsd: '250000.00' }),
      entry({ reversedById: 'e-2' }),
      entry({ id: 'e-2', kind: 'reversal', tranche: null, reversesId: 'e-1', transferredOn: '2026-02-02' }),
      entry({ id: 'e-4', kind: 'refund', tranche: null, transferredOn: '2026-06-01', amountUsd: '0.35' }),
    ]);
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }} canEdit />,
    );
    const table = await screen.findByRole('table', { name: 'Transfers' });
    const ids = () =>
      within(table)
        .getAllByRole('row')
        .map((row) => row.getAttribute('data-testid'))
        .filter(Boolean);
    // Oldest first, whatever order the API sent them in.
    expect(ids()).toEqual(['entry-e-1', 'entry-e-2', 'entry-e-3', 'entry-e-4']);
    // 100,000 − 100,000 + 250,000 − 0.35: what the project holds of the Fund's money, to the cent.
    const totals = within(table).getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr')!;
    expect(totals).toHaveTextContent('$249,999.65');
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–4 of 4');

    fireEvent.click(within(table).getByRole('button', { name: /Amount/ }));
    expect(ids()).toEqual(['entry-e-2', 'entry-e-4', 'entry-e-1', 'entry-e-3']);
  });

  it("refuses before the click an amount past the organization's share of the approved budget", async () => {
    serve([entry({ organizationId: ILO, amountUsd: '350000.00' })]);
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }} canEdit />,
    );
    await screen.findByTestId('entry-e-1');
    const form = screen.getByRole('region', { name: 'Record a transfer' });
    fireEvent.change(within(form).getByLabelText(/Organization/), { target: { value: ILO } });
    fireEvent.change(within(form).getByLabelText(/Amount \(US\$\)/), { target: { value: '50000.01' } });
    expect(
      await screen.findByText("Only $50,000 remains of this organization's share of the approved budget."),
    ).toBeInTheDocument();
  });

  it('shows the tranche schedule planned against made, the next tranche due and the overdue ones flagged', async () => {
    serve(
      [entry({ plannedTrancheId: 't-1' })],
      [
        planned({
          status: 'released',
          plannedOn: '2026-01-31',
          amountUsd: '100000.00',
          releasedByTransferId: 'e-1',
          releasedOn: '2026-02-01',
          releasedAmountUsd: '100000.00',
        }),
        planned({
          id: 't-2',
          plannedOn: '2026-03-31',
          status: 'overdue',
          organizationId: ILO,
          organizationName: 'International Labour Organization',
        }),
        planned({
          id: 't-3',
          plannedOn: '2099-06-30',
          requiresReportId: 'r-1',
          requiresReportKind: 'progress',
          requiresReportSequence: 1,
          requiresReportStatus: 'due',
        }),
      ],
    );
    renderWithProviders(
      <FinancePanel
        project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }}
        canEdit={false}
      />,
    );
    expect(await screen.findByText('$100,000 released of $500,000 planned')).toBeInTheDocument();
    expect(
      screen.getByText('Next tranche: $200,000 to International Labour Organization on Mar 31, 2026'),
    ).toBeInTheDocument();
    expect(screen.getByText('Overdue planned tranches: 1')).toBeInTheDocument();
    expect(within(screen.getByTestId('tranche-t-2')).getByText('Overdue')).toBeInTheDocument();
    expect(within(screen.getByTestId('tranche-t-1')).getByText('Released')).toBeInTheDocument();
    const schedule = screen.getByRole('table', { name: 'Tranche schedule' });
    expect(
      within(schedule).getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr'),
    ).toHaveTextContent('$500,000');
    expect(
      within(screen.getByTestId('tranche-t-3')).getByText('Waits for Progress report, year 1 (due)'),
    ).toBeInTheDocument();
    // A donor reads the schedule; only staff plan it.
    expect(screen.queryByRole('button', { name: 'Plan a tranche' })).toBeNull();
  });

  it("lets staff plan a tranche and refuses before the click an amount past the organization's share", async () => {
    serve([], [planned({ amountUsd: '500000.00' })]);
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }} canEdit />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Plan a tranche' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Still to plan for this organization: \$100,000/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText(/Amount \(USD\)/), { target: { value: '100000.01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the tranche' }));
    expect(
      await within(dialog).findByText("More than the organization's share still to plan ($100,000)"),
    ).toBeInTheDocument();
  });

  it('offers the planned tranches of the chosen organization that are not released when recording a transfer', async () => {
    serve([], [planned({}), planned({ id: 't-2', organizationId: ILO, plannedOn: '2099-07-31' })]);
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }} canEdit />,
    );
    const form = await screen.findByRole('region', { name: 'Record a transfer' });
    const against = await within(form).findByLabelText('Against planned tranche');
    expect(
      within(against)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['None', 'Jun 30, 2099 · $200,000']);
  });

  it('sends a tranche with the accepted report it waits for, chosen among the project’s reports', async () => {
    const sent: unknown[] = [];
    mockFetch(async (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST') {
        sent.push(await request.json());
        return json(entry({ id: 'e-9', requiresReportId: 'r-1' }), { status: 201 });
      }
      if (path.endsWith('/reports')) {
        return json({
          items: [{ id: 'r-1', kind: 'progress', sequence: 1, status: 'accepted' }],
          nextCursor: null,
        });
      }
      return json({ items: [], nextCursor: null });
    });
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }} canEdit />,
    );
    const form = await screen.findByRole('region', { name: 'Record a transfer' });
    const condition = within(form).getByLabelText(/Requires an accepted report/);
    await within(form).findByRole('option', { name: 'Progress report, year 1 (Accepted)' });
    fireEvent.change(condition, { target: { value: 'r-1' } });
    fireEvent.change(within(form).getByLabelText(/Organization/), { target: { value: UNDP } });
    fireEvent.change(within(form).getByLabelText(/Amount \(US\$\)/), { target: { value: '1000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the transfer' }));
    await within(form).findByText('The transfer is recorded.');
    expect(sent).toEqual([expect.objectContaining({ requiresReportId: 'r-1', organizationId: UNDP })]);
  });

  it('shows the organizations, the transfers and the tranche schedule as cards on a phone', async () => {
    const original = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
    serve(
      [entry({ plannedTrancheId: 't-1' })],
      [planned({ status: 'released', releasedByTransferId: 'e-1', releasedOn: '2026-02-01' })],
    );
    renderWithProviders(
      <FinancePanel project={{ ...project(), stage: 'active', approvedBudget: '1000000.00' }} canEdit />,
    );

    const transfers = await screen.findByRole('list', { name: 'Transfers' });
    const made = within(transfers).getByTestId('entry-e-1');
    expect(within(made).getByText('Amount', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '$100,000',
    );
    const schedule = await screen.findByRole('list', { name: 'Tranche schedule' });
    const tranche = within(schedule).getByTestId('tranche-t-1');
    expect(within(tranche).getByText('Status', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'Released',
    );
    const organizations = screen.getByRole('list', { name: 'Organizations and budget shares' });
    expect(within(organizations).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).toBeNull();
  });
});
