import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { DonorReceiptsSection } from './DonorReceiptsSection';

const DONOR_ID = '6f1c3f5e-2b9a-4d61-8f0e-0c4c6a1d2e3f';
const PLEDGE_ID = '0b7c6f4e-1a2b-4c3d-9e8f-7a6b5c4d3e2f';
const RECEIPT_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

const base = {
  contributionId: PLEDGE_ID,
  reference: 'JPN-2026-01',
  pledgeStatus: 'received',
  currency: 'JPY',
  pledgeRate: '0.00680000',
  earmarkKind: 'none',
  earmarkTarget: null,
  reverses: null,
  reversedBy: null,
};

/** Two receipts at rates either side of the pledge's, the second reversed. */
const PAGE = {
  nextCursor: null,
  items: [
    {
      ...base,
      id: 'c1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      kind: 'receipt',
      receivedOn: '2026-04-10',
      amount: '120000000.00',
      exchangeRate: '0.00710000',
      usdAmount: '852000.00',
      exchangeDifference: '36000.00',
      earmarkKind: 'window',
      earmarkTarget: 'II',
    },
    {
      ...base,
      id: RECEIPT_ID,
      kind: 'receipt',
      receivedOn: '2026-09-07',
      amount: '100000000.00',
      exchangeRate: '0.00650000',
      usdAmount: '650000.00',
      exchangeDifference: '-30000.00',
      reversedBy: 'f1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    },
    {
      ...base,
      id: 'f1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      kind: 'reversal',
      receivedOn: '2026-09-08',
      amount: '100000000.00',
      exchangeRate: '0.00650000',
      usdAmount: '650000.00',
      exchangeDifference: '30000.00',
      reverses: RECEIPT_ID,
    },
  ],
};

function api(request: Request): Response {
  const { pathname } = new URL(request.url);
  if (pathname === `/api/v1/donors/${DONOR_ID}/receipts`) return json(PAGE);
  return problem(404, { title: 'Not Found' });
}

describe("the donor's receipts", () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('lists each receipt with its rates, US dollars, exchange gain or loss and earmark, a reversal as a negative line', async () => {
    mockFetch(api);
    renderWithProviders(<DonorReceiptsSection donorId={DONOR_ID} />);
    const table = await screen.findByRole('table', { name: 'Your receipts' });
    const rows = within(table).getAllByRole('row');
    // The header, three lines, and the totals in the foot.
    expect(rows).toHaveLength(5);
    expect(rows[1]).toHaveTextContent('852,000.00');
    expect(rows[1]).toHaveTextContent('36,000.00');
    expect(rows[1]).toHaveTextContent('0.0071');
    expect(rows[1]).toHaveTextContent('0.0068');
    expect(rows[1]).toHaveTextContent('Window: II');
    expect(rows[2]).toHaveTextContent('Reversed');
    expect(rows[2]).toHaveTextContent('-$30,000.00');
    expect(rows[3]).toHaveTextContent('Reversal');
    expect(rows[3]).toHaveTextContent('−');
    expect(screen.getByText('Export')).toBeInTheDocument();
  });

  it('totals the lines with the reversal taking its receipt back, and never adds two currencies', async () => {
    const dollars = { ...PAGE.items[0], id: 'd1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', currency: 'USD' };
    mockFetch((request) =>
      new URL(request.url).pathname === `/api/v1/donors/${DONOR_ID}/receipts`
        ? json({
            nextCursor: null,
            items: [
              ...PAGE.items,
              {
                ...dollars,
                amount: '1000.00',
                usdAmount: '1000.00',
                exchangeRate: '1.00000000',
                exchangeDifference: '0.00',
              },
            ],
          })
        : problem(404, { title: 'Not Found' }),
    );
    const first = renderWithProviders(<DonorReceiptsSection donorId={DONOR_ID} />);
    let totals = (await screen.findByRole('rowheader', { name: 'Total of the rows shown' })).closest('tr')!;
    const cells = () =>
      within(totals)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    // Amount (yen and dollars: not added), rate, pledge rate, US dollars, gain or loss, earmark, reference.
    expect(cells()).toEqual(['', '', '', '$853,000.00', '$36,000.00', '', '']);
    first.unmount();

    mockFetch(api);
    renderWithProviders(<DonorReceiptsSection donorId={DONOR_ID} />);
    totals = (await screen.findByRole('rowheader', { name: 'Total of the rows shown' })).closest('tr')!;
    // One currency: 120,000,000 + 100,000,000 − 100,000,000 yen.
    expect(cells()[0]).toMatch(/120,000,000/);
    expect(cells()[3]).toBe('$852,000.00');
  });

  it('orders the lines by the column the reader presses, oldest first to begin with', async () => {
    mockFetch(api);
    renderWithProviders(<DonorReceiptsSection donorId={DONOR_ID} />);
    const table = await screen.findByRole('table', { name: 'Your receipts' });
    const usd = () =>
      within(table)
        .getAllByRole('row')
        .slice(1, 4)
        .map((row) => within(row).getAllByRole('cell')[3]?.textContent);
    expect(within(table).getByRole('columnheader', { name: /Date/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(usd()).toEqual(['$852,000.00', '$650,000.00', '−$650,000.00']);
    fireEvent.click(within(table).getByRole('button', { name: /US dollars/ }));
    expect(usd()).toEqual(['−$650,000.00', '$650,000.00', '$852,000.00']);
    fireEvent.click(within(table).getByRole('button', { name: /US dollars/ }));
    expect(usd()).toEqual(['$852,000.00', '$650,000.00', '−$650,000.00']);
  });

  it('speaks the reader’s language', async () => {
    await i18n.changeLanguage('fr');
    mockFetch(api);
    renderWithProviders(<DonorReceiptsSection donorId={DONOR_ID} />);
    expect(await screen.findByRole('table', { name: 'Vos versements reçus' })).toBeInTheDocument();
    expect(screen.getByText('Gain ou perte de change')).toBeInTheDocument();
  });
});
