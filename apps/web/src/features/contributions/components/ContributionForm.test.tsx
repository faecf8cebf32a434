import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import type { Contribution } from '../api/get-contributions';
import { usdAmountFor } from '../lib/usd';
import { ContributionForm } from './ContributionFormModal';

// Whole forms are driven here; under a loaded test run, give the screen time to answer.
configure({ asyncUtilTimeout: 5000 });

const usd = () => screen.getByTestId('usd-amount');

function api(
  respond: (body: Record<string, unknown>) => Response = (body) =>
    json({ id: 'c-1', ...body }, { status: 201 }),
) {
  const writes: { method: string; body: Record<string, unknown> }[] = [];
  mockFetch(async (request) => {
    const body = (await request.json()) as Record<string, unknown>;
    writes.push({ method: request.method, body });
    return respond(body);
  });
  return writes;
}

async function chooseCurrency(code: string) {
  const currency = screen.getByRole('combobox', { name: /^Currency/ });
  fireEvent.click(currency);
  fireEvent.change(currency, { target: { value: code } });
  fireEvent.click(await screen.findByRole('option', { name: new RegExp(`^${code} ·`), hidden: true }));
}

describe('usdAmountFor, the API rule', { timeout: 30_000 }, () => {
  it('multiplies exactly and rounds half up to the cent', () => {
    expect(usdAmountFor('500000000.00', '0.00712500')).toBe('3562500.00');
    expect(usdAmountFor('1250000.50', '1.0825')).toBe('1353125.54');
    expect(usdAmountFor('1.00', '0.005')).toBe('0.01');
    expect(usdAmountFor('1.00', '0.00499999')).toBe('0.00');
    // 0.1 + 0.2 style float errors cannot happen: 0.10 × 3 is 0.30.
    expect(usdAmountFor('0.10', '3')).toBe('0.30');
  });
});

