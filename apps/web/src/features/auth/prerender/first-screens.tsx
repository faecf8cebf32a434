import { QueryClientProvider } from '@tanstack/react-query';
import { renderScreen } from '../../../app/prerender/render-screen';
import { createQueryClient } from '../../../app/query-client';
import { directionOf, type Language } from '../../../i18n/languages';
import { drawInEachLanguage } from '../../../i18n/prerender';
import { SIGN_IN_PATH } from '../../../lib/auth';
import { SignInForm } from '../components/SignInForm';
import { SignInScreen } from '../components/SignInScreen';

export interface PrerenderedSignIn {
  dir: 'ltr' | 'rtl';
  /** The document's title, as the route sets it. */
  title: string;
  /** The sign-in page's markup for index.html's #root: it carries nothing of anyone's. */
  html: string;
}

/**
 * The sign-in page in each language, rendered at build time (scripts/prerender-first-screens.mjs)
 * from the components the route draws: the API sends it inside index.html to a reader without a
 * session, so a phone paints it before any script has run, and React then draws the same page over
 * it, keeping what was typed (../lib/typed-before-scripts.ts).
 */
export function renderSignInFirstScreens(): Promise<Record<Language, PrerenderedSignIn>> {
  return drawInEachLanguage((i18n, code): PrerenderedSignIn => {
    const queryClient = createQueryClient();
    const html = renderScreen(
      i18n,
      SIGN_IN_PATH,
      <QueryClientProvider client={queryClient}>
        <SignInScreen form={<SignInForm onSignedIn={() => undefined} />} />
      </QueryClientProvider>,
    );
    queryClient.clear();
    return { dir: directionOf(code), title: `${i18n.t('auth.title')} · ${i18n.t('app.name')}`, html };
  });
}
