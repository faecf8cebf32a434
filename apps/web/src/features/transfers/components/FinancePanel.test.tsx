import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import type { Transfer } from '../../projects';
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
  version: 1,
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  ...overrides,
});

function serve(transfers: Transfer[]) {
  mockFetch(() => json({ items: transfers, nextCursor: null }));
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
    expect(within(screen.getByTestId('entry-e-1')).getByText('reversed')).toBeInTheDocument();
    expect(within(screen.getByTestId('entry-e-1')).queryByRole('button', { name: 'Reverse' })).toBeNull();
    expect(screen.getByText('$1,000,000 remains of the approved budget.')).toBeInTheDocument();
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
});
