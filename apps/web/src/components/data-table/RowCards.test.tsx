import { fireEvent, screen, within } from '@testing-library/react';
import type { ColumnDef } from '@tanstack/react-table';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../lib/media';
import { renderWithProviders } from '../../testing/render';
import { ListTable } from './ListTable';

interface Gift {
  id: string;
  donor: string;
  kind: string;
  amount: string;
}

const GIFTS: Gift[] = [
  { id: 'g-1', donor: 'Norway', kind: 'Member State', amount: '300000.25' },
  { id: 'g-2', donor: 'Japan', kind: 'Member State', amount: '1250000.10' },
];

const money = (amount: string) => `$${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

const COLUMNS: ColumnDef<Gift>[] = [
  {
    id: 'donor',
    header: 'Donor',
    accessorFn: (gift) => gift.donor,
    meta: { rowHeader: true },
    cell: ({ row }) => row.original.donor,
  },
  { id: 'kind', header: 'Kind', cell: ({ row }) => row.original.kind },
  {
    id: 'amount',
    header: 'Amount',
    meta: { total: { amount: (gift) => gift.amount, format: money } },
    cell: ({ row }) => money(row.original.amount),
  },
];

function asPhone(phone: boolean) {
  const original = window.matchMedia.bind(window);
  vi.stubGlobal('matchMedia', (query: string) => ({
    ...original(query),
    matches: phone && query === PHONE_QUERY,
  }));
}

function Gifts({ cards }: { cards: boolean }) {
  return (
    <ListTable
      listId="gifts"
      cards={cards}
      label="Gifts"
      columns={COLUMNS}
      data={GIFTS}
      getRowId={(gift) => gift.id}
      clientSort={{ id: 'donor', descending: false }}
      count={{ shown: GIFTS.length, hasMore: false }}
    />
  );
}

describe('a list table on a phone', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a card a row in the table’s order, each column the reader chose by name, and the total', async () => {
    asPhone(true);
    renderWithProviders(<Gifts cards />);
    const cards = await screen.findByRole('list', { name: 'Gifts' });
    expect(screen.queryByRole('table')).toBeNull();
    const [japan, norway] = within(cards).getAllByRole('listitem');
    expect(japan).toHaveTextContent(/^Japan/);
    expect(norway).toHaveTextContent(/^Norway/);
    expect(within(japan!).getByText('Amount', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '$1,250,000.10',
    );
    expect(within(japan!).getByText('Kind', { selector: 'dt' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Kind' }));
    expect(within(japan!).queryByText('Kind', { selector: 'dt' })).toBeNull();

    const totals = screen.getByText('Total of the rows shown').closest('[data-totals]') as HTMLElement;
    expect(within(totals).getByText('Amount', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '$1,550,000.35',
    );
  });

  it('orders the cards as the reader’s language does, as the table does', async () => {
    asPhone(true);
    const gifts: Gift[] = ['Zambia', 'Österreich', 'Oman'].map((donor, index) => ({
      id: `g-${index}`,
      donor,
      kind: 'Member State',
      amount: '1.00',
    }));
    renderWithProviders(
      <ListTable
        listId="gifts"
        cards
        label="Gifts"
        columns={COLUMNS}
        data={gifts}
        getRowId={(gift) => gift.id}
        clientSort={{ id: 'donor', descending: false }}
      />,
    );
    const cards = await screen.findByRole('list', { name: 'Gifts' });
    expect(
      within(cards)
        .getAllByRole('listitem')
        .map((card) => card.querySelector('div')?.textContent),
    ).toEqual(['Oman', 'Österreich', 'Zambia']);
  });

  it('keeps the table on a wide screen, and on a phone for a list that asks for no cards', async () => {
    asPhone(false);
    const wide = renderWithProviders(<Gifts cards />);
    expect(await screen.findByRole('table', { name: 'Gifts' })).toBeInTheDocument();
    wide.unmount();
    asPhone(true);
    renderWithProviders(<Gifts cards={false} />);
    expect(await screen.findByRole('table', { name: 'Gifts' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Gifts' })).toBeNull();
  });
});
