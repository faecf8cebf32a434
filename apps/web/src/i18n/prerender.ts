import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';
import { englishCore, loadEnglishFeatures, loadTranslations } from './resources';

/**
 * An i18next instance of its own holding every language's strings, the shell's and the features',
 * for rendering screens at build time (the prerendered first screens): the app's instance loads
 * one language at a time, as the reader needs it.
 */
export async function createPrerenderI18n(): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    resources: { [DEFAULT_LANGUAGE]: { translation: englishCore } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  instance.addResourceBundle(DEFAULT_LANGUAGE, 'translation', await loadEnglishFeatures(), true, false);
  for (const { code } of LANGUAGES)
    if (code !== DEFAULT_LANGUAGE)
      instance.addResourceBundle(code, 'translation', await loadTranslations(code), true, false);
  return instance;
}

/**
 * A page's prerendered screens by language: `draw` called in each language in turn, with an instance
 * holding every string (createPrerenderI18n) switched to it.
 */
export async function drawInEachLanguage<S>(
  draw: (i18n: I18n, language: Language) => S,
): Promise<Record<Language, S>> {
  const i18n = await createPrerenderI18n();
  const screens: Partial<Record<Language, S>> = {};
  for (const { code } of LANGUAGES) {
    await i18n.changeLanguage(code);
    screens[code] = draw(i18n, code);
  }
  return screens as Record<Language, S>;
}
