/** How many decimals a currency shows, capped at the two the ledger keeps (the yen shows none). */
function fractionDigits(currency: string): { min: number; max: number } {
  try {
    const own = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    return { min: Math.min(own.minimumFractionDigits ?? 2, 2), max: 2 };
  } catch {
    return { min: 2, max: 2 };
  }
}

/**
 * An amount in the reader's language, as the dashboard shows it and as the API writes it into the
 * pages it sends prerendered: one definition, so the figure painted first is the one React paints.
 * An unknown currency code falls back to the bare number with two decimals.
 */
export function moneyNumberFormat(locale: string, currency: string): Intl.NumberFormat {
  const digits = fractionDigits(currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits.min,
      maximumFractionDigits: digits.max,
    });
  } catch {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
}

/**
 * "1234.50" in USD → "$1,234.50" (or "1 234,50 $US" in French). The decimal string is handed to
 * Intl as it is, so no cent is lost to a float.
 */
export function formatMoneyIn(locale: string, amount: string, currency = 'USD'): string {
  return moneyNumberFormat(locale, currency).format(amount as unknown as number);
}
