import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { SegmentedChoice } from './SegmentedChoice';

function Measure() {
  const [value, setValue] = useState<'projects' | 'approved'>('projects');
  return (
    <>
      <SegmentedChoice
        value={value}
        onChange={setValue}
        aria-label="Measure"
        data={[
          { value: 'projects', label: 'Projects' },
          { value: 'approved', label: 'Approved USD' },
        ]}
      />
      <output data-testid="measure">{value}</output>
    </>
  );
}

describe('SegmentedChoice', () => {
  it('is a named group of radio buttons, one checked, that changes the value', () => {
    renderWithProviders(<Measure />);
    const group = screen.getByRole('radiogroup', { name: 'Measure' });
    const projects = within(group).getByRole('radio', { name: 'Projects' });
    const approved = within(group).getByRole('radio', { name: 'Approved USD' });
    expect(projects).toBeChecked();
    expect(approved).not.toBeChecked();
    // One name for the group: the browser moves between the options with the arrow keys.
    expect(projects.getAttribute('name')).toBe(approved.getAttribute('name'));

    fireEvent.click(approved);
    expect(approved).toBeChecked();
    expect(projects).not.toBeChecked();
    expect(screen.getByTestId('measure')).toHaveTextContent('approved');
  });
});
