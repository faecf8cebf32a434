import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import type { Strategy } from '../api/get-strategies';
import { StrategyForm } from './StrategyFormModal';

configure({ asyncUtilTimeout: 5000 });

const read: Strategy = {
  id: 's-1',
  countryIso3: 'COL',
  title: 'National Development Plan',
  periodFrom: '2022-01-01',
  periodTo: '2026-12-31',
  priorityAreas: ['Peace', 'Rural reform'],
  reference: 'NDP-2022',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** Someone else's save made meanwhile: a new reference, at version 2. */
const theirs: Strategy = { ...read, reference: 'NDP-2022-rev', version: 2 };

/** The API: the countries, the latest strategy, and a PATCH refused as stale unless sent at version 2. */
function api() {
  const writes: Record<string, unknown>[] = [];
  mockFetch(async (request) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/v1/countries') {
      return json({ items: [{ iso3: 'COL', name: 'Colombia' }], nextCursor: null });
    }
    if (request.method === 'GET') return json(theirs);
    const body = (await request.json()) as Record<string, unknown>;
    writes.push(body);
    return body['version'] === 2
      ? json({ ...theirs, ...body, version: 3 })
      : problem(409, {
          type: 'https://hstf.example/problems/stale-version',
          title: 'Stale',
          currentVersion: 2,
        });
  });
  return writes;
}

describe('the strategy form', { timeout: 30_000 }, () => {
  it('closes without sending anything when nothing was changed', async () => {
    const writes = api();
    const onCancel = vi.fn();
    renderWithProviders(
      <StrategyForm strategy={read} defaultCountry={null} onCancel={onCancel} onSaved={vi.fn()} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(writes).toEqual([]);
  });

  it('keeps the title typed when the strategy was saved meanwhile (409), takes their reference, and saves over their version', async () => {
    const writes = api();
    const onSaved = vi.fn();
    renderWithProviders(
      <StrategyForm strategy={read} defaultCountry={null} onCancel={() => {}} onSaved={onSaved} />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'National Development Plan 2022–2026' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('Someone changed this strategy while you were editing'),
    ).toBeInTheDocument();
    expect(await within(alert).findByText('Reference is now “NDP-2022-rev”')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Title/ })).toHaveValue(
      'National Development Plan 2022–2026',
    );
    expect(screen.getByRole('textbox', { name: /^Reference/ })).toHaveValue('NDP-2022-rev');

    fireEvent.click(within(alert).getByRole('button', { name: 'Save my changes over theirs' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(writes).toEqual([
      { title: 'National Development Plan 2022–2026', version: 1 },
      { title: 'National Development Plan 2022–2026', version: 2 },
    ]);
    expect(onSaved.mock.calls[0]![1]).toBe(false);
  });

  it('puts their version in the form, in place of what was typed, when the user takes it', async () => {
    const writes = api();
    renderWithProviders(
      <StrategyForm strategy={read} defaultCountry={null} onCancel={() => {}} onSaved={vi.fn()} />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), { target: { value: 'Another title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    const alert = await screen.findByRole('alert');
    fireEvent.click(await within(alert).findByRole('button', { name: 'Use their version' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('textbox', { name: /^Title/ })).toHaveValue('National Development Plan');
    expect(screen.getByRole('textbox', { name: /^Reference/ })).toHaveValue('NDP-2022-rev');
    expect(screen.getByRole('button', { name: 'Save the changes' })).toHaveAttribute('type', 'submit');
    expect(writes).toHaveLength(1);
  });
});
