import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../testing/render';
import { endOfDay, startOfDay } from '../lib/filters';
import { AuditRoute } from './AuditRoute';

// Whole forms are driven here; under a loaded test run, give the screen time to answer.
configure({ asyncUtilTimeout: 5000 });

const STAFF = {
  id: 'staff-1',
  email: 'staff@example.org',
  name: 'Sara Staff',
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const ACTOR = '0b6f7a52-3d8e-4c41-9a43-2f5d1c7e9b10';
const ENTRY = {
  id: 'entry-1',
  occurredAt: '2026-11-02T10:15:00Z',
  actorId: ACTOR,
  actorEmail: 'staff@example.org',
  actorName: 'Sara Staff',
  action: 'update',
  entity: 'donor',
  entityId: 'donor-jp',
  projectId: null,
  projectCode: null,
  projectTitle: null,
  before: { name: 'Japan', kind: 'member_state', version: 1 },
  after: { name: 'Government of Japan', kind: 'member_state', version: 2 },
  requestId: 'req-1',
};

function auditApi(entries: unknown[] = [ENTRY]) {
  const requests: URL[] = [];
  mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/me') return json(STAFF);
    requests.push(url);
    return json({ items: entries, nextCursor: null });
  });
  return requests;
}

function location() {
  return new URL(screen.getByTestId('location').textContent ?? '/', 'http://localhost');
}

