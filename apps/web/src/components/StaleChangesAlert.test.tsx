import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { StaleChangesAlert } from './StaleChangesAlert';

const labels = {
  title: 'Changed meanwhile',
  body: 'Someone saved this record while you edited it.',
  keepMine: 'Save mine over theirs',
  takeTheirs: 'Take theirs',
};

describe('StaleChangesAlert', () => {
  it('lists what the other save changed and lets the user take the latest version', () => {
    const onTakeTheirs = vi.fn();
    renderWithProviders(
      <form>
        <StaleChangesAlert
          {...labels}
          changes={['Name: Japan', 'Kind: Member State']}
          saving={false}
          onTakeTheirs={onTakeTheirs}
        />
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
      <StaleChangesAlert
        {...labels}
        changes={[]}
        noChanges="Only fields this form does not show changed."
        saving={false}
        onTakeTheirs={() => undefined}
      />,
    );
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('Only fields this form does not show changed.');
  });
});
