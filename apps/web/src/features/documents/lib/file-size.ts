import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in bytes as the reader's language writes it: "182 kB", "1.4 MB" (decimal units). */
export function useFileSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const formats = UNITS.map(
      (unit) =>
        new Intl.NumberFormat(locale, {
          style: 'unit',
          unit,
          unitDisplay: 'short',
          maximumFractionDigits: 1,
        }),
    );
    return (bytes: number) => {
      let value = bytes;
      let index = 0;
      while (value >= 1000 && index < UNITS.length - 1) {
        value /= 1000;
        index += 1;
      }
      return formats[index]!.format(value);
    };
  }, [locale]);
}
