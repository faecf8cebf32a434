import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../../lib/media';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { CountriesRoute } from './CountriesRoute';

const TUVALU = {
  iso3: 'TUV',
  iso2: 'TV',
  numeric: '798',
  name: 'Tuvalu',
  region: 'Oceania',
  regionCode: '009',
  subregion: 'Polynesia',
  subregionCode: '061',
  intermediateRegion: null,
  ldc: false,
  lldc: false,
  sids: true,
};

function location() {
  return new URL(screen.getByTestId('location').textContent ?? '/', 'http://localhost');
}

describe('CountriesRoute', () => {
  it('keeps its filters in the address and sends them to the API', async () => {
    const requests: URL[] = [];
    mockFetch((request) => {
      requests.push(new URL(request.url));
      return json({ items: [TUVALU], nextCursor: null });
    });
    renderWithProviders(<CountriesRoute />, { route: '/countries', path: '/countries' });
    expect(await screen.findByRole('rowheader', { name: 'Tuvalu' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('checkbox', { name: /Small island developing States/ }));
    await waitFor(() => expect(location().searchParams.get('sids')).toBe('true'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: '009' } });
    await waitFor(() => expect(location().searchParams.get('region')).toBe('009'));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'tuv' } });
    await waitFor(() => expect(location().searchParams.get('q')).toBe('tuv'));
    expect(location().pathname).toBe('/countries');

    await waitFor(() => {
      const last = requests.at(-1);
      expect(last?.pathname).toBe('/api/v1/countries');
      expect(Object.fromEntries(last?.searchParams ?? [])).toEqual({
        limit: '50',
        region: '009',
        sids: 'true',
        q: 'tuv',
      });
    });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location().search).toBe(''));
  });

  it('reads its filters from the address', async () => {
    const requests: URL[] = [];
    mockFetch((request) => {
      requests.push(new URL(request.url));
      return json({ items: [], nextCursor: null });
    });
    renderWithProviders(<CountriesRoute />, { route: '/countries?ldc=true&lldc=true', path: '/countries' });

    expect(await screen.findByText('No country matches these filters')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Least developed countries/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Landlocked developing countries/ })).toBeChecked();
    expect(requests[0]?.searchParams.get('ldc')).toBe('true');
    expect(requests[0]?.searchParams.get('lldc')).toBe('true');
  });

  it('loads the next page along the cursor', async () => {
    mockFetch((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return cursor === 'page-2'
        ? json({ items: [{ ...TUVALU, iso3: 'VUT', iso2: 'VU', name: 'Vanuatu' }], nextCursor: null })
        : json({ items: [TUVALU], nextCursor: 'page-2' });
    });
    renderWithProviders(<CountriesRoute />, { route: '/countries', path: '/countries' });

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('rowheader', { name: 'Vanuatu' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Tuvalu' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('Showing all 2')).toBeInTheDocument();
  });

  it('shows a card a country on a phone, with its code, region and groups, instead of a table', async () => {
    const original = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
    mockFetch(() => json({ items: [TUVALU], nextCursor: null }));
    renderWithProviders(<CountriesRoute />, { route: '/countries', path: '/countries' });

    const cards = await screen.findByRole('list', { name: 'Countries' });
    expect(screen.queryByRole('table')).toBeNull();
    const [tuvalu] = within(cards).getAllByRole('listitem');
    expect(tuvalu).toHaveAttribute('data-iso3', 'TUV');
    expect(within(tuvalu!).getByRole('link', { name: 'Tuvalu' })).toHaveAttribute('href', '/countries/TUV');
    const field = (name: string) => within(tuvalu!).getByText(name, { selector: 'dt' }).nextElementSibling;
    expect(field('ISO code')).toHaveTextContent('TUV');
    expect(field('Region')).toHaveTextContent('Oceania');
    expect(field('Sub-region')).toHaveTextContent('Polynesia');
    expect(field('Groups')).toHaveTextContent('SIDS');
  });
});
