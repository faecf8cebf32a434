import { initials } from '@hstf/domain';
import { escapeHtml } from '../http/escape-html';
import { firstScreenPage, readPrerenderedScreens } from './first-screen';
import type { PrerenderedScreens } from './first-screen';

/**
 * The overview, the first screen after signing in, sent drawn to a reader with a live session: the
 * dashboard's build renders the shell and the overview's first render in each language for each
 * role (apps/web/src/app/prerender) into prerendered/overview.json; each request fills in the
 * reader's name and initials, and inlines their GET /auth/me answer, which every screen asks first.
 */

/** One language's screens, as apps/web/src/app/prerender writes them. */
export interface SignedInFirstScreens {
  dir: 'ltr' | 'rtl';
  title: string;
  /** Markup for #root per role, with {{name}} and {{initials}} where the reader's go. */
  roles: Record<string, string>;
}

/** The screens and the style rules they use (prerendered/overview.json and overview.css). */
export type PrerenderedOverview = PrerenderedScreens<SignedInFirstScreens>;

/** The id of the data block the dashboard reads (apps/web/src/lib/auth.ts). */
export const CURRENT_USER_DATA_ID = 'current-user-data';

/** The built screens, or null when the dashboard was built without them (then / is plain index.html). */
export function readPrerenderedOverview(webDistDir: string): PrerenderedOverview | null {
  return readPrerenderedScreens<SignedInFirstScreens>(webDistDir, 'overview');
}

/**
 * index.html with the overview's first screen for `user` in `language`, and `currentUserJson` (the
 * JSON text GET /auth/me answers) inlined; null when no screen was built for the user's role.
 */
export function signedInOverviewPage(
  indexHtml: string,
  overview: PrerenderedOverview,
  language: string,
  user: { name: string; role: string },
  currentUserJson: string,
): string | null {
  const screen = overview.screens[language] ?? overview.screens['en'];
  const markup = screen?.roles[user.role];
  if (!screen || !markup) return null;
  // One pass: a name that itself reads "{{initials}}" is written as it is.
  const html = markup.replace(/\{\{(name|initials)\}\}/g, (_, marker: string) =>
    escapeHtml(marker === 'name' ? user.name : initials(user.name)),
  );
  return firstScreenPage(indexHtml, {
    language: overview.screens[language] ? language : 'en',
    dir: screen.dir,
    title: screen.title,
    html,
    css: overview.firstScreenCss,
    data: { [CURRENT_USER_DATA_ID]: currentUserJson },
  });
}
