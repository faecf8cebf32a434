import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { UsersRoute } from './UsersRoute';

// Whole forms are driven here; under a loaded test run, give the screen time to answer.
configure({ asyncUtilTimeout: 5000 });

const ADMIN = {
  id: 'admin-1',
  email: 'admin@example.org',
  name: 'Alex Admin',
  role: 'admin',
  donorId: null,
  active: true,
  lastSignInAt: '2026-11-01T09:00:00Z',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const STAFF = {
  ...ADMIN,
  id: 'staff-1',
  email: 'staff@example.org',
  name: 'Sara Staff',
  role: 'staff',
  version: 2,
};
const JAPAN = {
  id: 'donor-jp',
  name: 'Japan',
  kind: 'member_state',
  countryIso3: 'JPN',
  version: 1,
  createdAt: '',
  updatedAt: '',
};

function usersApi(onWrite: (request: Request, body: Record<string, unknown>) => Response) {
  const writes: { method: string; path: string; body: Record<string, unknown> }[] = [];
  mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/me') return json(ADMIN);
    if (url.pathname === '/api/v1/donors') return json({ items: [JAPAN], nextCursor: null });
    if (url.pathname === '/api/v1/users' && request.method === 'GET')
      return json({ items: [ADMIN, STAFF], nextCursor: null });
    if (url.pathname === '/api/v1/users/staff-1' && request.method === 'GET') {
      return json({ ...STAFF, name: 'Sara Staff-Ito', role: 'reviewer', version: 5 });
    }
    const body = (await request.json()) as Record<string, unknown>;
    writes.push({ method: request.method, path: url.pathname, body });
    return onWrite(request, body);
  });
  return writes;
}

const policyItem = (dialog: HTMLElement, text: RegExp) =>
  within(dialog).getByText(text).closest('[data-met]') as HTMLElement;

