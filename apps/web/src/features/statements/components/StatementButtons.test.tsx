import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { defaultPeriod } from '../lib/statement-href';
import { DonorStatementButton } from './DonorStatementButton';
import { FactSheetButton } from './FactSheetButton';

describe('the statement buttons', () => {
  it("downloads the project's fact sheet in the reader's language in one click", () => {
    renderWithProviders(<FactSheetButton projectId="5f1c7c62-59a5-4b35-9d6d-3b0a6c1f2e11" />);
    const link = screen.getByRole('link', { name: 'Fact sheet' });
    expect(link.getAttribute('href')).toBe(
      '/api/v1/projects/5f1c7c62-59a5-4b35-9d6d-3b0a6c1f2e11/factsheet.pdf?lang=en',
    );
    expect(link.hasAttribute('download')).toBe(true);
  });

  it("asks for the period, this year by default, and links the donor's statement for it", async () => {
    renderWithProviders(<DonorStatementButton donorId="d0d0d0d0-0000-4000-8000-000000000001" />);
    fireEvent.click(screen.getByRole('button', { name: 'Download statement' }));
    const link = await screen.findByRole('link', { name: 'Download PDF' });
    const { from, to } = defaultPeriod(new Date().toISOString().slice(0, 10));
    expect(link.getAttribute('href')).toBe(
      `/api/v1/donors/d0d0d0d0-0000-4000-8000-000000000001/statement.pdf?from=${from}&to=${to}&lang=en`,
    );
    expect(link.hasAttribute('download')).toBe(true);
  });
});
