/** The six official languages of the United Nations, in the order the UN lists them. */
export const LANGUAGES = [
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'zh', nativeName: '中文', dir: 'ltr' },
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'ru', nativeName: 'Русский', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', dir: 'ltr' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';

export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'hstf.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && LANGUAGES.some((language) => language.code === value);
}

export function directionOf(language: string): TextDirection {
  return LANGUAGES.find((l) => l.code === language)?.dir ?? 'ltr';
}

/** The language remembered for this browser, else the first of the browser's languages we speak. */
export function detectLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; fall through to the browser's preference.
  }
  const preferred = window.navigator.languages?.length
    ? window.navigator.languages
    : [window.navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * Where the API reads the chosen language, to send a first screen drawn in it
 * (apps/api/src/common/first-screen): storage stays the dashboard's own record.
 */
export const LANGUAGE_COOKIE = 'hstf-language';

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered when storage is disabled; the choice still applies to this visit.
  }
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