describe('the contribution form', { timeout: 30_000 }, () => {
  it('computes the amount in US dollars live, as the API will check it', async () => {
    const writes = api();
    const onSaved = vi.fn();
    renderWithProviders(
      <ContributionForm donorId="donor-jp" contribution={null} onCancel={() => {}} onSaved={onSaved} />,
    );

    // In US dollars the rate is 1 and cannot be changed.
    expect(screen.getByRole('textbox', { name: /^Exchange rate/ })).toHaveValue('1');
    expect(screen.getByRole('textbox', { name: /^Exchange rate/ })).toHaveAttribute('readonly');
    fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: '2500000' } });
    expect(usd()).toHaveTextContent('$2,500,000.00');

    await chooseCurrency('EUR');
    expect(screen.getByRole('textbox', { name: /^Exchange rate/ })).toHaveValue('');
    expect(usd()).toHaveTextContent('Shown as soon as the amount and the rate are valid.');

    fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: '1,250,000.50' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Exchange rate/ }), {
      target: { value: '1.0825' },
    });
    expect(usd()).toHaveTextContent('€1,250,000.50 × 1.0825');
    expect(usd()).toHaveTextContent('$1,353,125.54');

    // Half a cent rounds up, as the ledger does.
    fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: '1' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Exchange rate/ }), { target: { value: '0.005' } });
    expect(usd()).toHaveTextContent('$0.01');

    // Bad input is named at once, and no dollar amount is shown for it.
    fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: '12.345' } });
    expect(
      await screen.findByText('Amounts are kept to the cent: at most two decimals.'),
    ).toBeInTheDocument();
    expect(usd()).not.toHaveTextContent('$');

    fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: '1250000.50' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Exchange rate/ }), {
      target: { value: '1.0825' },
    });
    fireEvent.change(screen.getByLabelText(/^Pledged on/), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the contribution' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes[0]).toEqual({
      method: 'POST',
      body: {
        donorId: 'donor-jp',
        pledgedOn: '2026-03-01',
        receivedOn: null,
        status: 'pledged',
        currency: 'EUR',
        amount: '1250000.50',
        exchangeRate: '1.0825',
        usdAmount: '1353125.54',
        earmarking: null,
        reference: null,
      },
    });
  });

  it('sends the four figures together when an amount changes, and shows the server field errors', async () => {
    const writes = api(() =>
      problem(400, {
        title: 'Invalid request',
        errors: [{ field: 'receivedOn', message: 'must be on or after pledgedOn (2024-03-31)' }],
      }),
    );
    const existing: Contribution = {
      id: 'c-7',
      donorId: 'donor-jp',
      donorName: 'Japan',
      donorCountryIso3: 'JPN',
      pledgedOn: '2024-03-31',
      receivedOn: null,
      amount: '500000000.00',
      currency: 'JPY',
      usdAmount: '3562500.00',
      exchangeRate: '0.00712500',
      status: 'pledged',
      earmarking: null,
      reference: 'JPN-2024',
      illustrative: false,
      receivedAmount: '0.00',
      receivedUsd: '0.00',
      outstanding: '500000000.00',
      exchangeDifference: '0.00',
      version: 4,
      createdAt: '2024-03-31T00:00:00Z',
      updatedAt: '2024-03-31T00:00:00Z',
    };
    renderWithProviders(
      <ContributionForm donorId="donor-jp" contribution={existing} onCancel={() => {}} onSaved={() => {}} />,
    );

    expect(usd()).toHaveTextContent('$3,562,500.00');
    fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: '600000000' } });
    expect(usd()).toHaveTextContent('$4,275,000.00');

    fireEvent.change(screen.getByRole('combobox', { name: /^Status/ }), { target: { value: 'received' } });
    fireEvent.change(screen.getByLabelText(/^Received on/), { target: { value: '2024-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'PATCH',
      body: {
        version: 4,
        status: 'received',
        receivedOn: '2024-06-30',
        currency: 'JPY',
        amount: '600000000.00',
        exchangeRate: '0.007125',
        usdAmount: '4275000.00',
      },
    });
    const receivedOn = screen.getByLabelText(/^Received on/);
    expect(await screen.findByText('must be on or after pledgedOn (2024-03-31)')).toBeInTheDocument();
    expect(receivedOn).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(screen.getByRole('form', { name: 'Contribution' })).getByRole('textbox', { name: /^Amount/ }),
    ).toHaveValue('600000000');
  });

  it('refuses to send a contribution without its pledge date, and says which field is missing', async () => {
    const writes = api();
    renderWithProviders(
      <ContributionForm donorId="donor-jp" contribution={null} onCancel={() => {}} onSaved={() => {}} />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: '1000' } });
    fireEvent.click(screen.getByRole('button', { name: /^Record/ }));

    expect(await screen.findByText('Enter the day of the pledge.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Pledged on/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Pledged on/)).toHaveFocus();
    expect(writes).toHaveLength(0);
  });

  it('keeps what was typed when the contribution was saved meanwhile, and saves it over the latest version', async () => {
    const existing = {
      id: 'c-8',
      donorId: 'donor-jp',
      donorName: 'Japan',
      donorCountryIso3: 'JPN',
      pledgedOn: '2024-03-31',
      receivedOn: null,
      amount: '1000000.00',
      currency: 'USD',
      usdAmount: '1000000.00',
      exchangeRate: '1.00000000',
      status: 'pledged',
      earmarking: null,
      reference: 'JPN-2024',
      illustrative: false,
      receivedAmount: '0.00',
      receivedUsd: '0.00',
      outstanding: '500000000.00',
      exchangeDifference: '0.00',
      version: 2,
      createdAt: '2024-03-31T00:00:00Z',
      updatedAt: '2024-03-31T00:00:00Z',
    } satisfies Contribution;
    const theirs = { ...existing, earmarking: 'Sahel', version: 3 };
    const writes: Record<string, unknown>[] = [];
    mockFetch(async (request) => {
      if (request.method === 'GET') return json(theirs);
      const body = (await request.json()) as Record<string, unknown>;
      writes.push(body);
      return body['version'] === 2
        ? problem(409, {
            type: 'https://hstf.example/problems/stale-version',
            title: 'Stale',
            currentVersion: 3,
          })
        : json({ ...theirs, reference: 'JPN-2024-A', version: 4 });
    });
    renderWithProviders(
      <ContributionForm donorId="donor-jp" contribution={existing} onCancel={() => {}} onSaved={() => {}} />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: /^Reference/ }), {
      target: { value: 'JPN-2024-A' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Someone changed this record while you were editing')).toBeInTheDocument();
    expect(await within(alert).findByText(/^Earmarking is now/)).toBeInTheDocument();
    // Their earmarking is taken, this person's reference stays.
    expect(screen.getByRole('textbox', { name: /^Earmarking/ })).toHaveValue('Sahel');
    expect(screen.getByRole('textbox', { name: /^Reference/ })).toHaveValue('JPN-2024-A');

    fireEvent.click(within(alert).getByRole('button', { name: 'Save my changes over theirs' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toEqual({ version: 3, reference: 'JPN-2024-A' });
  });
});
