/** Marks the sign-in form the build draws for the API to send before any script has run. */
export const BEFORE_SCRIPTS_ATTRIBUTE = 'data-before-scripts';

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
 * reader typed into it is theirs to keep. Found as React first renders the form (the drawn one is
 * still on the page then); read again once React's is in place, for what was typed meanwhile (the
 * drawn fields, out of the page, keep their values). Null when the page was not drawn.
 */
export function drawnSignInForm(): { typed: () => TypedBeforeScripts } | null {
  const form =
    typeof document === 'undefined'
      ? null
      : document.querySelector<HTMLFormElement>(`#root form[${BEFORE_SCRIPTS_ATTRIBUTE}]`);
  if (!form) return null;
  const field = (name: Field) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const active = document.activeElement;
  let focused: Field | null = active instanceof HTMLInputElement && isField(active.name) ? active.name : null;
  if (focused && !form.contains(active)) focused = null;
  form.addEventListener('focusin', (event) => {
    const name = (event.target as HTMLInputElement | null)?.name;
    if (isField(name)) focused = name;
  });
  return {
    typed: () => ({ email: field('email')?.value ?? '', password: field('password')?.value ?? '', focused }),
  };
}
