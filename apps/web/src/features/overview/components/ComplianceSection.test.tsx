import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { ComplianceSection } from './ComplianceSection';

const SUMMARY = {
  on: '2026-11-23',
  counts: [
    { stage: 'under_review', status: 'pending', projects: 1 },
    { stage: 'active', status: 'non_compliant', projects: 7 },
    { stage: 'approved', status: 'non_compliant', projects: 2 },
    { stage: 'suspended', status: 'non_compliant', projects: 1 },
    { stage: 'active', status: 'compliant', projects: 3 },
  ],
};

describe('the overview’s paragraph 6 counts', () => {
  it('open the project list filtered by the status and the stages each count counts', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/compliance/summary'
        ? json(SUMMARY)
        : problem(404, { title: 'Not Found' }),
    );
    renderWithProviders(<ComplianceSection />);

    const table = await screen.findByTestId('compliance-table');
    const funded = await within(table).findByRole('link', {
      name: '10 projects: Non-compliant, Approved and active',
    });
    expect(funded).toHaveTextContent('10');
    expect(new URL(funded.getAttribute('href')!, 'http://localhost').pathname).toBe('/projects');
    expect(
      Object.fromEntries(new URL(funded.getAttribute('href')!, 'http://localhost').searchParams),
    ).toEqual({
      stage: 'approved,active,suspended',
      compliance: 'non_compliant',
    });

    const review = within(table).getByRole('link', { name: '1 projects: Pending, Under review' });
    expect(review).toHaveAttribute('href', '/projects?stage=under_review&compliance=pending');
    // A count of none is a link too: the list then says it holds none.
    expect(
      within(table).getByRole('link', { name: '0 projects: Not yet requested, Under review' }),
    ).toHaveAttribute('href', '/projects?stage=under_review&compliance=not_requested');
    expect(within(table).getAllByRole('link')).toHaveLength(8);
  });
});
