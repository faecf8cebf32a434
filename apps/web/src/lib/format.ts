import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Formatters = ReturnType<typeof createFormatters>;

/**
 * One set per language for the whole app: building Intl formatters is slow (a DisplayNames alone
 * loads locale data), and every table cell, chart and card of a screen asks for them.
 */
const formattersByLocale = new Map<string, Formatters>();

/** Numbers, dates and place names in the reader's language, through Intl. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    let formatters = formattersByLocale.get(locale);
    if (!formatters) {
      formatters = createFormatters(locale);
      formattersByLocale.set(locale, formatters);
    }
    return formatters;
  }, [locale]);
}

/**
 * Builds a language's formatters before a screen asks for them. The page's first Intl formatter
 * loads ICU's locale data (some 35 ms, 140 ms on Lighthouse's slowed phone): the router does it
 * while the signed-in screen's code downloads rather than in the middle of its first render.
 */
export function prepareFormatters(locale: string): void {
  if (!formattersByLocale.has(locale)) formattersByLocale.set(locale, createFormatters(locale));
}

function createFormatters(locale: string) {
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  // Built on first use: it loads every region's name, and most screens never ask for one.
  let regionNames: Intl.DisplayNames | null | undefined;
  const regions = () => {
    if (regionNames === undefined) {
      try {
        regionNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      } catch {
        regionNames = null;
      }
    }
    return regionNames;
  };
  return {
    locale,
    number: (value: number) => numberFormat.format(value),
    date: (value: string | Date) => {
      const date = typeof value === 'string' ? new Date(value) : value;
      return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
    },
    /** A country's name from its ISO 3166-1 alpha-2 code, or the fallback when Intl does not know it. */
    countryName: (iso2: string | null | undefined, fallback: string) => {
      const names = iso2 ? regions() : null;
      if (!iso2 || !names) return fallback;
      try {
        return names.of(iso2.toUpperCase()) ?? fallback;
      } catch {
        return fallback;
      }
    },
  };
}
