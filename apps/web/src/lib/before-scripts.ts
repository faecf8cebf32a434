import { createContext, useContext } from 'react';

/**
 * Screens the API sends drawn (app/prerender, features/<feature>/prerender) show their fields before
 * any script has run: a reader may type or choose in them before React draws its own in their place.
 * The build draws them inside BeforeScriptsContext; the fields mark themselves with this attribute,
 * named for what they are, and React's, as it first renders over them, takes what the reader did there.
 */
export const BEFORE_SCRIPTS_ATTRIBUTE = 'data-before-scripts';

/** The drawn fields React's screen takes over. */
export type DrawnField = 'language' | 'sign-in';

/** True while the build draws a screen for the API to send (app/prerender/render-screen.tsx). */
export const BeforeScriptsContext = createContext(false);

/** Whether this screen is being drawn at build time, to be sent before the scripts. */
export function useDrawingAtBuild(): boolean {
  return useContext(BeforeScriptsContext);
}

/** The attribute to spread on a field: present only in a screen drawn at build time. */
export function useBeforeScriptsMark(field: DrawnField): Record<string, DrawnField | undefined> {
  return { [BEFORE_SCRIPTS_ATTRIBUTE]: useDrawingAtBuild() ? field : undefined };
}

/**
 * The drawn `field` while it is still in the page: call it as React first renders over it. Once
 * React's screen is in place the element is out of the page, but keeps what was typed or chosen in
 * it, which can then be read.
 */
export function drawnElement<E extends Element>(field: DrawnField): E | null {
  return typeof document === 'undefined'
    ? null
    : document.querySelector<E>(`#root [${BEFORE_SCRIPTS_ATTRIBUTE}="${field}"]`);
}
