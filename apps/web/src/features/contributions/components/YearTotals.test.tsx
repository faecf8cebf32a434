import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { YearTotals } from './YearTotals';

const YEARS = [
  { year: 2024, pledgedUsd: '500000.10', receivedUsd: '250000.05' },
  { year: 2025, pledgedUsd: '1000000.00', receivedUsd: '1000000.00' },
  { year: 2026, pledgedUsd: '0.30', receivedUsd: '0.00' },
];

describe('YearTotals', { timeout: 20_000 }, () => {
  it("totals the years' US dollars to the cent and orders them by the column pressed", async () => {
    renderWithProviders(<YearTotals years={YEARS} label="By year" />);
    const table = await screen.findByRole('table', { name: 'By year' });
    const totals = within(table).getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr')!;
    expect(totals).toHaveTextContent('$1,500,000.40');
    expect(totals).toHaveTextContent('$1,250,000.05');
    const years = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent)
        .filter((text) => /^\d{4}$/.test(text ?? ''));
    expect(years()).toEqual(['2024', '2025', '2026']);
    fireEvent.click(within(table).getByRole('button', { name: /Received/ }));
    fireEvent.click(within(table).getByRole('button', { name: /Received/ }));
    expect(years()).toEqual(['2025', '2024', '2026']);
  });
});
