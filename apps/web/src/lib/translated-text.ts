import { translatedText, type Translations } from '@hstf/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export { translatedText, type Translations };

/** `translatedText` in the reader's language. */
export function useTranslatedText() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (original: string, translations: Translations) => translatedText(original, translations, language),
    [language],
  );
}
