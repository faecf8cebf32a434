import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../../lib/media';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import type { Strategy } from '../api/get-strategies';
import { StrategiesRoute } from './StrategiesRoute';

const STAFF = {
  id: '7a3f1c2e-0000-4000-8000-000000000001',
  email: 'staff@example.org',
  name: 'Sara Staff',
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const strategy = (overrides: Partial<Strategy>): Strategy => ({
  id: 's-1',
  countryIso3: 'COL',
  title: 'National Development Plan 2022–2026',
  periodFrom: '2022-01-01',
  periodTo: '2026-12-31',
  priorityAreas: ['Peace', 'Rural reform'],
  reference: 'NDP-2022',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

// In the API's order: by country code, then period.
const STRATEGIES = [
  strategy({ id: 's-1' }),
  strategy({
    id: 's-2',
    countryIso3: 'KEN',
    title: 'Kenya Vision 2030, Fourth Medium Term Plan',
    periodFrom: '2023-07-01',
    periodTo: '2027-06-30',
    priorityAreas: [],
    reference: null,
  }),
  strategy({
    id: 's-3',
    countryIso3: 'BGD',
    title: 'Eighth Five Year Plan',
    periodFrom: '2020-07-01',
    periodTo: '2025-06-30',
  }),
];

function serve() {
  return mockFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/auth/me') return json(STAFF);
    if (pathname === '/api/v1/national-strategies') return json({ items: STRATEGIES, nextCursor: null });
    if (pathname === '/api/v1/countries') {
      return json({
        items: [
          { iso3: 'BGD', name: 'Bangladesh' },
          { iso3: 'COL', name: 'Colombia' },
          { iso3: 'KEN', name: 'Kenya' },
        ],
        nextCursor: null,
      });
    }
    return json({}, { status: 404 });
  });
}

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);

describe('the national strategies list', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists every strategy in one table by country, sorts by any column, and counts them', async () => {
    serve();
    renderWithProviders(<StrategiesRoute />, { route: '/strategies', path: '/strategies' });
    const table = await screen.findByRole('table', { name: 'National strategies' });
    await within(table).findByRole('rowheader', { name: /Eighth Five Year Plan/ });
    expect(rowNames(table)).toEqual([
      'Eighth Five Year PlanNDP-2022',
      'National Development Plan 2022–2026NDP-2022',
      'Kenya Vision 2030, Fourth Medium Term Plan',
    ]);
    expect(within(table).getByRole('columnheader', { name: /^Country/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–3 of 3 (exact count)');

    // The period sorts by its first day, earliest first, then latest first.
    const period = within(table).getByRole('columnheader', { name: /^Period/ });
    fireEvent.click(within(period).getByRole('button'));
    expect(period).toHaveAttribute('aria-sort', 'ascending');
    expect(rowNames(table)[0]).toMatch(/^Eighth Five Year Plan/);
    fireEvent.click(within(period).getByRole('button'));
    expect(rowNames(table)[0]).toMatch(/^Kenya Vision 2030/);

    // Each row keeps what it said: the period, in force today or not, the areas, the named actions.
    const kenya = within(table)
      .getByRole('rowheader', { name: /Kenya Vision 2030/ })
      .closest('tr')!;
    expect(within(kenya).getByText('Jul 1, 2023 to Jun 30, 2027')).toBeInTheDocument();
    expect(within(kenya).getByText('No priority area recorded')).toBeInTheDocument();
    expect(
      within(kenya).getByRole('button', { name: 'Edit “Kenya Vision 2030, Fourth Medium Term Plan”' }),
    ).toBeInTheDocument();

    // The column menu hides the priority areas; the strategy's name and its actions stay.
    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    expect(screen.queryByRole('checkbox', { name: 'Strategy' })).toBeNull();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Priority areas' }));
    expect(within(table).queryByRole('columnheader', { name: 'Priority areas' })).toBeNull();
  });

  it('shows a card a strategy on a phone', async () => {
    const original = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
    serve();
    renderWithProviders(<StrategiesRoute />, { route: '/strategies', path: '/strategies' });
    const cards = await screen.findByRole('list', { name: 'National strategies' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(within(cards).getAllByRole('listitem')).toHaveLength(3);
    const kenya = within(cards).getByText('Kenya Vision 2030, Fourth Medium Term Plan').closest('li')!;
    expect(within(kenya).getByText('Period', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'Jul 1, 2023 to Jun 30, 2027',
    );
  });
});
