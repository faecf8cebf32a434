import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { alpha3ToAlpha2 } from './country-codes';
import { countryOptionsQueryOptions } from './country-options';
import { useFormatters } from './format';

interface CountryNameOptions {
  /**
   * Whether to load the API's list of countries for the codes that come without a name (the default).
   * Screens whose answers name every country they carry (the overview's sections, a country's page)
   * pass false and ask the API for nothing more.
   */
  loadList?: boolean;
}

/**
 * A country's name in the reader's language from its ISO 3166-1 alpha-3 code: in English the UN M49
 * name the API keeps (the one given, or the API's list for screens whose data carry only codes, such
 * as the reviewer's queue), in the other languages the browser's CLDR name (Intl.DisplayNames).
 */
export function useCountryName({ loadList = true }: CountryNameOptions = {}) {
  const { countryName, locale } = useFormatters();
  const { data: countries } = useQuery({ ...countryOptionsQueryOptions, enabled: loadList });
  const official = useMemo(
    () => new Map((countries ?? []).map((country) => [country.iso3, country.name])),
    [countries],
  );
  return useCallback(
    (iso3: string, fallback?: string | null) => {
      const english = fallback ?? official.get(iso3.toUpperCase()) ?? null;
      if (locale === 'en' && english) return english;
      return countryName(alpha3ToAlpha2(iso3) ?? null, english ?? iso3);
    },
    [countryName, locale, official],
  );
}
