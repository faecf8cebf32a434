import { createContext, useContext } from 'react';

/**
 * Screens the API sends drawn (app/prerender, features/<feature>/prerender) show their fields before
 * any script has run: a reader may type or choose in them before React draws its own in their place.
 * The build draws them inside BeforeScriptsContext; the fields mark themselves with this attribute,
 * and React's, as it first renders over them, takes what the reader did there.
 */
export const BEFORE_SCRIPTS_ATTRIBUTE = 'data-before-scripts';

/** True while the build draws a screen for the API to send (app/prerender/render-screen.tsx). */
export const BeforeScriptsContext = createContext(false);

/** The attribute to spread on a field: present only in a drawn screen. */
export function useBeforeScriptsMark(): Record<string, 'true' | undefined> {
  return { [BEFORE_SCRIPTS_ATTRIBUTE]: useContext(BeforeScriptsContext) ? 'true' : undefined };
}

/** Whether the screen is being drawn at build time. */
export function useDrawnBeforeScripts(): boolean {
  return useContext(BeforeScriptsContext);
}

/**
 * The drawn element `selector` (marked with the attribute) while it is still in the page: call it as
 * React first renders over it. Once React's screen is in place the element is out of the page, but
 * keeps what was typed or chosen in it, which can then be read.
 */
export function drawnElement<E extends Element>(selector: string): E | null {
  return typeof document === 'undefined'
    ? null
    : document.querySelector<E>(`#root ${selector}[${BEFORE_SCRIPTS_ATTRIBUTE}]`);
}
