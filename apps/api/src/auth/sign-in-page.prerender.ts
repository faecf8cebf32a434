import { firstScreenPage, readPrerenderedScreens } from '../common/first-screen/first-screen';
import { CURRENT_USER_DATA_ID } from '../common/first-screen/signed-in-first-screen';

/**
 * The sign-in page sent drawn to a reader without a session: the dashboard's build renders it in
 * each language (apps/web/src/features/auth/prerender) into prerendered/sign-in.json. It carries
 * nothing of anyone's, so each language's page is put together once; it inlines the answer of
 * GET /auth/me for a reader without a session (null), so that the dashboard shows the form at once.
 */

/** One language's page, as apps/web/src/features/auth/prerender writes it. */
export interface PrerenderedSignIn {
  dir: 'ltr' | 'rtl';
  title: string;
  /** Markup for #root. */
  html: string;
}

/**
 * index.html with the sign-in page drawn, by language; null when the dashboard was built without
 * it (then /sign-in is plain index.html).
 */
export function signInPages(indexHtml: string, webDistDir: string): Map<string, string> | null {
  const prerendered = readPrerenderedScreens<PrerenderedSignIn>(webDistDir, 'sign-in');
  if (!prerendered) return null;
  return new Map(
    Object.entries(prerendered.screens).map(([language, screen]) => [
      language,
      firstScreenPage(indexHtml, {
        language,
        dir: screen.dir,
        title: screen.title,
        html: screen.html,
        css: prerendered.firstScreenCss,
        data: { [CURRENT_USER_DATA_ID]: 'null' },
      }),
    ]),
  );
}
