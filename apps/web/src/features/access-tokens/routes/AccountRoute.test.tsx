import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { AccountRoute } from './AccountRoute';

configure({ asyncUtilTimeout: 5000 });

const ME = {
  id: 'staff-1',
  email: 'sara@example.org',
  name: 'Sara Staff',
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const OLD = {
  id: 'token-1',
  name: 'Nightly export',
  createdAt: '2026-11-01T09:00:00Z',
  lastUsedAt: null,
  expiresOn: '2026-11-30',
  expired: true,
};
const SECRET = 'hstf_pat_q7Vh0kYw3n2RZb1mX9sLc4TfJd8uPaE6oGiN5yKzW0A';

function tokensApi() {
  const tokens: (Omit<typeof OLD, 'expiresOn'> & { expiresOn: string | null })[] = [OLD];
  const writes: { method: string; path: string; body: unknown }[] = [];
  mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/me') return json(ME);
    if (url.pathname === '/api/v1/access-tokens' && request.method === 'GET')
      return json({ items: tokens.map((token) => ({ ...token })), nextCursor: null });
    if (url.pathname === '/api/v1/access-tokens' && request.method === 'POST') {
      const body = (await request.json()) as { name: string; expiresOn: string | null };
      writes.push({ method: 'POST', path: url.pathname, body });
      const created = {
        id: 'token-2',
        name: body.name,
        createdAt: '2026-12-06T10:00:00Z',
        lastUsedAt: null,
        expiresOn: body.expiresOn,
        expired: false,
      };
      tokens.unshift(created);
      return json({ ...created, token: SECRET }, { status: 201 });
    }
    writes.push({ method: request.method, path: url.pathname, body: null });
    return new Response(null, { status: 204 });
  });
  return writes;
}

describe('the account page', { timeout: 30_000 }, () => {
  it('lists the tokens without secrets, and shows a new token once', async () => {
    const writes = tokensApi();
    renderWithProviders(<AccountRoute />, { route: '/account', path: '/account' });
    expect(await screen.findByText('Nightly export')).toBeInTheDocument();
    expect(screen.getByText(/^Expired on/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an access token' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByText('Give the token a name.')).toBeInTheDocument();
    expect(writes).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Quarterly report' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await screen.findByTestId('new-access-token')).toHaveTextContent(SECRET);
    expect(writes[0]).toMatchObject({ method: 'POST', body: { name: 'Quarterly report' } });
    expect(await screen.findByRole('rowheader', { name: 'Quarterly report' })).toBeInTheDocument();

    // Once dismissed, the secret is nowhere on the page: the list never carries it.
    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByTestId('new-access-token')).not.toBeInTheDocument());
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('revokes a token after asking', async () => {
    const writes = tokensApi();
    renderWithProviders(<AccountRoute />, { route: '/account', path: '/account' });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the token “Nightly export”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this access token?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(writes).toEqual([{ method: 'DELETE', path: '/api/v1/access-tokens/token-1', body: null }]),
    );
  });
});
