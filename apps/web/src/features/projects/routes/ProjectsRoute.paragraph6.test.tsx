import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { COUNTRIES, ORGANIZATIONS, STAFF } from '../testing/fixtures';
import { ProjectsRoute } from './ProjectsRoute';

const SAHEL = {
  id: 'p-1',
  code: 'HS-2026-0004',
  title: 'Post-conflict recovery in the Central Sahel',
  window: 'II',
  stage: 'active',
  countries: ['BFA', 'MLI'],
  leadOrganization: 'UNDP',
  requestedBudget: '1166000.00',
  approvedBudget: '1166000.00',
  startDate: '2026-11-01',
  endDate: '2028-11-01',
  dimensions: ['economic'],
  paragraph6: 'non_compliant',
  version: 1,
  updatedAt: '2026-11-23T04:34:20.687Z',
};

function location() {
  return new URL(screen.getByTestId('location').textContent ?? '/', 'http://localhost');
}

function serve(requests: URL[], counts: URL[]) {
  return (request: Request): Response => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/me') return json(STAFF);
    if (url.pathname === '/api/v1/countries') return json({ items: COUNTRIES, nextCursor: null });
    if (url.pathname === '/api/v1/organizations') return json({ items: ORGANIZATIONS, nextCursor: null });
    if (url.pathname === '/api/v1/projects/count') {
      counts.push(url);
      return json({ count: 1, exact: true });
    }
    if (url.pathname === '/api/v1/projects') requests.push(url);
    return json({ items: [SAHEL], nextCursor: null });
  };
}

describe('the project list’s paragraph 6 filter and column', { timeout: 40_000 }, () => {
  it('reads the statuses from the address the overview links to, and sends them with the stages', async () => {
    const requests: URL[] = [];
    const counts: URL[] = [];
    mockFetch(serve(requests, counts));
    renderWithProviders(<ProjectsRoute />, {
      route: '/projects?stage=approved%2Cactive%2Csuspended&compliance=non_compliant',
      path: '/projects',
    });

    const row = await screen.findByRole('rowheader', { name: /Post-conflict recovery/ });
    expect(within(row.closest('tr') as HTMLElement).getByText('Non-compliant')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Paragraph 6' })).toBeInTheDocument();

    for (const sent of [requests[0]!, counts[0]!]) {
      expect(sent.searchParams.getAll('stage')).toEqual(['approved', 'active', 'suspended']);
      expect(sent.searchParams.getAll('compliance')).toEqual(['non_compliant']);
    }
    // The filter shows what the address says, among the filters opened for it.
    const filter = screen.getByLabelText('Paragraph 6', { selector: 'input' });
    expect(
      within(filter.closest('.mantine-InputWrapper-root') as HTMLElement).getByText('Non-compliant'),
    ).toBeInTheDocument();
  });

  it('writes a status chosen into the address, keeping the other filters, and asks the API for it', async () => {
    const requests: URL[] = [];
    mockFetch(serve(requests, []));
    renderWithProviders(<ProjectsRoute />, { route: '/projects?stage=under_review', path: '/projects' });
    await screen.findByRole('rowheader', { name: /Post-conflict recovery/ });

    fireEvent.click(screen.getByRole('button', { name: 'More filters' }));
    fireEvent.click(screen.getByLabelText('Paragraph 6', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Pending', hidden: true }));
    await waitFor(() => expect(location().searchParams.get('compliance')).toBe('pending'));
    fireEvent.click(await screen.findByRole('option', { name: 'Not yet requested', hidden: true }));
    await waitFor(() => expect(location().searchParams.get('compliance')).toBe('pending,not_requested'));
    expect(location().searchParams.get('stage')).toBe('under_review');
    await waitFor(() =>
      expect(requests.at(-1)?.searchParams.getAll('compliance')).toEqual(['pending', 'not_requested']),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location().searchParams.has('compliance')).toBe(false));
  });

  it('leaves out a status it does not know rather than send it', async () => {
    const requests: URL[] = [];
    mockFetch(serve(requests, []));
    renderWithProviders(<ProjectsRoute />, {
      route: '/projects?compliance=pending,red',
      path: '/projects',
    });
    await screen.findByRole('rowheader', { name: /Post-conflict recovery/ });
    expect(requests[0]!.searchParams.getAll('compliance')).toEqual(['pending']);
  });
});
