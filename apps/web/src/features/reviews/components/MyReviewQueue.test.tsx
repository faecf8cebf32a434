import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../../lib/media';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import type { ReviewSummary } from '../api/get-my-reviews';
import { MyReviewQueue } from './MyReviewQueue';

const review = (overrides: Partial<ReviewSummary>): ReviewSummary => ({
  id: 'rv-1',
  status: 'submitted',
  conflictDeclared: false,
  reviewerId: 'u-1',
  reviewerName: 'Rafael Reviewer',
  projectId: 'p-1',
  code: 'HS-2026-0004',
  title: 'Early warning and livelihoods in the Sahel',
  titleTranslations: {},
  stage: 'under_review',
  round: 1,
  currentRound: true,
  dueOn: '2026-03-31',
  countries: ['BFA', 'MLI'],
  leadOrganization: 'UNDP',
  submittedAt: '2026-02-10T09:00:00.000Z',
  version: 2,
  updatedAt: '2026-02-10T09:00:00.000Z',
  ...overrides,
});

const REVIEWS = [
  review({}),
  review({
    id: 'rv-2',
    code: 'HS-2025-0011',
    title: 'Protection of displaced women in Cox’s Bazar',
    countries: ['BGD'],
    stage: 'approved',
    submittedAt: '2025-06-01T09:00:00.000Z',
  }),
];

function serve() {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/reviews/mine') {
      // The waiting cards ask for assigned and draft reviews; the list below asks for all of them.
      const status = url.searchParams.get('status');
      return json({ items: status ? [] : REVIEWS, nextCursor: null });
    }
    if (url.pathname === '/api/v1/countries') {
      return json({
        items: [
          { iso3: 'BFA', name: 'Burkina Faso' },
          { iso3: 'MLI', name: 'Mali' },
          { iso3: 'BGD', name: 'Bangladesh' },
        ],
        nextCursor: null,
      });
    }
    return json({}, { status: 404 });
  });
}

function asPhone() {
  const original = window.matchMedia.bind(window);
  vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
}

describe("the reviewer's queue", { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists every review given to the reviewer in a table on a wide screen, newest submission first', async () => {
    serve();
    renderWithProviders(<MyReviewQueue />, { route: '/reviews', path: '/reviews' });
    const table = await screen.findByRole('table', { name: 'All my reviews' });
    await within(table).findByRole('rowheader', { name: /HS-2025-0011/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('rowheader')[0]!.textContent)).toEqual([
      'HS-2026-0004 Early warning and livelihoods in the Sahel',
      'HS-2025-0011 Protection of displaced women in Cox’s Bazar',
    ]);
    expect(screen.queryByRole('list', { name: 'All my reviews' })).toBeNull();
  });

  it('shows a card a review on a phone, each naming its proposal, countries, stage and status, with no table to scroll sideways', async () => {
    asPhone();
    serve();
    renderWithProviders(<MyReviewQueue />, { route: '/reviews', path: '/reviews' });
    const cards = await screen.findByRole('list', { name: 'All my reviews' });
    expect(screen.queryByRole('table')).toBeNull();
    const [first, second] = within(cards).getAllByRole('listitem');
    expect(
      within(first!).getByRole('link', { name: /Early warning and livelihoods in the Sahel/ }),
    ).toHaveAttribute('href', '/reviews/rv-1');
    // Each field under its column's name, as the table's row says it.
    const field = (card: HTMLElement, name: string) =>
      within(card).getByText(name, { selector: 'dt' }).nextElementSibling;
    expect(await screen.findByText('Burkina Faso, Mali')).toBeInTheDocument();
    expect(field(first!, 'Recipient countries')).toHaveTextContent('Burkina Faso, Mali');
    expect(field(first!, 'Status')).toHaveTextContent('Submitted');
    expect(field(second!, 'Recipient countries')).toHaveTextContent('Bangladesh');
    expect(field(second!, 'Submitted on')).toHaveTextContent('Jun 1, 2025');
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–2 of 2 (exact count)');
  });
});
