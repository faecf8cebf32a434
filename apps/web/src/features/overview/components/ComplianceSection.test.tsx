import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../../lib/media';
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

  it('lists each status with its two counts on a phone instead of a table that scrolls sideways', async () => {
    const original = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
    mockFetch(() => json(SUMMARY));
    renderWithProviders(<ComplianceSection />);

    const list = await screen.findByRole('list', { name: 'Paragraph 6 compliance' });
    expect(screen.queryByRole('table')).toBeNull();
    await within(list).findAllByRole('link');
    const items = within(list).getAllByRole('listitem');
    ['Compliant', 'Pending', 'Not yet requested', 'Non-compliant'].forEach((status, index) =>
      expect(items[index]).toHaveTextContent(new RegExp(`^${status}`)),
    );
    const nonCompliant = items[3]!;
    const funded = within(nonCompliant).getByRole('link', {
      name: '10 projects: Non-compliant, Approved and active',
    });
    expect(decodeURIComponent(funded.getAttribute('href')!)).toBe(
      '/projects?stage=approved,active,suspended&compliance=non_compliant',
    );
    expect(
      within(items[1]!).getByRole('link', { name: '1 projects: Pending, Under review' }),
    ).toHaveAttribute('href', '/projects?stage=under_review&compliance=pending');
    expect(within(list).getAllByRole('link')).toHaveLength(8);
  });
});
