import { alpha3ToAlpha2 } from './country-codes';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from './format';

type Decimal = `${number}`;

/** Money, dates and country names of the project screens, in the reader's language. */
export function useProjectFormat() {
  const { i18n } = useTranslation();
  const { countryName, number, date: day, moneyCompact } = useFormatters();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const whole = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    const cents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
    const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const shortList = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' });
    // In right-to-left text an amount is kept as one left-to-right run, so "US$" never splits from its figure.
    const rtl = locale === 'ar' || locale.startsWith('ar-');
    const isolate = (text: string) => (rtl ? `\u2066${text}\u2069` : text);
    // The API's names are the UN's official English names; other languages get the browser's (CLDR) names.
    const english = locale === 'en' || locale.startsWith('en-');
    const country = (iso3: string, apiName?: string | null) => {
      if (english && apiName) return apiName;
      const iso2 = alpha3ToAlpha2(iso3);
      return countryName(iso2, apiName ?? iso3);
    };
    return {
      locale,
      number,
      /** US dollars from the API's decimal string, exact (formatted from the string, not a float). */
      money: (amount: string | null | undefined) => {
        if (amount === null || amount === undefined || amount === '') return '—';
        const format = /\.(?!0+$)\d+$/.test(amount) ? cents : whole;
        return isolate(format.format(amount as Decimal));
      },
      moneyCompact: (amount: string) => isolate(moneyCompact(amount)),
      date: (value: string | null | undefined) => (value ? day(value) || value : '—'),
      dateTime: (value: string) => {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : instant.format(date);
      },
      country,
      countries: (codes: readonly string[], names?: ReadonlyMap<string, string>) =>
        list.format(codes.map((code) => country(code, names?.get(code)))),
      list: (items: readonly string[]) => list.format(items),
      /** Items separated the reader's way ("Mali, Niger"; "مالي، النيجر"), without a conjunction. */
      shortList: (items: readonly string[]) => shortList.format(items),
    };
  }, [locale, countryName, number, day, moneyCompact]);
}

export type ProjectFormat = ReturnType<typeof useProjectFormat>;
