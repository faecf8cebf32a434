import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { project } from '../../projects/testing/fixtures';
import { TransitionsPanel } from './TransitionsPanel';

describe('suspension in the decisions panel', { timeout: 20_000 }, () => {
  it('offers suspension beside completion, and asks for its reason before deciding', async () => {
    const sent: unknown[] = [];
    mockFetch(async (request) => {
      if (request.method === 'POST') {
        sent.push(await request.json());
        return json({ projectId: 'p-1', stage: 'suspended', version: 8 });
      }
      return json({
        projectId: 'p-1',
        stage: 'active',
        version: 7,
        on: '2026-11-23',
        options: [
          { to: 'completed', allowed: true, failures: [] },
          { to: 'suspended', allowed: true, failures: [] },
        ],
      });
    });
    renderWithProviders(<TransitionsPanel project={{ ...project(), stage: 'active', version: 7 }} />);

    const open = within(await screen.findByTestId('transitions-open')).getAllByRole('button');
    expect(open.map((button) => button.textContent)).toEqual(['Mark as completed', 'Suspend']);
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Note for the record/), {
      target: { value: 'Decided with the lead organization.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Suspend the project' }));
    expect(await within(dialog).findByText('Required.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Reason for the suspension/), {
      target: { value: 'Kenya withdrew its consent.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Suspend the project' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      to: 'suspended',
      note: 'Decided with the lead organization.',
      reason: 'Kenya withdrew its consent.',
      version: 7,
    });
  });

  it('says a suspended project resumes to its stage, and why it cannot yet', async () => {
    mockFetch((request) =>
      request.method === 'POST'
        ? problem(500, { title: 'unexpected' })
        : json({
            projectId: 'p-1',
            stage: 'suspended',
            version: 9,
            on: '2026-11-23',
            options: [
              {
                to: 'active',
                allowed: false,
                failures: [
                  {
                    code: 'resumption_to_other_stage',
                    facts: { suspendedFrom: 'approved', to: 'active' },
                    message: '',
                  },
                ],
              },
            ],
          }),
    );
    renderWithProviders(<TransitionsPanel project={{ ...project(), stage: 'suspended', version: 9 }} />);

    const resume = await screen.findByRole('button', { name: 'Resume: back to “Active”' });
    expect(resume).toBeDisabled();
    expect(resume).toHaveAccessibleDescription(
      'A suspended project resumes to the stage it was suspended from (Approved).',
    );
    expect(screen.getByTestId('suspended-notice')).toHaveTextContent(
      'no transfer can be made until it resumes',
    );
  });
});
