import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ColumnDef } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { DataTable } from './DataTable';
import { RowCount, TableToolbar } from './TableToolbar';
import { useTableColumns } from './use-table-columns';

interface Gift {
  id: string;
  donor: string;
  kind: string;
  amount: string | null;
}

const GIFTS: Gift[] = [
  { id: 'g-1', donor: 'Japan', kind: 'Member State', amount: '1250000.10' },
  { id: 'g-2', donor: 'Norway', kind: 'Member State', amount: '300000.25' },
  { id: 'g-3', donor: 'A foundation', kind: 'Foundation', amount: '0.65' },
  { id: 'g-4', donor: 'Pledge only', kind: 'Other', amount: null },
];

const money = (amount: string) =>
  `$${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const COLUMNS: ColumnDef<Gift>[] = [
  { id: 'donor', header: 'Donor', meta: { rowHeader: true }, cell: ({ row }) => row.original.donor },
  { id: 'kind', header: 'Kind', cell: ({ row }) => row.original.kind },
  {
    id: 'amount',
    header: 'Amount',
    meta: { align: 'end', total: { amount: (gift) => gift.amount, format: money } },
    cell: ({ row }) => (row.original.amount ? money(row.original.amount) : '—'),
  },
];

function Gifts({ rows = GIFTS, filterTotal }: { rows?: Gift[]; filterTotal?: string }) {
  const table = useTableColumns('gifts', COLUMNS);
  return (
    <>
      <TableToolbar table={table} views count={{ shown: rows.length, hasMore: false }} />
      <DataTable
        label="Gifts"
        columns={COLUMNS}
        data={rows}
        getRowId={(gift) => gift.id}
        visibility={table.visibility}
        filterTotals={filterTotal ? { amount: filterTotal } : undefined}
      />
    </>
  );
}

function location() {
  return new URL(screen.getByTestId('location').textContent ?? '/', 'http://localhost');
}

describe('DataTable', { timeout: 20_000 }, () => {
  it('remembers the columns the reader hid, per list, across visits', async () => {
    const first = renderWithProviders(<Gifts />, { route: '/gifts', path: '/gifts' });
    const table = await screen.findByRole('table', { name: 'Gifts' });
    expect(within(table).getByRole('columnheader', { name: 'Kind' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    // The row's name cannot be hidden: the menu offers only the other columns.
    expect(screen.queryByRole('checkbox', { name: 'Donor' })).toBeNull();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Kind' }));
    await waitFor(() => expect(within(table).queryByRole('columnheader', { name: 'Kind' })).toBeNull());
    expect(JSON.parse(window.localStorage.getItem('hstf.table.gifts.hidden') ?? 'null')).toEqual(['kind']);
    first.unmount();

    renderWithProviders(<Gifts />, { route: '/gifts', path: '/gifts' });
    const again = await screen.findByRole('table', { name: 'Gifts' });
    expect(within(again).queryByRole('columnheader', { name: 'Kind' })).toBeNull();
    expect(within(again).getByRole('columnheader', { name: 'Amount' })).toBeInTheDocument();
    expect(within(again).getByRole('rowheader', { name: 'Japan' })).toBeInTheDocument();
  });

  it("totals the money of the rows shown to the cent, and states the whole filter's total apart", async () => {
    renderWithProviders(<Gifts filterTotal="9876543.21" />, { route: '/gifts', path: '/gifts' });
    const shown = (await screen.findByRole('rowheader', { name: 'Total of the rows shown' })).closest('tr')!;
    // 1,250,000.10 + 300,000.25 + 0.65, summed as decimals (floats would not add to .00 here).
    expect(within(shown).getByText('$1,550,001.00')).toBeInTheDocument();
    const filter = screen
      .getByRole('rowheader', { name: 'Total of every row the filters hold' })
      .closest('tr')!;
    expect(within(filter).getByText('$9,876,543.21')).toBeInTheDocument();
    // The totals sit in the table's foot, not among the rows.
    expect(shown.parentElement?.tagName).toBe('TFOOT');
  });

  it('follows the rows: a totals row over other rows sums those', async () => {
    renderWithProviders(<Gifts rows={GIFTS.slice(1, 3)} />, { route: '/gifts', path: '/gifts' });
    const shown = (await screen.findByRole('rowheader', { name: 'Total of the rows shown' })).closest('tr')!;
    expect(within(shown).getByText('$300,000.90')).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: 'Total of every row the filters hold' })).toBeNull();
  });

  it("shows the columns a view's address names, over the remembered choice", async () => {
    window.localStorage.setItem('hstf.table.gifts.hidden', JSON.stringify(['amount']));
    renderWithProviders(<Gifts />, { route: '/gifts?columns=amount', path: '/gifts' });
    const table = await screen.findByRole('table', { name: 'Gifts' });
    expect(within(table).getByRole('columnheader', { name: 'Amount' })).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Kind' })).toBeNull();
  });

  it('saves the address and the columns as a named view', async () => {
    renderWithProviders(<Gifts />, { route: '/gifts?kind=state', path: '/gifts' });
    fireEvent.click(await screen.findByRole('button', { name: 'Columns' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Kind' }));

    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Save this view…' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /Name of the view/ }), {
      target: { value: 'States' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(location().search).toBe('?columns=amount&kind=state'));
    expect(await screen.findByRole('button', { name: 'View: States' })).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem('hstf.table.gifts.views') ?? '[]')).toEqual([
      { name: 'States', query: 'columns=amount&kind=state' },
    ]);
  });

  it("restores a saved view's filters, order and columns into the address when picked", async () => {
    window.localStorage.setItem(
      'hstf.table.gifts.views',
      JSON.stringify([{ name: 'Largest first', query: 'columns=amount&kind=state&sort=-amount' }]),
    );
    renderWithProviders(<Gifts />, { route: '/gifts?kind=other', path: '/gifts' });
    const table = await screen.findByRole('table', { name: 'Gifts' });
    expect(within(table).getByRole('columnheader', { name: 'Kind' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Largest first' }));
    await waitFor(() => expect(location().search).toBe('?columns=amount&kind=state&sort=-amount'));
    await waitFor(() => expect(within(table).queryByRole('columnheader', { name: 'Kind' })).toBeNull());
    expect(screen.getByRole('button', { name: 'View: Largest first' })).toBeInTheDocument();
  });
});

const SORTABLE: ColumnDef<Gift>[] = [
  { id: 'donor', header: 'Donor', accessorFn: (gift) => gift.donor, meta: { rowHeader: true } },
  { id: 'kind', header: 'Kind', cell: ({ row }) => row.original.kind },
  {
    id: 'amount',
    header: 'Amount',
    // Undefined for a pledge without an amount: it goes last whichever way the column runs.
    accessorFn: (gift) => (gift.amount === null ? undefined : Number(gift.amount)),
    meta: { align: 'end', total: { amount: (gift) => gift.amount, format: money } },
    cell: ({ row }) => (row.original.amount ? money(row.original.amount) : '—'),
  },
];

function donorsInOrder() {
  return screen
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)
    .filter((name) => !name?.startsWith('Total'));
}

describe('DataTable sorted here', { timeout: 20_000 }, () => {
  it('orders a loaded list by its starting column, then by the column the reader picks, each way', async () => {
    renderWithProviders(
      <DataTable
        label="Gifts"
        columns={SORTABLE}
        data={GIFTS}
        getRowId={(gift) => gift.id}
        visibility={{}}
        clientSort={{ id: 'amount', descending: true }}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Gifts' });
    const amount = within(table).getByRole('columnheader', { name: /Amount/ });
    const donor = within(table).getByRole('columnheader', { name: /Donor/ });
    expect(amount).toHaveAttribute('aria-sort', 'descending');
    expect(donor).toHaveAttribute('aria-sort', 'none');
    // A column without an accessor has nothing to order by, and offers no button.
    expect(within(table).getByRole('columnheader', { name: 'Kind' })).not.toHaveAttribute('aria-sort');
    expect(donorsInOrder()).toEqual(['Japan', 'Norway', 'A foundation', 'Pledge only']);

    fireEvent.click(within(amount).getByRole('button'));
    await waitFor(() => expect(amount).toHaveAttribute('aria-sort', 'ascending'));
    expect(donorsInOrder()).toEqual(['A foundation', 'Norway', 'Japan', 'Pledge only']);

    fireEvent.click(within(donor).getByRole('button'));
    await waitFor(() => expect(donor).toHaveAttribute('aria-sort', 'ascending'));
    expect(amount).toHaveAttribute('aria-sort', 'none');
    expect(donorsInOrder()).toEqual(['A foundation', 'Japan', 'Norway', 'Pledge only']);
    fireEvent.click(within(donor).getByRole('button'));
    await waitFor(() => expect(donor).toHaveAttribute('aria-sort', 'descending'));
    expect(donorsInOrder()).toEqual(['Pledge only', 'Norway', 'Japan', 'A foundation']);
    // The totals row sums every row, whatever their order.
    const shown = screen.getByRole('rowheader', { name: 'Total of the rows shown' }).closest('tr')!;
    expect(within(shown).getByText('$1,550,001.00')).toBeInTheDocument();
  });

  it('leaves the order to the API when the list is not sorted here', async () => {
    renderWithProviders(
      <DataTable
        label="Gifts"
        columns={SORTABLE}
        data={GIFTS}
        getRowId={(gift) => gift.id}
        visibility={{}}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Gifts' });
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
    expect(donorsInOrder()).toEqual(['Japan', 'Norway', 'A foundation', 'Pledge only']);
  });
});

describe('RowCount', () => {
  it("says whether the count is exact or the database's estimate", () => {
    renderWithProviders(<RowCount shown={25} hasMore total={{ count: 12_345, exact: true }} />);
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–25 of 12,345 (exact count)');
  });

  it('rounds an estimate and says it is one', () => {
    renderWithProviders(<RowCount shown={25} hasMore total={{ count: 104_613, exact: false }} />);
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–25 of about 100,000 (estimated)');
  });

  it('counts the rows itself once every page is on screen', () => {
    renderWithProviders(<RowCount shown={7} hasMore={false} />);
    expect(screen.getByTestId('row-count')).toHaveTextContent('1–7 of 7 (exact count)');
  });
});
