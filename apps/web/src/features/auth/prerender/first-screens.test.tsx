import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../i18n/languages';
import { renderSignInFirstScreens } from './first-screens';

describe("the sign-in page's prerendered first screens", { timeout: 20_000 }, () => {
  it('hold the page in each language, with a form that cannot be sent before the scripts', async () => {
    const screens = await renderSignInFirstScreens();
    expect(Object.keys(screens).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
    expect(screens.en.title).toBe('Sign in · HSTF Portfolio');
    expect(screens.en.html).toMatch(/<h1[^>]*>Sign in<\/h1>/);
    expect(screens.en.html).toContain('name="email"');
    expect(screens.en.html).toContain('name="password"');
    expect(screens.ar.dir).toBe('rtl');
    expect(screens.fr.html).not.toMatch(/<h1[^>]*>Sign in<\/h1>/);
    for (const screen of Object.values(screens)) {
      // Marked for React's form to take what was typed, posted rather than sent in the address
      // should it ever be submitted without script, and with its one button disabled: Enter in a
      // field submits nothing.
      expect(screen.html).toMatch(/<form data-before-scripts="sign-in"[^>]*method="post"/);
      expect(screen.html).toMatch(/<button[^>]*type="submit" disabled=""/);
    }
  });
});
