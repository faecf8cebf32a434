import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { NotificationBell } from './NotificationBell';

configure({ asyncUtilTimeout: 5000 });

const REVIEW = '5f1d7c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
const NOTICE = {
  id: 'n-1',
  kind: 'review_assigned',
  title: 'You are asked to review HS-2026-0042',
  body: 'You have been assigned to review the proposal HS-2026-0042.',
  link: `/reviews/${REVIEW}`,
  projectId: null,
  read: false,
  createdAt: '2026-11-02T10:15:00Z',
};

function notificationsApi() {
  const marked: string[] = [];
  let unread = 1;
  mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/notifications/unread') return json({ unread });
    if (url.pathname === '/api/v1/notifications/n-1/read' && request.method === 'POST') {
      marked.push('n-1');
      unread = 0;
      return json({ ...NOTICE, read: true });
    }
    if (url.pathname === '/api/v1/notifications') {
      return json({ items: [{ ...NOTICE, read: unread === 0 }], nextCursor: null, unread });
    }
    return json({}, { status: 404 });
  });
  return marked;
}

describe('the notification bell', { timeout: 30_000 }, () => {
  it('shows the unread count; opening a notification marks it read and goes to its record', async () => {
    const marked = notificationsApi();
    renderWithProviders(<NotificationBell isAdmin={false} />);

    const bell = await screen.findByRole('button', { name: 'Notifications: 1 unread' });
    fireEvent.click(bell);
    fireEvent.click(await screen.findByText('You are asked to review HS-2026-0042'));

    await waitFor(() => expect(marked).toEqual(['n-1']));
    expect(screen.getByTestId('location')).toHaveTextContent(`/reviews/${REVIEW}`);
  });

  it('offers admins the background jobs and the outbox', async () => {
    notificationsApi();
    renderWithProviders(<NotificationBell isAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications: 1 unread' }));
    expect(await screen.findByRole('link', { name: 'Background jobs and outbox' })).toHaveAttribute(
      'href',
      '/operations',
    );
  });
});
