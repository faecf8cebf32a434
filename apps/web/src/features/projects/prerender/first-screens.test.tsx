import { COMPLIANCE_STATUSES, STAGES } from '@hstf/domain';
import { describe, expect, it } from 'vitest';
import { USER_MARKERS } from '../../../app/prerender/signed-in-first-screens';
import { LANGUAGES } from '../../../i18n/languages';
import { PROJECT_MARKERS, renderProjectFirstScreens } from './first-screens';

describe("a project's prerendered first screens", { timeout: 60_000 }, () => {
  it('holds every language and reading role, with places for the project texts and the reader', async () => {
    const screens = await renderProjectFirstScreens();
    expect(Object.keys(screens).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
    for (const screen of Object.values(screens)) {
      expect(Object.keys(screen.roles).sort()).toEqual(['admin', 'donor', 'staff']);
      expect(Object.keys(screen.stages).sort()).toEqual([...STAGES].sort());
      expect(Object.keys(screen.paragraph6).sort()).toEqual([...COMPLIANCE_STATUSES].sort());
      for (const html of Object.values(screen.roles)) {
        expect(html).toContain('id="main-content"');
        expect(html).toContain(USER_MARKERS.name);
        for (const marker of [
          'code',
          'title',
          'window',
          'place',
          'stage',
          'paragraph6',
          'originalTitle',
        ] as const)
          expect(html, marker).toContain(PROJECT_MARKERS[marker]);
        // The title is the heading, the tabs and details wait behind a skeleton.
        expect(html).toMatch(new RegExp(`<h1[^>]*>${PROJECT_MARKERS.title}</h1>`));
        expect(html).toContain('mantine-Skeleton');
        expect(html).not.toContain(PROJECT_MARKERS.original);
      }
      expect(screen.originalTitle).toContain(`<bdi>${PROJECT_MARKERS.original}</bdi>`);
      expect(screen.place.ledBy).toContain(PROJECT_MARKERS.lead);
    }
    expect(screens.en.title).toBe(`${PROJECT_MARKERS.code} · Projects · HSTF Portfolio`);
    expect(screens.en.stages.approved).toContain('>Approved<');
    expect(screens.fr.place.noCountries).not.toBe(screens.en.place.noCountries);
    expect(screens.ar.dir).toBe('rtl');
    // Staff edit the record, donors read it; each has the shell of their role.
    expect(screens.en.roles.staff).toContain(`href="/projects/${PROJECT_MARKERS.id}/edit"`);
    expect(screens.en.roles.donor).not.toContain('/edit"');
  });
});
