import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { FormModalFooter } from './FormModalFooter';

describe('FormModalFooter', () => {
  it('offers Cancel and a submit button while nothing went wrong', () => {
    const onCancel = vi.fn();
    renderWithProviders(
      <form>
        <FormModalFooter onCancel={onCancel} submitLabel="Save donor" submitting={false} />
      </form>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save donor' })).toHaveAttribute('type', 'submit');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('says a refusal no field carries above the buttons', () => {
    renderWithProviders(
      <FormModalFooter
        failure={{ title: 'Could not save', message: 'The server refused the amount.' }}
        onCancel={() => undefined}
        submitLabel="Save"
        submitting={false}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not saveThe server refused the amount.');
  });

  it('shows the stale alert instead of the refusal and leaves submitting to the alert', () => {
    renderWithProviders(
      <FormModalFooter
        staleAlert={<div role="alert">Changed meanwhile</div>}
        failure={{ title: 'Could not save', message: 'Conflict' }}
        onCancel={() => undefined}
        submitLabel="Save"
        submitting={false}
      />,
    );
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['Changed meanwhile']);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });
});
