/** The ISO 4217 currencies the browser knows (the API accepts the same list, from its own ICU). */
export function currencyCodes(): string[] {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return ['USD', 'EUR', 'JPY', 'GBP', 'CHF', 'NOK', 'SEK', 'DKK', 'AUD', 'CAD', 'KRW', 'CNY'];
  }
}

/** The currencies donors most often contribute in, offered first. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'JPY', 'GBP', 'CHF', 'NOK', 'SEK', 'AUD', 'CAD', 'KRW'];
