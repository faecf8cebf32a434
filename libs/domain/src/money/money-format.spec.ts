import { formatMoneyIn, moneyNumberFormat } from './money-format';

describe('formatMoneyIn', () => {
  it("writes an amount in the reader's language, to the cent", () => {
    expect(formatMoneyIn('en', '1234567.5')).toBe('$1,234,567.50');
    expect(formatMoneyIn('fr', '1234.5')).toMatch(/^1\s234,50\s\$US$/);
    expect(formatMoneyIn('en', '0.10', 'EUR')).toBe('€0.10');
  });

  it('keeps every cent of amounts beyond the precision of a float', () => {
    expect(formatMoneyIn('en', '90071992547409.99')).toBe('$90,071,992,547,409.99');
  });

  it('shows no decimals a currency does not have, and a bare number for an unknown code', () => {
    expect(formatMoneyIn('en', '1500', 'JPY')).toBe('¥1,500');
    expect(moneyNumberFormat('en', 'not a code').format(12)).toBe('12.00');
  });
});
