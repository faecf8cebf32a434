import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattersFor } from './format';

/** A decimal string of the API ("1234.50") as a number, for charts and sums on screen; 0 when unreadable. */
export function toNumber(value: string | number | null | undefined): number {
  const number = typeof value === 'number' ? value : Number(value ?? 0);
  return Number.isFinite(number) ? number : 0;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Exact formatting of a decimal string (Intl.NumberFormat v3 reads strings without going through a float). */
function exact(value: string | number): number | Intl.StringNumericLiteral {
  if (typeof value === 'number') return value;
  return DECIMAL.test(value) ? (value as Intl.StringNumericLiteral) : toNumber(value);
}

type Figures = ReturnType<typeof createFigures>;

/** Built once per language and shared by every component: Intl formatters are slow to build. */
const figuresByLocale = new Map<string, Figures>();

/** Money, counts, shares and years in the reader's language, through Intl.NumberFormat. */
export function useFigures() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    let formatters = figuresByLocale.get(locale);
    if (!formatters) {
      formatters = createFigures(locale);
      figuresByLocale.set(locale, formatters);
    }
    return formatters;
  }, [locale]);
}

function createFigures(locale: string) {
  const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale);
  const year = new Intl.NumberFormat(locale, { useGrouping: false });
  const amounts = new Map<string, Intl.NumberFormat>();
  return {
    /** US dollars to the cent: "US$1,234.50", "1 234,50 $US". */
    usd: (value: string | number) => usd.format(exact(value)),
    /** US dollars in short, as on every screen: "$1.2M", "1,2 M$US". */
    usdCompact: (value: string | number) => formattersFor(locale).moneyCompact(toNumber(value)),
    /** An amount in its own currency (ISO 4217). */
    amount: (value: string, currency: string) => {
      let format = amounts.get(currency);
      if (!format) {
        try {
          format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        } catch {
          format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 });
        }
        amounts.set(currency, format);
      }
      return format.format(exact(value));
    },
    /** A share of a whole; a sliver above zero reads "< 0.1%", not "0%". */
    percent: (share: number) =>
      share > 0 && share < 0.001 ? `< ${percent.format(0.001)}` : percent.format(share),
    number: (value: number) => count.format(value),
    /** A calendar year, without a thousands separator: "2024", "٢٠٢٤". */
    year: (value: number) => year.format(value),
  };
}
