import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { renderWithProviders } from '../../../testing/render';
import type { PublicFund } from '../api/public-fund';
import { PublicMapSection } from './PublicMapSection';

const principles = {
  people_centred: 3,
  comprehensive: 3,
  context_specific: 3,
  prevention_oriented: 3,
  protection_empowerment: 3,
};

const fund: PublicFund = {
  overall: { received: '1000000.00', committed: '700000.00', transferred: '0.00' },
  byYear: [],
  byDonor: [],
  byCountry: [
    { iso3: 'KEN', iso2: 'KE', numeric: '404', name: 'Kenya', projects: 1, approved: '450000.00' },
    { iso3: 'TUV', iso2: 'TV', numeric: '798', name: 'Tuvalu', projects: 1, approved: '250000.00' },
    { iso3: 'UGA', iso2: 'UG', numeric: '800', name: 'Uganda', projects: 3, approved: '150000.00' },
  ],
  projectCount: 4,
  projects: [
    {
      code: 'HS-2026-0002',
      title: 'Drought early warning',
      titleTranslations: { ar: 'الإنذار المبكر بالجفاف' },
      stage: 'active',
      countries: ['KEN', 'UGA'],
      approvedBudget: '300000.00',
      principles,
    },
    {
      code: 'HS-2026-0001',
      title: 'Coastal resilience',
      titleTranslations: {},
      stage: 'approved',
      countries: ['TUV'],
      approvedBudget: '250000.00',
      principles,
    },
  ],
};

describe('PublicMapSection', { timeout: 20_000 }, () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says in words what the map shows and links to the same figures as a table', async () => {
    renderWithProviders(<PublicMapSection data={fund} />);
    const section = await screen.findByRole('region', { name: 'Approved projects by country' });
    // Most projects: Uganda (3); the drawing itself is hidden from assistive technology.
    expect(
      within(section).getByText(/3 countries and areas have approved projects; the most: Uganda \(3\)/),
    ).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'The same figures as a table' })).toHaveAttribute(
      'href',
      '#public-countries',
    );
    expect(within(section).getByRole('group', { name: 'Map legend' })).toBeInTheDocument();
    expect(within(section).queryByRole('table')).toBeNull();

    fireEvent.click(within(section).getByRole('radio', { name: 'Approved US$' }));
    expect(within(section).getByText(/the most: Kenya \(\$450K\)/)).toBeInTheDocument();
  });

  it('lists every country with its figures and projects when the reader picks the list, a choice the keyboard reaches', async () => {
    renderWithProviders(<PublicMapSection data={fund} />);
    const view = await screen.findByRole('radiogroup', { name: 'Show the countries as' });
    const list = within(view).getByRole('radio', { name: 'List' });
    // A native radio button: reached with Tab, chosen with the arrow keys or Space.
    expect(list.tagName).toBe('INPUT');
    expect(list).not.toHaveAttribute('tabindex', '-1');
    fireEvent.click(list);
    expect(list).toBeChecked();

    const table = screen.getByTestId('public-map-list');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Uganda',
      'Kenya',
      'Tuvalu',
    ]);
    const [uganda, kenya, tuvalu] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(kenya).getByText('1')).toBeInTheDocument();
    expect(within(kenya).getByText('$450K')).toBeInTheDocument();
    expect(within(kenya).getByText('Drought early warning')).toBeInTheDocument();
    expect(within(tuvalu).getByText('Coastal resilience')).toBeInTheDocument();
    // Uganda has three approved projects, one of them on this page: the others are in the IATI file.
    expect(within(uganda).getByText('Earlier projects here, in the IATI file: 2')).toBeInTheDocument();
    expect(within(kenya).queryByText(/Earlier projects/)).toBeNull();
  });

  it('names the countries and projects in Arabic for an Arabic reader', async () => {
    await i18n.changeLanguage('ar');
    renderWithProviders(<PublicMapSection data={fund} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'قائمة' }));
    const table = screen.getByTestId('public-map-list');
    expect(within(table).getByRole('rowheader', { name: 'كينيا' })).toBeInTheDocument();
    expect(within(table).getAllByText('الإنذار المبكر بالجفاف')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'الأرقام نفسها في جدول' })).toHaveAttribute(
      'href',
      '#public-countries',
    );
  });
});
