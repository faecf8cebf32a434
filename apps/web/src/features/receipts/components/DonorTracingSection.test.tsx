import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { DonorTracingSection } from './DonorTracingSection';

const DONOR_ID = '6f1c3f5e-2b9a-4d61-8f0e-0c4c6a1d2e3f';

const traced = (code: string, earmarked: string, proRata: string, released: string) => {
  const total = (Number(earmarked) + Number(proRata)).toFixed(2);
  return {
    projectId: `00000000-0000-4000-8000-0000000000${code.slice(-2)}`,
    projectCode: code,
    projectTitle: `Project ${code}`,
    earmarked,
    proRata,
    total,
    released,
    refunded: '0.00',
    net: (Number(total) - Number(released)).toFixed(2),
  };
};

const TRACING = {
  paid: '1000000.00',
  unallocated: '100000.00',
  returned: '50000.10',
  projects: [
    traced('HS-2025-0011', '0.00', '200000.45', '50000.10'),
    traced('HS-2025-0012', '500000.00', '199999.55', '0.00'),
  ],
};

describe('where the donor’s money went', { timeout: 20_000 }, () => {
  it('lists the projects largest first and totals every column in US dollars', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === `/api/v1/donors/${DONOR_ID}/tracing`
        ? json(TRACING)
        : problem(404, { title: 'Not Found' }),
    );
    renderWithProviders(<DonorTracingSection donorId={DONOR_ID} />);
    const table = await screen.findByRole('table', { name: 'Where the money went' });
    const codes = within(table)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(codes).toEqual(['HS-2025-0012', 'HS-2025-0011']);
    const totals = within(table).getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr')!;
    // Earmarked, pro rata, paid for, released, refunded, net.
    expect(
      within(totals)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['$500,000.00', '$400,000.00', '$900,000.00', '$50,000.10', '$0.00', '$849,999.90']);
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–2 of 2');
  });
});