describe('the audit log filters', { timeout: 30_000 }, () => {
  it('reads every filter from the address and sends it to the API', async () => {
    const requests = auditApi();
    renderWithProviders(<AuditRoute />, {
      route: `/audit?entity=donor&entityId=donor-jp&actorId=${ACTOR}&action=update&from=2026-11-01&to=2026-11-30`,
      path: '/audit',
    });

    expect(await screen.findByText('Changed: Name')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Record type' })).toHaveValue('donor');
    expect(screen.getByRole('textbox', { name: 'Record identifier' })).toHaveValue('donor-jp');
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveValue('update');
    expect(screen.getByLabelText('From')).toHaveValue('Nov 1, 2026');
    expect(screen.getByLabelText('To')).toHaveValue('Nov 30, 2026');

    const sent = requests.at(-1);
    expect(sent?.pathname).toBe('/api/v1/audit');
    expect(Object.fromEntries(sent?.searchParams ?? [])).toEqual({
      limit: '50',
      entity: 'donor',
      entityId: 'donor-jp',
      actorId: ACTOR,
      action: 'update',
      // Days in the reader's time zone; `to` is exclusive, so the last day is whole.
      from: startOfDay('2026-11-01'),
      to: endOfDay('2026-11-30'),
    });
  });

  it('writes each change to the address, and clears them all', async () => {
    const requests = auditApi();
    renderWithProviders(<AuditRoute />, { route: '/audit', path: '/audit' });
    await screen.findByText('Changed: Name');

    fireEvent.change(screen.getByRole('combobox', { name: 'Record type' }), { target: { value: 'user' } });
    await waitFor(() => expect(location().searchParams.get('entity')).toBe('user'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'delete' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Record identifier' }), {
      target: { value: 'user-9' },
    });
    await waitFor(() =>
      expect(Object.fromEntries(location().searchParams)).toEqual({
        entity: 'user',
        action: 'delete',
        from: '2026-01-01',
        to: '2026-03-31',
        entityId: 'user-9',
      }),
    );
    await waitFor(() => expect(requests.at(-1)?.searchParams.get('entityId')).toBe('user-9'));

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location().search).toBe(''));
    expect(screen.getByRole('textbox', { name: 'Record identifier' })).toHaveValue('');
  });

  it('opens an entry as a readable diff, and filters on its record from there', async () => {
    auditApi();
    renderWithProviders(<AuditRoute />, { route: '/audit', path: '/audit' });

    fireEvent.click(await screen.findByRole('button', { name: /Show the details: Changed, Donor/ }));
    const diff = await screen.findByRole('table', { name: 'The record before and after the change' });
    expect(diff).toHaveTextContent('Japan');
    expect(diff).toHaveTextContent('Government of Japan');
    // Only the changed fields at first; the others on request.
    expect(diff).not.toHaveTextContent('member_state');
    fireEvent.click(screen.getByRole('button', { name: 'Also show the unchanged fields (2)' }));
    expect(screen.getByRole('table', { name: 'The record before and after the change' })).toHaveTextContent(
      'member_state',
    );

    fireEvent.click(screen.getByRole('button', { name: 'All changes to this record' }));
    await waitFor(() =>
      expect(Object.fromEntries(location().searchParams)).toEqual({ entity: 'donor', entityId: 'donor-jp' }),
    );
    expect(screen.getByRole('textbox', { name: 'Record identifier' })).toHaveValue('donor-jp');
  });

  it('says who changed what in words: the person, the project by its code, field labels and formatted values', async () => {
    auditApi([
      {
        ...ENTRY,
        id: 'entry-2',
        entity: 'consent_record',
        entityId: 'consent-1',
        projectId: 'project-1',
        projectCode: 'HS-2026-0004',
        projectTitle: 'Safe water for Turkana',
        before: { status: 'requested', grantedOn: null, version: 1 },
        after: { status: 'granted', grantedOn: '2026-03-01', version: 2 },
      },
    ]);
    renderWithProviders(<AuditRoute />, { route: '/audit', path: '/audit' });

    const link = await screen.findByRole('link', { name: 'HS-2026-0004 Safe water for Turkana' });
    expect(link).toHaveAttribute('href', '/projects/HS-2026-0004');
    const log = within(screen.getByRole('table', { name: 'Audit log' }));
    expect(log.getByText('Sara Staff')).toBeInTheDocument();
    expect(log.getByText('staff@example.org')).toBeInTheDocument();
    expect(log.getByText('Changed: Status and Granted on')).toBeInTheDocument();
    // No identifier stands in for a record that has a project to name it.
    expect(log.queryByText('consent-1')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Show the details: Changed, Consent record/ }));
    const diff = await screen.findByRole('table', { name: 'The record before and after the change' });
    expect(diff).toHaveTextContent('Granted on');
    expect(diff).toHaveTextContent('Mar 1, 2026');
    expect(diff).not.toHaveTextContent('grantedOn');
    expect(diff).not.toHaveTextContent('Version');
  });

  it('names an access token and whose it is when it is created or revoked, never its secret', async () => {
    const token = {
      id: 'token-1',
      name: 'Nightly export',
      createdAt: '2026-11-01T09:00:00Z',
      lastUsedAt: null,
      expiresOn: null,
      expired: false,
    };
    auditApi([
      {
        ...ENTRY,
        id: 'entry-3',
        action: 'revoke',
        entity: 'access_token',
        entityId: 'token-1',
        before: token,
        // Were an entry ever to hold the secret's hash, the screen still leaves it out.
        after: { ...token, revokedAt: '2026-11-02T10:15:00Z', tokenHash: 'c0ffee-hash' },
      },
    ]);
    renderWithProviders(<AuditRoute />, { route: '/audit', path: '/audit' });

    const log = within(await screen.findByRole('table', { name: 'Audit log' }));
    expect(await log.findByText('Revoked')).toBeInTheDocument();
    expect(log.getByText(/Personal access token/)).toHaveTextContent(
      'Personal access token · Nightly export',
    );
    expect(log.getByText('of Sara Staff')).toBeInTheDocument();
    expect(log.queryByText('token-1')).not.toBeInTheDocument();
    expect(log.getByText('Changed: Revoked on')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Show the details: Revoked, Personal access token/ }));
    const diff = await screen.findByRole('table', { name: 'The record before and after the change' });
    expect(diff).toHaveTextContent('Revoked on');
    fireEvent.click(screen.getByRole('button', { name: /Also show the unchanged fields/ }));
    expect(
      screen.getByRole('table', { name: 'The record before and after the change' }),
    ).not.toHaveTextContent('c0ffee-hash');
  });
});
