import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Formatters = ReturnType<typeof createFormatters>;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * One set per language for the whole app: building Intl formatters is slow (a DisplayNames alone
 * loads locale data), and every table cell, chart and card of a screen asks for them.
 */
const formattersByLocale = new Map<string, Formatters>();

/** Numbers, dates and place names in the reader's language, through Intl. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => formattersFor(locale), [locale]);
}

/** The same formatters outside a component (the other formatting modules build on them). */
export function formattersFor(locale: string): Formatters {
  let formatters = formattersByLocale.get(locale);
  if (!formatters) {
    formatters = createFormatters(locale);
    formattersByLocale.set(locale, formatters);
  }
  return formatters;
}

/**
 * Builds a language's formatters before a screen asks for them. The page's first Intl formatter
 * loads ICU's locale data (some 35 ms, 140 ms on Lighthouse's slowed phone): the router does it
 * while the signed-in screen's code downloads rather than in the middle of its first render. Each
 * kind in a task of its own, after the one that called: together with the app's start they made
 * one task of 400–600 ms on the slowed phone, which blocked every input meanwhile.
 */
export function prepareFormatters(locale: string): void {
  const formatters = formattersFor(locale);
  setTimeout(() => formatters.number(0), 0);
  setTimeout(() => formatters.date('2000-01-01'), 0);
}

/**
 * Built on first use: each kind of Intl formatter loads locale data of its own (the sign-in page,
 * which formats one number only after a refusal, spent 230 ms of a slowed phone building the four).
 */
function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function createFormatters(locale: string) {
  const numberFormat = lazily(() => new Intl.NumberFormat(locale));
  // A calendar date of the API ("2023-03-01") names a day, not an instant: read as midnight UTC and
  // shown in UTC, it is the same day in New York as in Bangkok. An instant shows the reader's day.
  const calendarDay = lazily(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const localDay = lazily(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  const compactMoney = new Map<string, Intl.NumberFormat>();
  const narrowList = lazily(() => new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }));
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
    number: (value: number) => numberFormat().format(value),
    /** The day a calendar date ("2023-03-01") names, or the reader's day of an instant; '' when unreadable. */
    date: (value: string | Date) => {
      if (typeof value === 'string' && CALENDAR_DATE.test(value)) {
        const day = new Date(`${value}T00:00:00Z`);
        return Number.isNaN(day.getTime()) ? '' : calendarDay().format(day);
      }
      const date = typeof value === 'string' ? new Date(value) : value;
      return Number.isNaN(date.getTime()) ? '' : localDay().format(date);
    },
    /** Money in short, the one way every screen writes a headline figure: "$177.4M", "177,4 M$US". */
    moneyCompact: (amount: string | number, currency = 'USD') => {
      let format = compactMoney.get(currency);
      if (!format) {
        try {
          format = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            notation: 'compact',
            // Without the minimum, a currency's own two decimals turn $180M into "$180.0M".
            minimumFractionDigits: 0,
            maximumFractionDigits: 1,
          });
        } catch {
          format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
        }
        compactMoney.set(currency, format);
      }
      return format.format(
        typeof amount === 'number' || !DECIMAL.test(amount)
          ? Number(amount)
          : (amount as Intl.StringNumericLiteral),
      );
    },
    /** Names separated the reader's way ("Mali, Niger"; "马里、尼日尔"; "مالي، النيجر"). */
    shortList: (items: readonly string[]) => narrowList().format(items),
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
