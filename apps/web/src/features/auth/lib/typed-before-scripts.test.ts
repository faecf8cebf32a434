import { describe, expect, it } from 'vitest';
import { BEFORE_SCRIPTS_ATTRIBUTE } from '../../../lib/before-scripts';
import { aDrawnPage } from '../../../testing/drawn-page';
import { drawnSignInForm } from './typed-before-scripts';

/** The page as the API sent it: the build's sign-in form in #root, and a link beside it. */
function aDrawnSignInPage() {
  const root = aDrawnPage(
    `<form ${BEFORE_SCRIPTS_ATTRIBUTE}="sign-in" method="post"><input name="email" type="email">` +
      '<input name="password" type="password"></form><a href="/set-password">Forgotten your password?</a>',
  );
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  return { field, link: root.querySelector('a')! };
}

describe('the sign-in form drawn before the scripts', () => {
  it('is not there on a page the API did not draw', () => {
    expect(drawnSignInForm()).toBeNull();
  });

  it('gives what was typed, also after it was found, and the field typed in last', () => {
    const { field } = aDrawnSignInPage();
    field('email').value = 'staff@example.org';
    field('email').focus();
    const drawn = drawnSignInForm()!;
    expect(drawn.typed()).toEqual({ email: 'staff@example.org', password: '', focused: 'email' });

    // Typed on while React renders its own form.
    field('password').focus();
    field('password').value = 'demo-pass';
    expect(drawn.typed()).toEqual({ email: 'staff@example.org', password: 'demo-pass', focused: 'password' });

    // The field loses the focus to nothing (React's form takes its place): it is still given back.
    field('password').blur();
    expect(drawn.typed().focused).toBe('password');
  });

  it('gives no focus back once the reader went elsewhere on the page', () => {
    const { field, link } = aDrawnSignInPage();
    field('email').focus();
    const drawn = drawnSignInForm()!;
    link.focus();
    expect(drawn.typed().focused).toBeNull();
  });
});
