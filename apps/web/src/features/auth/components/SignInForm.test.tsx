import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aDrawnPage } from '../../../testing/drawn-page';
import { mockFetch, problem, renderWithProviders } from '../../../testing/render';
import { SignInForm } from './SignInForm';
import { BEFORE_SCRIPTS_ATTRIBUTE, BeforeScriptsContext } from '../../../lib/before-scripts';

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/Email address/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('puts the field errors of a 400 problem document on their fields', async () => {
    const fetchSpy = mockFetch(() =>
      problem(400, {
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [
          { field: 'email', message: 'must be an email address' },
          { field: 'password', message: 'is too long' },
        ],
      }),
    );
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    fillAndSubmit('not-an-email', 'x');

    const email = screen.getByLabelText(/Email address/);
    const password = screen.getByLabelText(/^Password/);
    await waitFor(() => expect(email).toHaveAccessibleDescription('must be an email address'));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('is too long');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const request = fetchSpy.mock.calls[0]?.[0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/login');
    expect(request.method).toBe('POST');
    expect(await request.json()).toEqual({ email: 'not-an-email', password: 'x' });
  });

  it('says so in an alert when the server answers 401', async () => {
    mockFetch(() => problem(401, { title: 'Unauthorized', detail: 'Wrong email or password.' }));
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);

    fillAndSubmit('staff@example.org', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in failed');
    expect(alert).toHaveTextContent('The email address or password is not correct.');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('tells the user how long to wait after a 429', async () => {
    mockFetch(() => problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '120' }));
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    fillAndSubmit('staff@example.org', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Wait 120 seconds, then try again.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('asks for missing fields without calling the server', async () => {
    const fetchSpy = mockFetch(() => problem(500, { title: 'unexpected' }));
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('starts from what was typed into the page drawn before the scripts, the focus where it was', async () => {
    // The page as the API sent it: the build's form in #root, typed into before React's came.
    const root = aDrawnPage(
      `<form ${BEFORE_SCRIPTS_ATTRIBUTE}="sign-in" method="post"><input name="email" type="email">` +
        '<input name="password" type="password"><button type="submit" disabled>Sign in</button></form>',
    );
    root.querySelector<HTMLInputElement>('input[name="email"]')!.value = 'staff@example.org';
    const drawnPassword = root.querySelector<HTMLInputElement>('input[name="password"]')!;
    drawnPassword.value = 'demo-pass';
    drawnPassword.focus();

    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
    root.remove();

    expect(screen.getByLabelText(/Email address/)).toHaveValue('staff@example.org');
    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveValue('demo-pass');
    await waitFor(() => expect(password).toHaveFocus());
  });

  it('starts empty when no page was drawn, and the drawn form itself can never be sent', () => {
    const { unmount } = renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
    expect(screen.getByLabelText(/Email address/)).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    unmount();

    // As the build draws it for the page the API sends.
    renderWithProviders(
      <BeforeScriptsContext.Provider value>
        <SignInForm onSignedIn={vi.fn()} />
      </BeforeScriptsContext.Provider>,
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    const form = screen.getByRole('button', { name: 'Sign in' }).closest('form')!;
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute(BEFORE_SCRIPTS_ATTRIBUTE, 'sign-in');
  });
});
