import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from './country-name';

/**
 * A donor's name in the reader's language: a Member State is named as its country is (so an Arabic
 * sentence reads "وقدمت اليابان", not "وقدمت Japan"); any other donor by the name it was recorded with.
 */
export function useDonorName() {
  const { i18n } = useTranslation();
  const countryName = useCountryName();
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return useCallback(
    (name: string, countryIso3: string | null | undefined) =>
      countryIso3 && !english ? countryName(countryIso3, name) : name,
    [countryName, english],
  );
}
