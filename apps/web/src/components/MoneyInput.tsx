import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { groupAmount, plainDecimal } from '../lib/amount';
import { useIntl } from '../lib/intl';

interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The amount as a plain decimal string ("1000000.50"), or what was typed when it is none. */
  value: string;
  onChange: (value: string) => void;
  /** The currency's sign shown before the figure; none for a currency picked beside it. */
  currencySign?: string | null;
}

/**
 * An amount of money as the reader writes it: typed with their decimal mark and grouping, read by
 * the one amount parser (lib/amount), shown grouped in their language once left.
 */
export function MoneyInput({
  value,
  onChange,
  currencySign = 'US$',
  onFocus,
  onBlur,
  ...props
}: MoneyInputProps) {
  const { locale } = useIntl();
  // What the reader is typing, kept as typed while the field has focus.
  const [typing, setTyping] = useState<string | null>(null);
  const shown = typing ?? (/^\d+(\.\d{1,2})?$/.test(value) ? groupAmount(value, locale) : value);
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      dir="ltr"
      leftSection={
        currencySign ? (
          <Text size="xs" c="dimmed">
            {currencySign}
          </Text>
        ) : undefined
      }
      {...props}
      value={shown}
      onFocus={(event) => {
        setTyping(shown);
        onFocus?.(event);
      }}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setTyping(text);
        onChange(plainDecimal(text, locale));
      }}
      onBlur={(event) => {
        setTyping(null);
        onBlur?.(event);
      }}
    />
  );
}
