import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../i18n/languages';
import { renderWithProviders } from '../testing/render';
import { LanguagePicker } from './LanguagePicker';

describe('LanguagePicker', () => {
  it('offers the six official languages of the United Nations', () => {
    renderWithProviders(<LanguagePicker />);
    const options = screen.getAllByRole('option').map((option) => option.getAttribute('value'));
    expect(options).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });

  it('switches the page to right-to-left for Arabic, and remembers the choice', async () => {
    renderWithProviders(<LanguagePicker />);
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'ar' } });

    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'));
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    // The picker itself is now labelled in Arabic.
    expect(await screen.findByRole('combobox', { name: 'اللغة' })).toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: 'اللغة' }), { target: { value: 'fr' } });
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'ltr'));
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
  });
});
