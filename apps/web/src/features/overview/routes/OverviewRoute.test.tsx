import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n';
import { PHONE_QUERY } from '../../../lib/media';
import { readerScrolls } from '../../../testing/reader-scrolls';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { DONOR, GREECE_ID, JAPAN_ID, LEDGER, OVERVIEW, STAFF } from '../testing/fixtures';
import { OverviewRoute } from './OverviewRoute';

/** Lazy chunks and several answers: allow a loaded machine more than the default second. */
const SLOW = { timeout: 10_000 };

/** The API as the staff overview meets it; anything else (the world atlas) is not found. */
function staffApi(request: Request): Response {
  const { pathname } = new URL(request.url);
  switch (pathname) {
    case '/api/v1/auth/me':
      return json(STAFF);
    case '/api/v1/dashboard/overview':
      return json(OVERVIEW);
    case '/api/v1/fund/ledger':
      return json(LEDGER);
    case '/api/v1/alerts':
      return json({
        on: '2026-11-23',
        nextCursor: null,
        items: [
          {
            code: 'funded_consent_withdrawn',
            projectId: 'd1cf91bd-fdd5-4afb-9f44-2f40497b980b',
            projectCode: 'HS-2022-0001',
            projectTitle: 'Urban safety and livelihoods in informal settlements of Haiti',
            stage: 'active',
            country: 'HTI',
            countryName: 'Haiti',
            recordId: '9d153270-a48f-4242-81e3-d99fa8b9bb1a',
            facts: { withdrawnOn: '2023-03-02' },
            message: 'HTI withdrew its consent on 2023-03-02 to a project that is active.',
          },
        ],
      });
    case '/api/v1/alerts/reports':
      return json({ on: '2026-11-23', total: 0, items: [], nextCursor: null });
    case '/api/v1/results/overview':
      return json({
        on: '2026-11-23',
        overdueReports: 0,
        peopleReached: 0,
        byDimension: [],
        byPrinciple: [],
        byCountry: [],
        byYear: [],
      });
    case '/api/v1/alerts/reviews':
      return json({
        on: '2026-11-23',
        waitingDays: 60,
        nextCursor: null,
        items: [
          {
            code: 'proposal_review_waiting',
            projectId: '5a0d7c9e-0c1e-4b8e-9a51-3f7e0e1c2d11',
            projectCode: 'HS-2026-0004',
            projectTitle: 'Post-conflict recovery in the Central Sahel',
            stage: 'under_review',
            round: 2,
            reviewId: null,
            reviewerName: null,
            since: '2026-09-01',
            days: 83,
            facts: {},
            message: 'Under review since 2026-09-01 (round 2): 83 days, beyond the 60 allowed.',
          },
          {
            code: 'review_overdue',
            projectId: '5a0d7c9e-0c1e-4b8e-9a51-3f7e0e1c2d11',
            projectCode: 'HS-2026-0004',
            projectTitle: 'Post-conflict recovery in the Central Sahel',
            stage: 'under_review',
            round: 2,
            reviewId: '0f3e1c5a-7a44-4c7e-8d2e-1b9f6a0c3e22',
            reviewerName: 'Rafael Reviewer',
            since: '2026-11-10',
            days: 13,
            facts: {},
            message: 'The review was due on 2026-11-10 and is 13 days overdue.',
          },
        ],
      });
    case '/api/v1/compliance/summary':
      return json({
        on: '2026-11-23',
        counts: [
          { stage: 'under_review', status: 'pending', projects: 1 },
          { stage: 'active', status: 'non_compliant', projects: 7 },
          { stage: 'approved', status: 'non_compliant', projects: 2 },
          { stage: 'active', status: 'compliant', projects: 3 },
        ],
      });
    default:
      return problem(404, { title: 'Not Found' });
  }
}

function usd(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(value);
}

