import { alpha3ToAlpha2 } from 'i18n-iso-countries';
import { useCallback } from 'react';
import { useFormatters } from './format';

/**
 * A country's name in the reader's language from its ISO 3166-1 alpha-3 code (CLDR names through
 * Intl.DisplayNames), or the API's English name when the browser does not know it.
 */
export function useCountryName() {
  const { countryName, locale } = useFormatters();
  return useCallback(
    (iso3: string, fallback?: string | null) => {
      const english = fallback ?? iso3;
      if (locale === 'en' && fallback) return fallback;
      return countryName(alpha3ToAlpha2(iso3) ?? null, english);
    },
    [countryName, locale],
  );
}
