import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../../lib/media';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { AllDonorsTable } from './AllDonorsTable';

const JAPAN = '00000000-0000-4000-8000-000000000001';
const GREECE = '00000000-0000-4000-8000-000000000002';

function serve() {
  mockFetch(() =>
    json({
      items: [
        {
          donorId: JAPAN,
          donorName: 'Japan',
          year: 2023,
          pledgedUsd: '1000000.00',
          receivedUsd: '1000000.00',
        },
        { donorId: JAPAN, donorName: 'Japan', year: 2024, pledgedUsd: '500000.00', receivedUsd: '200000.00' },
        {
          donorId: GREECE,
          donorName: 'Greece',
          year: 2024,
          pledgedUsd: '400000.00',
          receivedUsd: '400000.00',
        },
      ],
    }),
  );
}

describe('AllDonorsTable', () => {
  it('gives each donor what it pledged, gave and its share, and the Fund’s totals', async () => {
    serve();
    renderWithProviders(<AllDonorsTable ownDonorId={GREECE} />);
    const table = await screen.findByRole('table', { name: 'All donors to the Fund' });
    const japan = (await within(table).findByRole('rowheader', { name: 'Japan' })).closest('tr')!;
    expect(japan).toHaveTextContent('$1,500,000.00');
    expect(japan).toHaveTextContent('$1,200,000.00');
    expect(japan).toHaveTextContent('75%');
    const greece = within(table)
      .getByRole('rowheader', { name: /Greece/ })
      .closest('tr')!;
    expect(greece).toHaveAttribute('data-own', 'true');
    expect(within(greece).getByText('You')).toBeInTheDocument();
    const fund = within(table).getByRole('rowheader', { name: 'The Fund' }).closest('tr')!;
    expect(fund).toHaveTextContent('$1,900,000.00');
    expect(fund).toHaveTextContent('$1,600,000.00');
  });

  it('shows a card a donor on a phone, and the Fund’s totals under them', async () => {
    const original = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) => ({ ...original(query), matches: query === PHONE_QUERY }));
    serve();
    renderWithProviders(<AllDonorsTable ownDonorId={GREECE} />);
    const cards = await screen.findByRole('list', { name: 'All donors to the Fund' });
    expect(screen.queryByRole('table')).toBeNull();
    const [japan, greece] = within(cards).getAllByRole('listitem');
    expect(japan).toHaveTextContent(/^Japan/);
    expect(
      within(greece!).getByText('Share of what was received', { selector: 'dt' }).nextElementSibling,
    ).toHaveTextContent('25%');
    const fund = screen.getByText('The Fund').closest('[data-totals]') as HTMLElement;
    expect(within(fund).getByText('Pledged', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '$1,900,000.00',
    );
  });
});
