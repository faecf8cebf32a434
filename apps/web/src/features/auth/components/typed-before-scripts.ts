import { drawnElement } from '../../../lib/before-scripts';

type Field = 'email' | 'password';

export interface TypedBeforeScripts {
  email: string;
  password: string;
  /** The field the reader was typing in, to give the focus back to. */
  focused: Field | null;
}

const isField = (name: unknown): name is Field => name === 'email' || name === 'password';

/**
 * The sign-in form the API drew in the page, while React draws its own in its place: what the
 * reader typed into it is theirs to keep. Found as React first renders the form; read again once
 * React's is in place, for what was typed meanwhile. Null when the page was not drawn.
 */
export function drawnSignInForm(): { typed: () => TypedBeforeScripts } | null {
  const form = drawnElement<HTMLFormElement>('form');
  if (!form) return null;
  const field = (name: Field) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const active = document.activeElement;
  let focused: Field | null =
    active instanceof HTMLInputElement && isField(active.name) && form.contains(active) ? active.name : null;
  form.addEventListener('focusin', (event) => {
    const name = (event.target as HTMLInputElement | null)?.name;
    if (isField(name)) focused = name;
  });
  return {
    typed: () => ({ email: field('email')?.value ?? '', password: field('password')?.value ?? '', focused }),
  };
}
