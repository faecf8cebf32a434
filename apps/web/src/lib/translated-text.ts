import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A text's translations, by language code ({"fr": "…"}), as the API answers them. */
export type Translations = Partial<Record<string, string>> | null | undefined;

/** The text in `language` when someone wrote it in that language, else the text as first written. */
export function translatedText(original: string, translations: Translations, language: string): string {
  const translated = translations?.[language.slice(0, 2)];
  return translated?.trim() ? translated : original;
}

/** `translatedText` in the reader's language. */
export function useTranslatedText() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (original: string, translations: Translations) => translatedText(original, translations, language),
    [language],
  );
}
