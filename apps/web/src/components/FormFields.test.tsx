import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { renderWithProviders } from '../testing/render';
import { dateParserFor } from '../lib/dates';
import { DateField } from './DateField';
import { MoneyInput } from './MoneyInput';

function Money({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <MoneyInput label="Amount" value={value} onChange={setValue} />
      <output data-testid="sent">{value}</output>
    </>
  );
}

function When({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Start date" value={value} onChange={setValue} />
      <output data-testid="sent">{value}</output>
    </>
  );
}

describe('MoneyInput', () => {
  it('keeps what is typed, holds the amount as the API reads it, and groups it once left', () => {
    renderWithProviders(<Money />);
    const input = screen.getByRole('textbox', { name: 'Amount' });
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '1250000,5' } });
    expect(input).toHaveValue('1250000,5');
    expect(screen.getByTestId('sent')).toHaveTextContent('1250000.5');
    fireEvent.blur(input);
    expect(input).toHaveValue('1,250,000.50');
  });

  it('groups thousands as the reader writes them', async () => {
    await i18n.changeLanguage('fr');
    renderWithProviders(<Money initial="1000000.5" />);
    expect(screen.getByRole('textbox', { name: 'Amount' })).toHaveValue('1\u202f000\u202f000,50');
  });
});

describe('DateField', () => {
  it('reads a typed date in the order of the reader’s language, or as the API writes it', () => {
    expect(dateParserFor('en')('12/31/2026')).toBe('2026-12-31');
    expect(dateParserFor('fr')('31/12/2026')).toBe('2026-12-31');
    expect(dateParserFor('ru')('31.12.2026')).toBe('2026-12-31');
    expect(dateParserFor('zh')('2026/12/31')).toBe('2026-12-31');
    expect(dateParserFor('ar')('2026-12-31')).toBe('2026-12-31');
    expect(dateParserFor('fr')('31/02/2026')).toBeNull();
    expect(dateParserFor('en')('soon')).toBeNull();
  });

  it('shows the date in Arabic as Intl writes it, never the browser’s mm/dd/yyyy', async () => {
    await i18n.changeLanguage('ar');
    renderWithProviders(<When initial="2026-03-10" />);
    const input = screen.getByRole('textbox', { name: 'Start date' });
    const arabic = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date('2026-03-10T00:00:00Z'),
    );
    expect(input).toHaveValue(arabic);
    expect(input).not.toHaveAttribute('type', 'date');
    expect(String((input as HTMLInputElement).value)).not.toMatch(/mm|dd|yyyy/i);
    fireEvent.change(input, { target: { value: '2026-04-01' } });
    expect(screen.getByTestId('sent')).toHaveTextContent('2026-04-01');
  });

  it('names its clear button in the reader’s language, so a screen reader can say what it does', async () => {
    await i18n.changeLanguage('fr');
    renderWithProviders(<When initial="2026-03-10" />);
    fireEvent.click(screen.getByRole('button', { name: 'Effacer la date' }));
    expect(screen.getByTestId('sent')).toHaveTextContent('');
  });
});
