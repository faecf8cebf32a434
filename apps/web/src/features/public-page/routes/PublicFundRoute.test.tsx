import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { readerScrolls } from '../../../testing/reader-scrolls';
import { createQueryClient } from '../../../app/query-client';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { PUBLIC_FUND_DATA_ID, adoptInlinedPublicFund } from '../api/public-fund';
import { i18n } from '../../../i18n';
import shellStrings from '../../../i18n/locales/en.json?raw';
import { loadEnglishFeatures, loadEnglishPublicPage } from '../../../i18n/resources';
import { PublicFundRoute } from './PublicFundRoute';

const page = {
  overall: { received: '1000000.00', committed: '300000.00', transferred: '120000.00' },
  byYear: [{ year: 2025, received: '1000000.00', committed: '300000.00', transferred: '120000.00' }],
  byDonor: [{ name: 'Japan', received: '1000000.00' }],
  byCountry: [{ iso3: 'KEN', iso2: 'KE', name: 'Kenya', projects: 1 }],
  projectCount: 1,
  projects: [
    {
      code: 'HS-2025-0001',
      title: 'Drought early warning',
      stage: 'active',
      countries: ['KEN'],
      approvedBudget: '300000.00',
      principles: {
        people_centred: 3.5,
        comprehensive: 2.5,
        context_specific: 2,
        prevention_oriented: 1,
        protection_empowerment: 3,
      },
    },
  ],
};

/** The answer renders at a lower priority, in slices (useDeferredValue): on a loaded machine, more than a second. */
const DEFERRED = { timeout: 5000 };

/** The page's words, without the styles' text. */
function shownText(): string {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const words: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!['STYLE', 'SCRIPT'].includes(node.parentElement?.tagName ?? '')) words.push(node.textContent ?? '');
  return words.join(' ');
}

describe('PublicFundRoute', { timeout: 20_000 }, () => {
  beforeEach(() => readerScrolls(true));

  it("shows the Fund's figures, donors and approved projects from the public route, and links the IATI files", async () => {
    const requested: string[] = [];
    mockFetch((request) => {
      requested.push(new URL(request.url).pathname);
      return json(page);
    });
    renderWithProviders(<PublicFundRoute />);
    expect(await screen.findByText('Drought early warning', {}, DEFERRED)).toBeTruthy();
    expect(requested).toEqual(['/api/v1/public/fund']);
    const row = screen.getByRole('row', { name: /HS-2025-0001/ });
    expect(within(row).getByText('Kenya')).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(within(row).getByText('3.5')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Japan' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Projects (IATI activities, XML)' }).getAttribute('href')).toBe(
      '/api/v1/iati/activities.xml',
    );
  });

  it("needs no strings but the shell's and its own, the only ones /fund loads", async () => {
    // As a visitor's browser has them: the features' English strings are the signed-in screens'. The
    // shell's are read from their file, since i18next adds the others into the object it was given.
    i18n.removeResourceBundle('en', 'translation');
    i18n.addResourceBundle('en', 'translation', {
      ...(JSON.parse(shellStrings) as object),
      ...(await loadEnglishPublicPage()),
    });
    try {
      mockFetch(() => json(page));
      renderWithProviders(<PublicFundRoute />);
      expect(await screen.findByText('Drought early warning', {}, DEFERRED)).toBeTruthy();
      expect(screen.getByRole('row', { name: /HS-2025-0001/ }).textContent).toContain('Active');
      // A string missing from those shows as its key ("publicPage.projects.status").
      expect(shownText()).not.toMatch(/\b[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+\b/);
    } finally {
      i18n.removeResourceBundle('en', 'translation');
      i18n.addResourceBundle('en', 'translation', {
        ...(JSON.parse(shellStrings) as object),
        ...(await loadEnglishFeatures()),
      });
    }
  });

  it('orders the projects by the column pressed and totals their approved budgets', async () => {
    const [first] = page.projects as [(typeof page.projects)[number]];
    const second = {
      ...first,
      code: 'HS-2024-0007',
      title: 'Flood shelters',
      approvedBudget: '450000.50',
      principles: { ...first.principles, people_centred: 1.5 },
    };
    mockFetch(() => json({ ...page, projectCount: 2, projects: [first, second] }));
    renderWithProviders(<PublicFundRoute />);
    const table = await screen.findByRole('table', { name: 'Approved projects' }, DEFERRED);
    const codes = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent?.slice(0, 12));
    expect(codes()).toEqual(['HS-2025-0001', 'HS-2024-0007', 'Total of the']);
    const totals = within(table).getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr')!;
    expect(totals).toHaveTextContent('$750,000.50');
    fireEvent.click(within(table).getByRole('button', { name: /People-centred/ }));
    expect(codes()).toEqual(['HS-2024-0007', 'HS-2025-0001', 'Total of the']);
  });

  it('draws the list of projects and the countries only once the reader scrolls near them', async () => {
    readerScrolls(false);
    mockFetch(() => json(page));
    renderWithProviders(<PublicFundRoute />);
    expect(await screen.findByRole('rowheader', { name: 'Japan' }, DEFERRED)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Figures' })).getByText('$1,000,000.00')).toBeTruthy();
    expect(screen.queryByText('Drought early warning')).toBeNull();
    expect(screen.queryByRole('rowheader', { name: 'Kenya' })).toBeNull();
  });

  it('takes the answer the page was sent with, without asking the API again, and only once', async () => {
    const requested: string[] = [];
    mockFetch((request) => {
      requested.push(new URL(request.url).pathname);
      return json(page);
    });
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = PUBLIC_FUND_DATA_ID;
    // As the API writes it: "<" escaped, which JSON reads back as the same character.
    block.textContent = JSON.stringify({
      ...page,
      byDonor: [{ name: '<b>Donor</b>', received: '5.00' }],
    }).replace(/</g, '\\u003c');
    document.body.append(block);
    // The app's own client: the answer counts as fresh for as long as the app keeps any answer so.
    const queryClient = createQueryClient();
    adoptInlinedPublicFund(queryClient);
    renderWithProviders(<PublicFundRoute />, { queryClient });
    expect(await screen.findByRole('rowheader', { name: '<b>Donor</b>' }, DEFERRED)).toBeTruthy();
    expect(requested).toEqual([]);
    expect(document.getElementById(PUBLIC_FUND_DATA_ID)).toBeNull();
    expect(queryClient.getQueryData(['public', 'fund'])).toMatchObject({ projectCount: 1 });
  });
});
