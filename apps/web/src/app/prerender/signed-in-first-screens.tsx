import { QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { ROLES, type Role } from '@hstf/domain';
import { Route, Routes } from 'react-router';
import { OverviewRoute } from '../../features/overview/routes/OverviewRoute';
import { directionOf, type Language } from '../../i18n/languages';
import { drawInEachLanguage } from '../../i18n/prerender';
import { currentUserQuery, type User } from '../../lib/auth';
import { Shell } from '../layout/AppLayout';
import { createQueryClient } from '../query-client';
import { renderScreen } from './render-screen';

/**
 * Where the API writes the signed-in user's name and initials (the avatar's letters): markers no
 * translation contains. The avatar shows the initials of the name marker, a lone "{", which the
 * build turns into its own marker.
 */
export const USER_MARKERS = { name: '{{name}}', initials: '{{initials}}' } as const;

export interface SignedInFirstScreens {
  dir: 'ltr' | 'rtl';
  /** The document's title, as the overview sets it. */
  title: string;
  /** Markup for #root per role, with USER_MARKERS where the user's name and initials go. */
  roles: Record<Role, string>;
}

/** The reader of a prerendered screen: their name is the name marker, their role each role in turn. */
const PRERENDERED_USER: User = {
  id: '00000000-0000-4000-8000-000000000000',
  email: 'user@example.org',
  name: USER_MARKERS.name,
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/**
 * The overview, the first screen after signing in, in each language and for each role: the shell
 * and the route's first render (the greeting, and skeletons where the figures will be), drawn at
 * build time (scripts/prerender-first-screens.mjs) from the components the app renders. The API
 * sends it inside index.html to a reader with a live session, their name filled in, so a phone
 * paints it before any script has run; React then draws the same screen over it.
 */
export function renderSignedInFirstScreens(): Promise<Record<Language, SignedInFirstScreens>> {
  return drawInEachLanguage((i18n, code): SignedInFirstScreens => {
    const dir = directionOf(code);
    const roles: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const html = renderSignedInScreen(i18n, '/', role, <Route index element={<OverviewRoute />} />);
      roles[role] = withInitialsMarker(html);
    }
    return {
      dir,
      title: `${i18n.t('nav.overview')} · ${i18n.t('app.name')}`,
      roles: roles as Record<Role, string>,
    };
  });
}

/**
 * A signed-in screen as the build draws it: `route` inside the shell at `path`, for the prerendered
 * user in `role`, with `answers` (query key and data) in React Query's cache as the API inlines them.
 */
export function renderSignedInScreen(
  i18n: I18n,
  path: string,
  role: Role,
  route: ReactElement,
  answers: readonly (readonly [QueryKey, unknown])[] = [],
): string {
  const user: User = { ...PRERENDERED_USER, role };
  const queryClient = createQueryClient();
  queryClient.setQueryData(currentUserQuery.queryKey, user);
  for (const [key, data] of answers) queryClient.setQueryData(key, data);
  const html = renderScreen(
    i18n,
    path,
    <QueryClientProvider client={queryClient}>
      <Routes>
        <Route element={<Shell user={user} />}>{route}</Route>
      </Routes>
    </QueryClientProvider>,
  );
  queryClient.clear();
  return html;
}

/** The avatar's letters, which the shell computed from the name marker ("{"), as their own marker. */
export function withInitialsMarker(html: string): string {
  const avatarLetters = />\{</g;
  const found = html.match(avatarLetters)?.length ?? 0;
  if (found !== 1) throw new Error(`Expected the avatar's letters once in the first screen, found ${found}`);
  return html.replace(avatarLetters, `>${USER_MARKERS.initials}<`);
}
