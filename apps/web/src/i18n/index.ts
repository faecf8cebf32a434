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
import { englishTranslations, loadTranslations } from './resources';

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    loadTranslations(language).then(
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

export function initI18n(language: string = detectLanguage()): Promise<unknown> {
  i18n.on('languageChanged', (lng) => {
    applyDocumentLanguage(lng);
    if (isLanguage(lng)) rememberLanguage(lng);
  });
  return i18n
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES.map((l) => l.code),
      load: 'languageOnly',
      resources: { en: { translation: englishTranslations } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
}
