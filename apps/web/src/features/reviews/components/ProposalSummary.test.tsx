import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { Proposal } from '../api/get-review';
import { ProposalSummary } from './ProposalSummary';

const organization = (name: string, lead: boolean, budgetShare?: string) => ({
  organizationId: `org-${name}`,
  name,
  acronym: null,
  kind: 'un_entity',
  lead,
  budgetShare,
});

const PROPOSAL = {
  title: 'Safer villages',
  summary: null,
  countries: [],
  window: null,
  startDate: null,
  endDate: null,
  requestedBudget: '1000000.00',
  coFunding: null,
  targetBeneficiaries: null,
  vulnerableGroups: [],
  dimensions: [],
  sdgs: [],
  protectionMeasures: null,
  empowermentMeasures: null,
  organizations: [
    organization('UNICEF', false, '300000.10'),
    organization('UNDP', true, '600000.25'),
    organization('FAO', false, '99999.65'),
  ],
} as unknown as Proposal;

function organizationsInOrder(table: HTMLElement) {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)
    .filter((name) => !name?.startsWith('Total'));
}

describe('ProposalSummary organizations', { timeout: 30_000 }, () => {
  it('lists the lead first, totals the budget shares to the cent, and sorts by share on request', async () => {
    renderWithProviders(<ProposalSummary proposal={PROPOSAL} />);
    const table = await screen.findByRole('table', { name: 'Organizations and budget shares' });
    expect(organizationsInOrder(table)).toEqual(['UNDP', 'FAO', 'UNICEF']);
    const totals = within(table).getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr')!;
    // 300,000.10 + 600,000.25 + 99,999.65, summed as decimals.
    expect(within(totals).getByText('$1,000,000.00')).toBeInTheDocument();
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–3 of 3');

    const share = within(table).getByRole('columnheader', { name: /Budget share/ });
    fireEvent.click(within(share).getByRole('button'));
    await waitFor(() => expect(share).toHaveAttribute('aria-sort', 'ascending'));
    expect(organizationsInOrder(table)).toEqual(['FAO', 'UNICEF', 'UNDP']);
  });
});
