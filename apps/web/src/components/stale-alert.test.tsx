import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { staleAlertFor, type StaleState } from './stale-alert';

type Field = 'name' | 'kind' | 'notes';

const write = () => ({ isPending: false, reset: vi.fn() });
const describeField = (field: Field) => (field === 'notes' ? null : `${field} changed`);

describe('staleAlertFor', () => {
  it('shows nothing until a save is refused as stale', () => {
    const stale: StaleState<Field> = { stale: false, changed: null, takeTheirs: vi.fn() };
    expect(staleAlertFor(stale, write(), describeField)).toBeNull();
  });

  it('names the fields the other save changed, in the common wording unless the form gives its own', () => {
    const stale: StaleState<Field> = { stale: true, changed: ['name', 'notes', 'kind'], takeTheirs: vi.fn() };
    renderWithProviders(
      <form>{staleAlertFor(stale, write(), describeField, { title: 'Donor changed' })}</form>,
    );

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Donor changed');
    expect(alert).toHaveTextContent('Your entries are kept in the form.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['name changed', 'kind changed']);
    expect(within(alert).getByRole('button', { name: 'Save my changes over theirs' })).toHaveAttribute(
      'type',
      'submit',
    );
  });

  it('takes the latest values and forgets the refused save when the user takes theirs', () => {
    const stale: StaleState<Field> = { stale: true, changed: [], takeTheirs: vi.fn() };
    const update = write();
    renderWithProviders(
      <form>
        {staleAlertFor(stale, update, describeField, {
          takeTheirs: 'Load theirs',
          noChanges: 'Nothing shown changed.',
        })}
      </form>,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('Nothing shown changed.');
    fireEvent.click(screen.getByRole('button', { name: 'Load theirs' }));
    expect(stale.takeTheirs).toHaveBeenCalledTimes(1);
    expect(update.reset).toHaveBeenCalledTimes(1);
  });
});
