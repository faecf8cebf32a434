import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { ResultsPanel } from './ResultsPanel';

const RESULTS = {
  projectId: 'p-1',
  targetBeneficiaries: 24000,
  peopleReached: null,
  groups: [],
  outcomes: [],
};

describe('ResultsPanel', { timeout: 20_000 }, () => {
  it('adds an outcome with its trimmed title and closes the form once saved', async () => {
    const sent: unknown[] = [];
    mockFetch(async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/v1/projects/p-1/results') return json(RESULTS);
      if (pathname === '/api/v1/projects/p-1/outcomes' && request.method === 'POST') {
        sent.push(await request.json());
        return json({ id: 'o-1', title: 'Safer water', principle: null, version: 1 }, { status: 201 });
      }
      return json({ title: 'Not found', status: 404 }, { status: 404 });
    });
    renderWithProviders(<ResultsPanel projectId="p-1" canEdit />);

    fireEvent.click(await screen.findByRole('button', { name: 'Outcome' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an outcome' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), {
      target: { value: '  Safer water  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(sent).toEqual([{ title: 'Safer water', principle: null }]));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add an outcome' })).toBeNull());
  });

  it('says a refusal no field carries above the buttons, and a field error at its field only', async () => {
    let refusal = () => problem(409, { title: 'Conflict', detail: 'The project is closed.' });
    mockFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/v1/projects/p-1/results') return json(RESULTS);
      if (pathname === '/api/v1/projects/p-1/outcomes') return refusal();
      return json({ title: 'Not found', status: 404 }, { status: 404 });
    });
    renderWithProviders(<ResultsPanel projectId="p-1" canEdit />);

    fireEvent.click(await screen.findByRole('button', { name: 'Outcome' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an outcome' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Safer water' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('The results were not saved')).toBeInTheDocument();

    refusal = () =>
      problem(400, {
        title: 'Invalid request',
        detail: 'One field is invalid.',
        errors: [{ field: 'title', message: 'is already an outcome of this project' }],
      });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/is already an outcome of this project/)).toBeInTheDocument();
    expect(within(dialog).queryByText('The results were not saved')).toBeNull();
  });
});
