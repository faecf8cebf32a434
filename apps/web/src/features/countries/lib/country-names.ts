import { alpha3ToAlpha2 } from '../../../lib/country-codes';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';

/** The ISO 3166-1 alpha-2 code of an alpha-3 one. */
export function iso2Of(iso3: string): string | undefined {
  return alpha3ToAlpha2(iso3);
}

/**
 * A country's name in the reader's language from its alpha-3 code: the API's (the UN's official
 * English name) in English, the browser's CLDR name (Intl.DisplayNames) in the other languages.
 */
export function useCountryName() {
  const { i18n } = useTranslation();
  const { countryName } = useFormatters();
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return useCallback(
    (iso3: string, englishName: string) => (english ? englishName : countryName(iso2Of(iso3), englishName)),
    [english, countryName],
  );
}
