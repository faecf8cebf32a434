import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers, dates and place names in the reader's language, through Intl. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    let regionNames: Intl.DisplayNames | null = null;
    try {
      regionNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null;
    }
    return {
      locale,
      number: (value: number) => numberFormat.format(value),
      date: (value: string | Date) => {
        const date = typeof value === 'string' ? new Date(value) : value;
        return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
      },
      /** A country's name from its ISO 3166-1 alpha-2 code, or the fallback when Intl does not know it. */
      countryName: (iso2: string | null | undefined, fallback: string) => {
        if (!iso2 || !regionNames) return fallback;
        try {
          return regionNames.of(iso2.toUpperCase()) ?? fallback;
        } catch {
          return fallback;
        }
      },
    };
  }, [locale]);
}
