import { alpha3ToAlpha2 } from './country-codes';
import { useCallback } from 'react';
import { useFormatters } from './format';

/**
 * A donor's name in the reader's language: a Member State is named as its country is in that
 * language (so an Arabic sentence reads "وقدمت اليابان", not "وقدمت Japan"); any other donor, and
 * every donor in English, by the name it was recorded with. Reads no list from the API, so the
 * public page can use it.
 */
export function useDonorName() {
  const { countryName, locale } = useFormatters();
  return useCallback(
    (name: string, countryIso3: string | null | undefined) =>
      countryIso3 && locale !== 'en' ? countryName(alpha3ToAlpha2(countryIso3) ?? null, name) : name,
    [countryName, locale],
  );
}
