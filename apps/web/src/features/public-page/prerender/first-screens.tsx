import { DirectionProvider, MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { cssVariablesResolver, theme } from '../../../app/theme';
import { DEFAULT_LANGUAGE, LANGUAGES, directionOf, type Language } from '../../../i18n/languages';
import { englishCore, loadEnglishFeatures, loadTranslations } from '../../../i18n/resources';
import {
  PublicFigures,
  PublicFundFrame,
  PublicFundHeading,
  type FigureTexts,
} from '../components/PublicFundFirstScreen';

/**
 * Where the API writes each figure, formatted for the reader: markers no translation contains,
 * which React writes as they are (no character of them is escaped).
 */
export const FIGURE_MARKERS: FigureTexts = {
  received: '{{received}}',
  committed: '{{committed}}',
  transferred: '{{transferred}}',
};

export interface PrerenderedFirstScreen {
  dir: 'ltr' | 'rtl';
  /** The document's title, as the route sets it. */
  title: string;
  /** The first screen's markup, for index.html's #root, with FIGURE_MARKERS where the figures go. */
  html: string;
}

/**
 * /fund's first screen in each language, rendered at build time (scripts/prerender-public-page.mjs)
 * from the components the route draws, with the providers the app wraps them in: the API fills in
 * the figures and sends it inside index.html, so a phone paints it before any script has run.
 */
export async function renderFirstScreens(): Promise<Record<Language, PrerenderedFirstScreen>> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    resources: { [DEFAULT_LANGUAGE]: { translation: englishCore } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  i18n.addResourceBundle(DEFAULT_LANGUAGE, 'translation', await loadEnglishFeatures(), true, false);
  const screens: Partial<Record<Language, PrerenderedFirstScreen>> = {};
  for (const { code } of LANGUAGES) {
    if (code !== DEFAULT_LANGUAGE)
      i18n.addResourceBundle(code, 'translation', await loadTranslations(code), true, false);
    await i18n.changeLanguage(code);
    const dir = directionOf(code);
    const html = renderToString(
      <I18nextProvider i18n={i18n}>
        <DirectionProvider initialDirection={dir} detectDirection={false}>
          <MantineProvider
            theme={theme}
            cssVariablesResolver={cssVariablesResolver}
            defaultColorScheme="light"
          >
            <MemoryRouter initialEntries={['/fund']}>
              <PublicFundFrame>
                <PublicFundHeading />
                <PublicFigures figures={FIGURE_MARKERS} busy={false} />
              </PublicFundFrame>
            </MemoryRouter>
          </MantineProvider>
        </DirectionProvider>
      </I18nextProvider>,
    );
    screens[code] = { dir, title: `${i18n.t('publicPage.title')} · ${i18n.t('app.name')}`, html };
  }
  return screens as Record<Language, PrerenderedFirstScreen>;
}