describe('the users screen', { timeout: 30_000 }, () => {
  it('gives the password policy of libs/domain as the password is typed', async () => {
    const writes = usersApi(() => json({}, { status: 201 }));
    renderWithProviders(<UsersRoute />, { route: '/users', path: '/users' });
    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Email address/ }), {
      target: { value: 'amina.diallo@un.org' },
    });
    const password = within(dialog).getByLabelText(/^Password/);
    fireEvent.change(password, { target: { value: 'short' } });
    expect(policyItem(dialog, /Between 12 and 256 characters/)).toHaveAttribute('data-met', 'false');
    expect(within(dialog).getByText('5 characters')).toBeInTheDocument();

    // Length is counted in characters, not bytes: twelve Arabic letters are enough.
    fireEvent.change(password, { target: { value: 'كلمةسرطويلةج' } });
    expect(policyItem(dialog, /Between 12 and 256 characters/)).toHaveAttribute('data-met', 'true');

    fireEvent.change(password, { target: { value: 'aaaaaaaaaaaa' } });
    expect(policyItem(dialog, /Not one character repeated/)).toHaveAttribute('data-met', 'false');

    fireEvent.change(password, { target: { value: 'Amina.Diallo@un.org' } });
    expect(policyItem(dialog, /Not one character repeated/)).toHaveAttribute('data-met', 'true');
    expect(policyItem(dialog, /Does not contain the email address/)).toHaveAttribute('data-met', 'false');

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Full name/ }), {
      target: { value: 'Amina Diallo' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the account' }));
    expect(
      await within(dialog).findByText('The password must not contain the email address.'),
    ).toBeInTheDocument();
    expect(writes).toHaveLength(0);
  });

  it('puts the field errors of a 400 on their fields, and keeps what was typed', async () => {
    const writes = usersApi(() =>
      problem(400, {
        type: 'https://hstf-portfolio.org/problems/validation',
        title: 'Invalid request',
        errors: [
          { field: 'email', message: 'must be an email address' },
          { field: 'donorId', message: 'is not a known donor' },
        ],
      }),
    );
    renderWithProviders(<UsersRoute />, { route: '/users', path: '/users' });
    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Email address/ }), {
      target: { value: 'liaison@mofa.go.jp' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Full name/ }), {
      target: { value: 'Kenji Sato' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: /Role/ }), { target: { value: 'donor' } });
    // A donor account needs its donor (libs/domain donorLinkProblem) before anything is sent.
    fireEvent.change(within(dialog).getByLabelText(/^Password/), { target: { value: 'a long pass phrase' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the account' }));
    expect(await within(dialog).findByText('Choose the donor this account belongs to.')).toBeInTheDocument();
    expect(writes).toHaveLength(0);

    const donor = within(dialog).getByRole('combobox', { name: /^Donor/ });
    fireEvent.click(donor);
    // The dropdown is still fading in (display: none in happy-dom), hence hidden: true.
    fireEvent.click(await screen.findByRole('option', { name: 'Japan', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create the account' }));

    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'POST',
      path: '/api/v1/users',
      body: {
        email: 'liaison@mofa.go.jp',
        name: 'Kenji Sato',
        role: 'donor',
        donorId: 'donor-jp',
        password: 'a long pass phrase',
      },
    });
    const email = within(dialog).getByRole('textbox', { name: /Email address/ });
    expect(await within(dialog).findByText('must be an email address')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveValue('liaison@mofa.go.jp');
    expect(within(dialog).getByText('is not a known donor')).toBeInTheDocument();
  });

  it('tells what changed when the account was saved by someone else (409), keeping the entries', async () => {
    const writes = usersApi((_request, body) =>
      body['version'] === 2
        ? problem(409, {
            type: 'https://hstf-portfolio.org/problems/stale-version',
            title: 'Changed',
            currentVersion: 5,
          })
        : json({ ...STAFF, ...body, version: 6 }),
    );
    renderWithProviders(<UsersRoute />, { route: '/users', path: '/users' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the account of Sara Staff' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the account of Sara Staff' });
    const name = within(dialog).getByRole('textbox', { name: /Full name/ });
    fireEvent.change(name, { target: { value: 'Sara Staffordshire' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the changes' }));

    expect(
      await within(dialog).findByText('Someone changed this account while you were editing'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Full name is now “Sara Staff-Ito”')).toBeInTheDocument();
    expect(within(dialog).getByText('Role is now “Reviewer”')).toBeInTheDocument();
    expect(name).toHaveValue('Sara Staffordshire');
    // What they changed and this admin did not is taken from theirs.
    expect(within(dialog).getByRole('combobox', { name: /Role/ })).toHaveValue('reviewer');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save my changes over theirs' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]?.body).toEqual({ name: 'Sara Staffordshire', version: 5 });
  });

  it('invites a user by mail, in the language chosen, without a password, and shows a refused address on its field', async () => {
    let refuse = true;
    const writes = usersApi((_request, body) => {
      if (refuse) {
        refuse = false;
        return problem(409, {
          type: 'https://hstf-portfolio.org/problems/conflict',
          title: 'Conflict',
          errors: [{ field: 'email', message: 'is already the address of an account' }],
        });
      }
      return json({ ...STAFF, id: 'new-1', email: body.email, name: body.name, version: 1 }, { status: 201 });
    });
    renderWithProviders(<UsersRoute />, { route: '/users', path: '/users' });
    fireEvent.click(await screen.findByRole('button', { name: 'Invite user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a user' });
    expect(within(dialog).queryByLabelText(/Password/)).not.toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));
    expect(await within(dialog).findByText('Enter the email address.')).toBeInTheDocument();
    expect(writes).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Email address/ }), {
      target: { value: 'amina.diallo@un.org' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Full name/ }), {
      target: { value: 'Amina Diallo' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: /Role/ }), {
      target: { value: 'reviewer' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: /Language of the invitation/ }), {
      target: { value: 'fr' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));
    expect(await within(dialog).findByText('is already the address of an account')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Email address/ })).toHaveValue('amina.diallo@un.org');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toEqual({
      method: 'POST',
      path: '/api/v1/users/invitations',
      body: {
        email: 'amina.diallo@un.org',
        name: 'Amina Diallo',
        role: 'reviewer',
        donorId: null,
        language: 'fr',
      },
    });
    expect(
      await screen.findByText(
        'Amina Diallo is invited: a link to choose a password is on its way to amina.diallo@un.org.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Invite a user' })).not.toBeInTheDocument(),
    );
  });
});
