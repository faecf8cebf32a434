import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { COUNTRIES, ORGANIZATIONS, STAFF, UNDP } from '../testing/fixtures';
import { PHONE_QUERY } from '../../../lib/media';
import { ProjectsRoute } from './ProjectsRoute';

const SAHEL = {
  id: 'p-1',
  code: 'HS-2026-0004',
  title: 'Post-conflict recovery in the Central Sahel',
  window: 'II',
  stage: 'under_review',
  countries: ['BFA', 'MLI'],
  leadOrganization: 'UNDP',
  requestedBudget: '1166000.00',
  approvedBudget: null,
  startDate: '2026-11-01',
  endDate: '2028-11-01',
  dimensions: ['economic'],
  paragraph6: 'pending',
  version: 1,
  updatedAt: '2026-11-23T04:34:20.687Z',
};

function location() {
  return new URL(screen.getByTestId('location').textContent ?? '/', 'http://localhost');
}

function serve(requests: URL[], counts: URL[] = []) {
  return (request: Request): Response => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/me') return json(STAFF);
    if (url.pathname === '/api/v1/countries') return json({ items: COUNTRIES, nextCursor: null });
    if (url.pathname === '/api/v1/organizations') return json({ items: ORGANIZATIONS, nextCursor: null });
    if (url.pathname === '/api/v1/projects/count') {
      counts.push(url);
      return json({ count: 2, exact: true });
    }
    if (url.pathname === '/api/v1/projects') {
      requests.push(url);
      return url.searchParams.get('cursor')
        ? json({
            items: [{ ...SAHEL, id: 'p-2', code: 'HS-2026-0005', title: 'Second page project' }],
            nextCursor: null,
          })
        : json({ items: [SAHEL], nextCursor: 'next' });
    }
    return json({ title: 'Not found', status: 404 }, { status: 404 });
  };
}

