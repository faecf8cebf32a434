import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { AlertsSection } from './AlertsSection';

const alert = (overrides: Record<string, unknown>) => ({
  code: 'funded_consent_withdrawn',
  projectId: 'p-1',
  projectCode: 'HS-2025-0007',
  projectTitle: 'Early warning in Turkana',
  stage: 'active',
  country: 'KEN',
  countryName: 'Kenya',
  recordId: 'c-1',
  facts: { projectId: 'p-1', stage: 'active', country: 'KEN', recordId: 'c-1', withdrawnOn: '2026-03-02' },
  message: 'KEN withdrew its consent on 2026-03-02 to a project that is active.',
  proposedDecision: 'suspended',
  ...overrides,
});

const NO_REVIEW_ALERTS = { on: '2026-11-23', waitingDays: 60, nextCursor: null, items: [] };

describe('the alerts that propose a suspension', { timeout: 20_000 }, () => {
  it('suspend the project in one click, with the alert as its reason, on its current version', async () => {
    const sent: unknown[] = [];
    mockFetch(async (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST') {
        sent.push({ path, body: (await request.json()) as unknown });
        return json({ projectId: 'p-1', stage: 'suspended', version: 8 }, { status: 201 });
      }
      if (path === '/api/v1/projects/p-1') return json({ id: 'p-1', version: 7 });
      // The review alerts below the consent ones: none here.
      if (path === '/api/v1/alerts/reviews') return json(NO_REVIEW_ALERTS);
      return json({
        on: '2026-11-23',
        nextCursor: null,
        items: [
          alert({}),
          alert({
            code: 'funded_consent_expiring',
            projectId: 'p-2',
            projectCode: 'HS-2025-0009',
            recordId: 'c-2',
            facts: { validUntil: '2027-01-15' },
            proposedDecision: null,
          }),
        ],
      });
    });
    renderWithProviders(<AlertsSection />);

    const proposals = await screen.findAllByTestId('suspension-proposal');
    expect(proposals).toHaveLength(1);
    fireEvent.click(within(proposals[0]!).getByRole('button', { name: 'Suspend the project' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: '/api/v1/projects/p-1/transitions',
      body: {
        to: 'suspended',
        note: 'Suspended from the dashboard alert.',
        reason: 'Paragraph 6 no longer holds: Kenya withdrew its consent on Mar 2, 2026',
        version: 7,
      },
    });
    expect(await screen.findByText('HS-2025-0007 is suspended.')).toBeInTheDocument();
  });

  it('say why a suspension was refused', async () => {
    mockFetch((request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST') {
        return problem(409, {
          type: 'https://hstf-portfolio.org/problems/stale-version',
          title: 'The record was changed by someone else',
          detail: 'The project was changed by someone else.',
        });
      }
      if (path === '/api/v1/projects/p-1') return json({ id: 'p-1', version: 7 });
      // The review alerts below the consent ones: none here.
      if (path === '/api/v1/alerts/reviews') return json(NO_REVIEW_ALERTS);
      return json({ on: '2026-11-23', nextCursor: null, items: [alert({})] });
    });
    renderWithProviders(<AlertsSection />);

    fireEvent.click(await screen.findByRole('button', { name: 'Suspend the project' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The suspension of HS-2025-0007 could not be recorded',
    );
  });
});

describe('the reviews waiting too long', { timeout: 20_000 }, () => {
  it('show the first six and the rest on request', async () => {
    const waiting = Array.from({ length: 9 }, (_, index) => ({
      code: 'review_overdue',
      projectId: `p-${index}`,
      projectCode: `HS-2026-00${10 + index}`,
      projectTitle: `Project ${index}`,
      stage: 'under_review',
      round: 1,
      reviewId: `r-${index}`,
      reviewerName: 'Rafael Reviewer',
      since: '2026-11-10',
      days: 13,
      facts: {},
      message: 'The review was due on 2026-11-10 and is 13 days overdue.',
    }));
    mockFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/alerts/reviews') return json({ ...NO_REVIEW_ALERTS, items: waiting });
      return json({ on: '2026-11-23', nextCursor: null, items: [] });
    });
    renderWithProviders(<AlertsSection />);

    const list = await screen.findByTestId('review-alerts-list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 9' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(9);
  });
});
