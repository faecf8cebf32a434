import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  detectLanguage,
  directionOf,
  isLanguage,
  rememberLanguage,
} from './languages';
import { englishCore, loadEnglishFeatures, loadEnglishPublicPage, loadTranslations } from './resources';

/** Whether the features' strings are wanted yet: the sign-in page shows only the shell's. */
let featuresWanted = false;
let publicPageWanted = false;

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    const load =
      language === DEFAULT_LANGUAGE
        ? featuresWanted
          ? loadEnglishFeatures()
          : publicPageWanted
            ? loadEnglishPublicPage()
            : Promise.resolve({})
        : loadTranslations(language);
    load.then(
      (translations) => callback(null, translations),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Sets `lang` and `dir` on <html> so that screen readers, fonts and CSS logical properties follow the language. */
export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export const i18n = i18next.createInstance();

/**
 * A Russian date ends in "г." (year), so a sentence that ends with one read "7 дек. 2026 г.." The
 * abbreviation's point ends the sentence too, as Russian typography writes it.
 */
const oneFinalPoint = {
  type: 'postProcessor' as const,
  name: 'oneFinalPoint',
  process: (value: string) => value.replace(/(\d\s?г)\.\./gu, '$1.'),
};

export function initI18n(language: string = detectLanguage()): Promise<unknown> {
  i18n.on('languageChanged', (lng) => {
    applyDocumentLanguage(lng);
    if (isLanguage(lng)) rememberLanguage(lng);
  });
  return i18n
    .use(lazyBackend)
    .use(oneFinalPoint)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES.map((l) => l.code),
      load: 'languageOnly',
      resources: { [DEFAULT_LANGUAGE]: { translation: englishCore } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      postProcess: ['oneFinalPoint'],
      returnNull: false,
      react: { useSuspense: false },
    });
}

/**
 * Adds the features' English strings, for the signed-in screens (the router loads them with the
 * shell). English is every language's fallback, so they are added whatever the reader's language.
 */
export async function loadFeatureTranslations(): Promise<void> {
  if (featuresWanted) return;
  featuresWanted = true;
  const english = await loadEnglishFeatures();
  i18n.addResourceBundle(DEFAULT_LANGUAGE, 'translation', english, true, false);
}

/**
 * The public page's English strings alone, for /fund: a visitor without an account downloads none of
 * the signed-in screens' (the features' English strings are 27 KB compressed, the public page's 2).
 */
export async function loadPublicPageTranslations(): Promise<void> {
  if (featuresWanted || publicPageWanted) return;
  publicPageWanted = true;
  i18n.addResourceBundle(DEFAULT_LANGUAGE, 'translation', await loadEnglishPublicPage(), true, false);
}
