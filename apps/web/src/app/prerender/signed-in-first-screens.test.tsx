import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages';
import { USER_MARKERS, renderSignedInFirstScreens } from './signed-in-first-screens';

describe("the overview's prerendered first screens", { timeout: 30_000 }, () => {
  it('holds every language and role, with the shell, the greeting and places for the name', async () => {
    const screens = await renderSignedInFirstScreens();
    expect(Object.keys(screens).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
    for (const screen of Object.values(screens)) {
      expect(Object.keys(screen.roles).sort()).toEqual(['admin', 'donor', 'reviewer', 'staff']);
      for (const html of Object.values(screen.roles)) {
        expect(html).toContain(USER_MARKERS.name);
        expect(html.split(USER_MARKERS.initials)).toHaveLength(2);
        expect(html).toContain('id="main-content"');
      }
    }
    expect(screens.en.title).toBe('Overview · HSTF Portfolio');
    expect(screens.ar.dir).toBe('rtl');
    // The staff's own first screen: the greeting and what staff do, and the ledger's skeletons.
    expect(screens.en.roles.staff).toContain(`Welcome, ${USER_MARKERS.name}`);
    expect(screens.en.roles.staff).toContain('<h1');
    expect(screens.en.roles.staff).toContain('mantine-Skeleton');
    expect(screens.fr.roles.staff).not.toContain('Welcome');
    // Each role sees its own navigation: only admins manage users.
    expect(screens.en.roles.admin).toContain('href="/users"');
    expect(screens.en.roles.staff).not.toContain('href="/users"');
  });
});
