import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyNumberFormat } from '@hstf/domain';
import { formattersFor } from './format';

type IntlFormatters = ReturnType<typeof createIntl>;

/** Built once per language and shared by every component: Intl formatters are slow to build. */
const intlByLocale = new Map<string, IntlFormatters>();

/**
 * Money, dates and times in the reader's language. Amounts arrive as decimal strings and are handed
 * to Intl as strings, so no cent is lost to a float; calendar dates ("2024-03-31") are shown as the
 * day they name, whatever the reader's time zone.
 */
export function useIntl() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    let formatters = intlByLocale.get(locale);
    if (!formatters) {
      formatters = createIntl(locale);
      intlByLocale.set(locale, formatters);
    }
    return formatters;
  }, [locale]);
}

function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function createIntl(locale: string) {
  const cache = new Map<string, Intl.NumberFormat>();
  const shared = formattersFor(locale);
  const moneyFormat = (currency: string) => {
    let format = cache.get(currency);
    if (!format) {
      format = moneyNumberFormat(locale, currency);
      cache.set(currency, format);
    }
    return format;
  };
  // Each built on first use, as in format.ts: each kind loads locale data of its own, and the public
  // page, which shows money only, spent some 25 ms (100 ms on a slowed phone) building all six.
  const dateTime = lazily(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const time = lazily(() => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
  const integer = lazily(() => new Intl.NumberFormat(locale));
  const rate = lazily(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 8 }));
  const signed = lazily(
    () =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 3,
        signDisplay: 'exceptZero',
      }),
  );
  const decimal = lazily(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  // Built on first use, like every DisplayNames: it loads the names of every currency.
  let currencyNames: Intl.DisplayNames | null | undefined;
  const currencies = () => {
    if (currencyNames === undefined) {
      try {
        currencyNames = new Intl.DisplayNames([locale], { type: 'currency' });
      } catch {
        currencyNames = null;
      }
    }
    return currencyNames;
  };
  const parse = (value: string) => new Date(value);
  return {
    locale,
    /** "1234.50" in USD → "$1,234.50" (or "1 234,50 $US" in French). */
    money: (amount: string, currency = 'USD') =>
      moneyFormat(currency).format(amount as Intl.StringNumericLiteral),
    /** A short form for headline figures: "$12.3M". */
    moneyCompact: (amount: string, currency = 'USD') => shared.moneyCompact(amount, currency),
    /** A calendar date of the API ("2024-03-31"). */
    calendarDate: (value: string | null | undefined) =>
      value ? shared.date(value.slice(0, 10)) || value : '',
    /** An instant of the API ("2024-03-31T09:00:00Z"), in the reader's time zone. */
    dateTime: (value: string | null | undefined) => {
      if (!value) return '';
      const date = parse(value);
      return Number.isNaN(date.getTime()) ? value : dateTime().format(date);
    },
    time: (value: Date) => time().format(value),
    integer: (value: number) => integer().format(value),
    decimal: (value: number | string) => decimal().format(value as number),
    rate: (value: string) => rate().format(value as Intl.StringNumericLiteral),
    signed: (value: number) => signed().format(value),
    currencyName: (code: string) => {
      try {
        return currencies()?.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
