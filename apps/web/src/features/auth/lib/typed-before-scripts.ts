import { drawnElement } from '../../../lib/before-scripts';

export type SignInField = 'email' | 'password';

export function isSignInField(value: unknown): value is SignInField {
  return value === 'email' || value === 'password';
}

export interface TypedBeforeScripts {
  email: string;
  password: string;
  /** The field the reader was typing in, to give the focus back to; null once they left the form. */
  focused: SignInField | null;
}

/**
 * The sign-in form the API drew in the page, while React draws its own in its place: what the
 * reader typed into it is theirs to keep. Found as React first renders the form; read again once
 * React's is in place, for what was typed meanwhile. Null when the page was not drawn.
 */
export function drawnSignInForm(): { typed: () => TypedBeforeScripts } | null {
  const form = drawnElement<HTMLFormElement>('sign-in');
  if (!form) return null;
  const field = (name: SignInField) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const active = document.activeElement;
  let focused: SignInField | null =
    active instanceof HTMLInputElement && isSignInField(active.name) && form.contains(active)
      ? active.name
      : null;
  form.addEventListener('focusin', (event) => {
    const name = (event.target as HTMLInputElement | null)?.name;
    if (isSignInField(name)) focused = name;
  });
  // Gone to the language picker or a link: the focus is not taken back from there. A field that
  // loses it for nothing else (as React puts its own form in place) keeps it.
  form.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Node && !form.contains(event.relatedTarget)) focused = null;
  });
  return {
    typed: () => ({ email: field('email')?.value ?? '', password: field('password')?.value ?? '', focused }),
  };
}
