import type { Row } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Orders numbers as numbers and text as the reader's language does ("Ö" near "O", "10" after "9"):
 * the order of every list sorted here, as a table or as a phone's cards.
 */
export function useCompare<T>() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { numeric: true, sensitivity: 'base' });
    return (a: Row<T>, b: Row<T>, id: string) => {
      const x = a.getValue<unknown>(id);
      const y = b.getValue<unknown>(id);
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return collator.compare(String(x), String(y));
    };
  }, [i18n.language]);
}
