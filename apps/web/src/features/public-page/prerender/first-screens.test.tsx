import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../i18n/languages';
import { FIGURE_MARKERS, renderFirstScreens } from './first-screens';

describe("the public page's prerendered first screens", { timeout: 20_000 }, () => {
  it('holds each language with its heading, its direction and a place for each figure', async () => {
    const screens = await renderFirstScreens();
    expect(Object.keys(screens).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
    for (const screen of Object.values(screens))
      for (const marker of Object.values(FIGURE_MARKERS)) expect(screen.html).toContain(marker);
    expect(screens.en.title).toBe('The Fund in figures · HSTF Portfolio');
    expect(screens.en.html).toContain('<h1');
    expect(screens.en.html).toContain('Sign in');
    expect(screens.ar.dir).toBe('rtl');
    expect(screens.fr.dir).toBe('ltr');
    expect(screens.ar.html).not.toContain('The Fund in figures');
    expect(screens.fr.html).not.toContain('The Fund in figures');
    // The language picker shows the page's own language as chosen.
    expect(screens.fr.html).toMatch(/<option value="fr" lang="fr" selected="">/);
  });
});
