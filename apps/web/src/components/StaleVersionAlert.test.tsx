import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { StaleVersionAlert } from './StaleVersionAlert';

const labels = {
  title: 'Changed meanwhile',
  body: 'Someone saved this record while you edited it.',
  keepMine: 'Save mine over theirs',
  takeTheirs: 'Take theirs',
};
const actions = (onTakeTheirs: () => void) => ({
  title: labels.title,
  body: labels.body,
  primary: { label: labels.keepMine },
  secondary: { label: labels.takeTheirs, onClick: onTakeTheirs },
});

describe('StaleVersionAlert', () => {
  it('lists what the other save changed and lets the user take the latest version', () => {
    const onTakeTheirs = vi.fn();
    renderWithProviders(
      <form>
        <StaleVersionAlert {...actions(onTakeTheirs)} changes={['Name: Japan', 'Kind: Member State']} />
      </form>,
    );
    const alert = screen.getByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Name: Japan', 'Kind: Member State']);
    expect(within(alert).getByRole('button', { name: labels.keepMine })).toHaveAttribute('type', 'submit');
    fireEvent.click(within(alert).getByRole('button', { name: labels.takeTheirs }));
    expect(onTakeTheirs).toHaveBeenCalledTimes(1);
  });

  it('says so when the other save changed nothing the form shows', () => {
    renderWithProviders(
      <StaleVersionAlert
        {...actions(() => undefined)}
        changes={[]}
        noChanges="Only fields this form does not show changed."
      />,
    );
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('Only fields this form does not show changed.');
  });

  it('says it is reading the latest version, and offers nothing until it has it', () => {
    renderWithProviders(<StaleVersionAlert {...actions(() => undefined)} changes={null} />);
    expect(screen.getByTestId('stale-alert')).toHaveTextContent('Reading the latest version…');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets a form keep the input its own way instead of submitting', () => {
    const onKeep = vi.fn();
    renderWithProviders(
      <StaleVersionAlert
        changes={['Title changed']}
        primary={{ label: 'Apply mine on theirs', onClick: onKeep }}
        secondary={{ onClick: () => undefined }}
      />,
    );
    const keep = screen.getByRole('button', { name: 'Apply mine on theirs' });
    expect(keep).toHaveAttribute('type', 'button');
    fireEvent.click(keep);
    expect(onKeep).toHaveBeenCalledTimes(1);
    // The common wording when a form says nothing of its own.
    expect(screen.getByRole('button', { name: 'Use their version' })).toBeInTheDocument();
  });
});