describe('the staff overview', () => {
  beforeEach(() => readerScrolls(true));

  it('renders what lies below the ledger, and asks the API for it, only once the reader scrolls near it', async () => {
    readerScrolls(false);
    const fetch = mockFetch(staffApi);
    renderWithProviders(<OverviewRoute />);

    expect(await screen.findByText('$180M', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByTestId('pipeline-table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('compliance-table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('portfolio-map-section')).not.toBeInTheDocument();
    const asked = fetch.mock.calls.map(
      ([input]) =>
        new URL(input instanceof Request ? input.url : String(input), window.location.href).pathname,
    );
    expect(asked).toContain('/api/v1/dashboard/overview');
    expect(asked).not.toContain('/api/v1/alerts');
    expect(asked).not.toContain('/api/v1/compliance/summary');
  });

  it('shows the ledger cards and the pipeline from the overview answer', async () => {
    mockFetch(staffApi);
    renderWithProviders(<OverviewRoute />);

    const received = await screen.findByTestId('ledger-received', {}, SLOW);
    expect(within(received).getByText('Received')).toBeInTheDocument();
    expect(await within(received).findByText('$180M', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('ledger-received-exact').textContent).toBe(usd('en', 179995053.54));
    expect(screen.getByTestId('ledger-available-exact').textContent).toBe(usd('en', 99880053.54));

    const pipeline = screen.getByTestId('pipeline-table');
    const review = within(pipeline).getByRole('link', { name: 'Under review' });
    expect(review).toHaveAttribute('href', '/projects?stage=under_review');
    const row = review.closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('5')).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('$10.4M')).toBeInTheDocument();
    // A stage without projects still shows, with zero.
    expect(
      within(
        within(pipeline).getByRole('link', { name: 'Concept note' }).closest('tr') as HTMLElement,
      ).getByText('0'),
    ).toBeInTheDocument();

    // Alerts link to their project; compliance counts what the list gives.
    const alert = await screen.findByRole('link', { name: 'HS-2022-0001' }, SLOW);
    expect(alert).toHaveAttribute('href', '/projects/d1cf91bd-fdd5-4afb-9f44-2f40497b980b');
    expect(screen.getByText('Haiti withdrew its consent on Mar 2, 2023')).toBeInTheDocument();
    const compliance = await screen.findByTestId('compliance-table', {}, SLOW);
    const rowOf = (status: string) =>
      within(compliance).getByRole('rowheader', { name: status }).closest('tr') as HTMLElement;
    // The count a cell shows; the link's words for screen readers follow it, visually hidden.
    const shown = (cell: HTMLElement) => cell.querySelector('a')?.firstChild?.textContent ?? cell.textContent;
    await waitFor(() => expect(within(rowOf('Pending')).getAllByRole('cell').map(shown)).toEqual(['1', '0']));
    // Approved and active projects add up.
    expect(within(rowOf('Non-compliant')).getAllByRole('cell').map(shown)).toEqual(['0', '9']);
    expect(within(rowOf('Compliant')).getAllByRole('cell').map(shown)).toEqual(['0', '3']);
  });

  it.each([
    ['fr', 'Reçu', '$US'],
    ['ar', 'المقبوض', 'US$'],
  ])('formats money in %s', async (language, label, symbol) => {
    await i18n.changeLanguage(language);
    mockFetch(staffApi);
    renderWithProviders(<OverviewRoute />);

    const received = await screen.findByTestId('ledger-received', {}, SLOW);
    expect(within(received).getByText(label)).toBeInTheDocument();
    const exact = await screen.findByTestId('ledger-received-exact', {}, SLOW);
    expect(exact.textContent).toBe(usd(language, 179995053.54));
    expect(exact.textContent).toContain(symbol);
    expect(exact.textContent).not.toBe(usd('en', 179995053.54));
    // Stage names follow the language too.
    expect(
      within(screen.getByTestId('pipeline-table')).getByRole('link', {
        name: i18n.t('dashboard.stages.under_review'),
      }),
    ).toHaveAttribute('href', '/projects?stage=under_review');
  });

  it('lists the reviews waiting too long under the consent alerts', async () => {
    mockFetch(staffApi);
    renderWithProviders(<OverviewRoute />);
    const list = await screen.findByTestId('review-alerts-list', {}, SLOW);
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining('Waiting · Under review since'),
      expect.stringContaining('Overdue · The review by Rafael Reviewer was due on'),
    ]);
    expect(within(list).getAllByText('HS-2026-0004')).toHaveLength(2);
  });

  it('lists the countries of the map in a table, in the reader’s language', async () => {
    mockFetch(staffApi);
    renderWithProviders(<OverviewRoute />);

    const table = await screen.findByTestId('map-table', {}, SLOW);
    const rows = within(table).getAllByRole('row').slice(1);
    // Sorted by projects: Haiti (3), Kenya (2), Tuvalu (1).
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Haiti',
      'Kenya',
      'Tuvalu',
    ]);
    expect(within(table).getByRole('link', { name: 'Tuvalu' })).toHaveAttribute('href', '/countries/TUV');
    expect(within(rows[2] as HTMLElement).getByText('SIDS')).toBeInTheDocument();
    // The picture itself is hidden from assistive technology; the summary says what it shows.
    expect(screen.getByText(/3 countries and areas; the most: Haiti \(3\)/)).toBeInTheDocument();
  });

  it('keeps the countries’ table to three columns on a phone, the small-island tag beside the name', async () => {
    const original = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
    mockFetch(staffApi);
    renderWithProviders(<OverviewRoute />);

    const table = await screen.findByTestId('map-table', {}, SLOW);
    expect(within(table).getAllByRole('columnheader')).toHaveLength(3);
    const tuvalu = within(table).getByRole('rowheader', { name: /Tuvalu/ });
    expect(within(tuvalu).getByText('SIDS')).toBeInTheDocument();
  });

  it('names the countries of that table in French for a French reader', async () => {
    await i18n.changeLanguage('fr');
    mockFetch(staffApi);
    renderWithProviders(<OverviewRoute />);
    const table = await screen.findByTestId('map-table', {}, SLOW);
    expect(within(table).getByRole('rowheader', { name: 'Haïti' })).toBeInTheDocument();
    expect(within(table).getAllByText('PEID')).toHaveLength(2);
  });

  it('shows an error with a retry when the overview fails', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/dashboard/overview'
        ? problem(500, { title: 'Internal Server Error' })
        : staffApi(request),
    );
    renderWithProviders(<OverviewRoute />);
    expect(await screen.findByText('The overview could not be loaded', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('the donor overview', () => {
  it('shows the donor’s own contributions one by one and the other donors as totals', async () => {
    const requests: URL[] = [];
    mockFetch((request) => {
      const url = new URL(request.url);
      requests.push(url);
      switch (url.pathname) {
        case '/api/v1/auth/me':
          return json(DONOR);
        case '/api/v1/dashboard/overview':
          return json(OVERVIEW);
        case '/api/v1/contributions':
          return json({
            nextCursor: null,
            items: [
              {
                id: 'c1',
                donorId: JAPAN_ID,
                donorName: 'Japan',
                pledgedOn: '2024-03-01',
                receivedOn: '2024-06-30',
                amount: '500000000.00',
                currency: 'JPY',
                usdAmount: '3562500.00',
                exchangeRate: '0.00712500',
                status: 'received',
                earmarking: null,
                reference: 'JPN-2024',
                illustrative: true,
                version: 1,
                createdAt: '2026-01-01T00:00:00.000Z',
                updatedAt: '2026-01-01T00:00:00.000Z',
              },
            ],
          });
        case '/api/v1/contributions/totals':
          return json({
            items: [
              {
                donorId: JAPAN_ID,
                donorName: 'Japan',
                year: 2024,
                pledgedUsd: '3562500.00',
                receivedUsd: '3562500.00',
              },
              {
                donorId: GREECE_ID,
                donorName: 'Greece',
                year: 2024,
                pledgedUsd: '150000.00',
                receivedUsd: '100000.00',
              },
              {
                donorId: GREECE_ID,
                donorName: 'Greece',
                year: 2025,
                pledgedUsd: '50000.00',
                receivedUsd: '50000.00',
              },
            ],
          });
        default:
          return problem(404, { title: 'Not Found' });
      }
    });
    renderWithProviders(<OverviewRoute />);

    const own = await screen.findByTestId('own-contributions', {}, SLOW);
    const row = (await within(own).findByText('JPN-2024')).closest('tr') as HTMLElement;
    expect(
      within(row).getByText(
        new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' }).format(500000000),
      ),
    ).toBeInTheDocument();
    expect(within(row).getByText('$3,562,500.00')).toBeInTheDocument();
    expect(within(row).getByText('Received')).toBeInTheDocument();
    expect(within(row).getByText('received on Jun 30, 2024')).toBeInTheDocument();

    // The donor's own totals, and its share of what the Fund received.
    expect(await screen.findByText('Contributions of Japan', {}, SLOW)).toBeInTheDocument();
    expect(within(screen.getByTestId('donor-received')).getByText('$3,562,500.00')).toBeInTheDocument();

    // Greece appears only as totals, summed over the years.
    const others = screen.getByTestId('other-donors');
    const greece = within(others).getByRole('rowheader', { name: 'Greece' }).closest('tr') as HTMLElement;
    expect(within(greece).getByText('$150,000.00')).toBeInTheDocument();
    expect(within(greece).getByText('$200,000.00')).toBeInTheDocument();
    expect(within(others).queryByRole('rowheader', { name: 'Japan' })).not.toBeInTheDocument();

    // The list is the API's to scope: the web never asks for another donor's contributions.
    const list = requests.find((url) => url.pathname === '/api/v1/contributions');
    expect(list?.searchParams.get('donorId')).toBeNull();
    // Staff-only figures are not requested for a donor.
    expect(requests.some((url) => url.pathname === '/api/v1/alerts')).toBe(false);

    expect(await screen.findByTestId('map-table', {}, SLOW)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /portfolio/i })[0]).toHaveAttribute('href', '/projects');
  });
});
