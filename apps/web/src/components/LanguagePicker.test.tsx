import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { LANGUAGE_STORAGE_KEY } from '../i18n/languages';
import { BEFORE_SCRIPTS_ATTRIBUTE } from '../lib/before-scripts';
import { aDrawnPage } from '../testing/drawn-page';
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

  it('takes the language chosen in a page drawn before the scripts, and only a chosen one', async () => {
    // The page as the API sent it: the build's picker in #root, drawn in French, React starting in English.
    const root = aDrawnPage(
      `<select ${BEFORE_SCRIPTS_ATTRIBUTE}="language"><option value="en">English</option>` +
        '<option value="fr" selected>Français</option><option value="es">Español</option></select>',
    );
    const changeLanguage = vi.spyOn(i18n, 'changeLanguage');
    // Left as drawn: React keeps its own language.
    const { unmount } = renderWithProviders(<LanguagePicker />);
    expect(changeLanguage).not.toHaveBeenCalled();
    unmount();

    root.querySelector('select')!.value = 'es';
    renderWithProviders(<LanguagePicker />);
    root.remove();
    expect(changeLanguage).toHaveBeenCalledWith('es');
    await waitFor(() => expect(document.documentElement).toHaveAttribute('lang', 'es'));
    expect(screen.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
    changeLanguage.mockRestore();
  });
});
