import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { project } from '../../projects/testing/fixtures';
import { TransitionsPanel } from './TransitionsPanel';

const PARAGRAPH_6_PENDING = {
  code: 'paragraph_6_not_compliant',
  facts: {
    on: '2026-11-23',
    status: 'pending',
    countries: [
      {
        country: 'BFA',
        status: 'pending',
        reasons: [
          {
            code: 'consent_requested',
            facts: { country: 'BFA', recordId: 'c-bfa', requestedOn: '2025-11-01' },
          },
        ],
      },
    ],
    reasons: [],
  },
  message: 'Resolution 66/290 paragraph 6 is pending on 2026-11-23. …',
};

describe('TransitionsPanel', { timeout: 20_000 }, () => {
  it('explains every refused gate before the click, and disables the move', async () => {
    mockFetch(() =>
      json({
        projectId: 'p-1',
        stage: 'under_review',
        version: 4,
        on: '2026-11-23',
        options: [
          {
            to: 'approved',
            allowed: false,
            failures: [PARAGRAPH_6_PENDING, { code: 'approved_budget_missing', facts: {}, message: '' }],
          },
          { to: 'rejected', allowed: true, failures: [] },
        ],
      }),
    );
    renderWithProviders(<TransitionsPanel project={project()} />);

    const approve = await screen.findByRole('button', { name: 'Approve' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription(
      /Paragraph 6 of resolution 66\/290 is not met on Nov 23, 2026 \(pending\)\. The consent of Burkina Faso was requested on Nov 1, 2025 and has not been granted yet\./,
    );
    expect(
      screen.getByText('An approved budget is required: set it in the project record.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Complete the project record' })).toHaveAttribute(
      'href',
      '/projects/p-1/edit',
    );
    expect(screen.getByRole('button', { name: 'Reject' })).toBeEnabled();
  });

  it("asks for a note and the decision date, and shows the API's refused gates", async () => {
    const sent: unknown[] = [];
    mockFetch(async (request) => {
      if (request.method === 'POST') {
        sent.push(await request.json());
        return problem(422, {
          type: 'https://hstf-portfolio.org/problems/transition-refused',
          title: 'Transition refused',
          detail: 'Project HS-2026-0004 cannot move from under review to approved. …',
          failures: [
            PARAGRAPH_6_PENDING,
            {
              code: 'approved_budget_exceeds_available_balance',
              facts: { approvedBudget: '1000000.00', availableBalance: '400000.00', shortfall: '600000.00' },
              message: '',
            },
          ],
        });
      }
      return json({
        projectId: 'p-1',
        stage: 'under_review',
        version: 4,
        on: '2026-11-23',
        options: [{ to: 'approved', allowed: true, failures: [] }],
      });
    });
    renderWithProviders(<TransitionsPanel project={project()} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve the project' }));
    expect(await within(dialog).findByText('Required.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Note for the record/), {
      target: { value: 'Approved by the committee.' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Decided on/), { target: { value: '2026-11-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve the project' }));

    const refused = await within(dialog).findByRole('alert', { name: 'The decision was refused' });
    expect(sent).toEqual([
      { to: 'approved', note: 'Approved by the committee.', version: 4, decidedOn: '2026-11-20' },
    ]);
    expect(refused).toHaveTextContent(
      'The consent of Burkina Faso was requested on Nov 1, 2025 and has not been granted yet.',
    );
    expect(refused).toHaveTextContent(
      "The approved budget of $1,000,000 exceeds the Fund's available balance of $400,000 by $600,000.",
    );
    // What was typed stays, to try again once the gates are met.
    expect(within(dialog).getByLabelText(/Note for the record/)).toHaveValue('Approved by the committee.');
  });

  it('keeps the note and the date when the project changed meanwhile (409), and decides on the latest version', async () => {
    const sent: Record<string, unknown>[] = [];
    let current = { ...project(), version: 4 };
    mockFetch(async (request) => {
      const url = new URL(request.url);
      if (request.method === 'POST') {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        if (body['version'] !== current.version) {
          return problem(409, {
            type: 'https://hstf-portfolio.org/problems/stale-version',
            title: 'The record was changed by someone else',
            currentVersion: current.version,
          });
        }
        return json({ projectId: 'p-1', from: 'under_review', to: 'approved', version: current.version + 1 });
      }
      if (url.pathname === '/api/v1/projects/p-1') return json(current);
      return json({
        projectId: 'p-1',
        stage: 'under_review',
        version: 4,
        on: '2026-11-23',
        options: [{ to: 'approved', allowed: true, failures: [] }],
      });
    });
    renderWithProviders(<TransitionsPanel project={{ ...project(), version: 4 }} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    // Someone else saves the project while the decision is being written.
    current = { ...current, summary: 'Their new summary.', version: 5 };
    fireEvent.change(within(dialog).getByLabelText(/Note for the record/), {
      target: { value: 'Approved by the committee.' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Decided on/), { target: { value: '2026-11-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve the project' }));

    const alert = await within(dialog).findByTestId('stale-alert');
    expect(await within(alert).findByText('Its stage has not changed.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Note for the record/)).toHaveValue('Approved by the committee.');
    expect(sent).toHaveLength(1);

    fireEvent.click(within(alert).getByRole('button', { name: 'Approve the project' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({
      to: 'approved',
      note: 'Approved by the committee.',
      version: 5,
      decidedOn: '2026-11-20',
    });
    // Decided: the dialog closes and a notification confirms it.
    expect(await screen.findByText('The decision is recorded.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