describe('ProjectsRoute', { timeout: 20_000 }, () => {
  it('reads every filter from the address, sends it to the API, and writes changes back', async () => {
    const requests: URL[] = [];
    mockFetch(serve(requests));
    const start =
      '/projects?q=recovery&stage=under_review%2Capproved&window=II&country=BFA&region=002&organization=' +
      `${UNDP}&group=youth&sdg=16&fromYear=2020&toYear=2030&sort=-approvedBudget`;
    renderWithProviders(<ProjectsRoute />, { route: start, path: '/projects' });

    const row = await screen.findByRole('rowheader', { name: /Post-conflict recovery in the Central Sahel/ });
    expect(within(row.closest('tr') as HTMLElement).getByText('Burkina Faso, Mali')).toBeInTheDocument();
    expect(within(row.closest('tr') as HTMLElement).getByText('$1,166,000')).toBeInTheDocument();

    const sent = requests[0]!;
    expect(sent.searchParams.getAll('stage')).toEqual(['under_review', 'approved']);
    expect(Object.fromEntries([...sent.searchParams].filter(([key]) => key !== 'stage'))).toEqual({
      limit: '25',
      include: 'paragraph6',
      q: 'recovery',
      window: 'II',
      country: 'BFA',
      region: '002',
      organization: UNDP,
      group: 'youth',
      sdg: '16',
      fromYear: '2020',
      toYear: '2030',
      sort: '-approvedBudget',
    });

    // The controls show what the address says.
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('recovery');
    expect(screen.getByRole('combobox', { name: 'Funding window' })).toHaveValue('II');
    expect(screen.getByRole('combobox', { name: 'Vulnerable group' })).toHaveValue('youth');
    expect(screen.getByRole('columnheader', { name: /Budget/ })).toHaveAttribute('aria-sort', 'descending');

    // A change is written to the address, keeping every other filter, and sent to the API.
    fireEvent.change(screen.getByRole('combobox', { name: 'Human-security dimension' }), {
      target: { value: 'food' },
    });
    await waitFor(() => expect(location().searchParams.get('dimension')).toBe('food'));
    expect(location().searchParams.get('stage')).toBe('under_review,approved');
    expect(location().searchParams.get('sort')).toBe('-approvedBudget');
    await waitFor(() => expect(requests.at(-1)?.searchParams.get('dimension')).toBe('food'));

    // Sorting from a column header.
    fireEvent.click(screen.getByRole('button', { name: /^Project/ }));
    await waitFor(() => expect(location().searchParams.get('sort')).toBe('title'));
    fireEvent.click(screen.getByRole('button', { name: /^Project/ }));
    await waitFor(() => expect(location().searchParams.get('sort')).toBe('-title'));

    // Clearing the filters keeps the order.
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location().search).toBe('?sort=-title'));
    await waitFor(() =>
      expect(Object.fromEntries(requests.at(-1)!.searchParams)).toEqual({
        limit: '25',
        include: 'paragraph6',
        sort: '-title',
      }),
    );
  });

  it('pages along the cursor, saying how many the filters hold', async () => {
    const counts: URL[] = [];
    mockFetch(serve([], counts));
    renderWithProviders(<ProjectsRoute />, { route: '/projects', path: '/projects' });

    expect(await screen.findByText('Showing 1 of 2')).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('rowheader', { name: /Second page project/ })).toBeInTheDocument();
    expect(screen.getByText('Showing all 2')).toBeInTheDocument();
    // One count for the filters, whatever the order or the page.
    expect(counts.map((url) => url.search)).toEqual(['']);
  });

  it('says "about" and rounds when the count is the database\'s estimate', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/projects/count'
        ? json({ count: 104_613, exact: false })
        : serve([])(request),
    );
    renderWithProviders(<ProjectsRoute />, { route: '/projects', path: '/projects' });
    expect(await screen.findByText('Showing 1 of about 100,000')).toBeInTheDocument();
  });

  it("opens a saved view's address with its filters, order and columns", async () => {
    const requests: URL[] = [];
    mockFetch(serve(requests));
    renderWithProviders(<ProjectsRoute />, {
      route: '/projects?stage=under_review&sort=-title&columns=stage,budget',
      path: '/projects',
    });

    const table = await screen.findByRole('table', { name: 'Projects' });
    await within(table).findByRole('rowheader', { name: /Post-conflict recovery/ });
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      limit: '25',
      include: 'paragraph6',
      stage: 'under_review',
      sort: '-title',
    });
    expect(within(table).getByRole('columnheader', { name: /^Project/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(within(table).getByRole('columnheader', { name: 'Stage' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /Budget/ })).toHaveAttribute('aria-sort', 'none');
    expect(within(table).queryByRole('columnheader', { name: 'Countries' })).toBeNull();
    expect(within(table).queryByRole('columnheader', { name: /Period/ })).toBeNull();
    // The code and the title name the project, whatever the view.
    expect(within(table).getByRole('columnheader', { name: /^Code/ })).toBeInTheDocument();
    expect(await screen.findByTestId('row-count')).toHaveTextContent('1–1 of 2 (exact count)');
    // The budget on screen, totalled under its column.
    const totals = screen.getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr')!;
    expect(within(totals).getByText('$1,166,000')).toBeInTheDocument();
  });

  describe('on a phone', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('shows a card a project instead of the table, and folds away every filter but the search', async () => {
      const original = window.matchMedia.bind(window);
      vi.stubGlobal('matchMedia', (query: string) => ({
        ...original(query),
        matches: query === PHONE_QUERY,
      }));
      mockFetch(serve([]));
      renderWithProviders(<ProjectsRoute />, { route: '/projects?stage=under_review', path: '/projects' });

      const cards = await screen.findByRole('list', { name: 'Projects' });
      const card = within(cards).getAllByRole('listitem')[0]!;
      expect(within(card).getByRole('link', { name: SAHEL.title })).toHaveAttribute('href', '/projects/p-1');
      expect(within(card).getByText('HS-2026-0004')).toBeInTheDocument();
      expect(within(card).getByText('Burkina Faso, Mali')).toBeInTheDocument();
      expect(screen.queryByRole('table')).toBeNull();

      expect(screen.getByRole('searchbox', { name: 'Search' })).toBeVisible();
      const more = screen.getByRole('button', { name: 'More filters' });
      expect(more).toHaveAttribute('aria-expanded', 'false');
      expect(document.getElementById('project-more-filters')).toContainElement(
        screen.getByRole('combobox', { name: 'Stage', hidden: true }),
      );
      // The stage chosen in the address still counts, folded or not.
      expect(screen.getByText('Filters on: 1')).toBeInTheDocument();
    });
  });
});
