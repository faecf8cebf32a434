import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { buildWorldMap } from './src/components/world-map/world-map.build.ts';
import { scrollAreaWithMantineRefs } from './src/lib/scroll-area-refs.build.ts';

const domainSource = fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url));
const apiClientSource = fileURLToPath(new URL('../../libs/api-client/src/index.ts', import.meta.url));

/**
 * Long-lived vendor code in its own chunks, so a new release only invalidates the app's own code.
 * Mantine goes with the signed-in screens (see signedInChunk).
 */
const vendorChunks: [name: string, test: RegExp][] = [
  ['react', /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/],
  // Queries only: the tables' library (@tanstack/react-table) goes with the screens that list records.
  ['data', /node_modules[\\/](@tanstack[\\/](query-core|react-query)|openapi-fetch)[\\/]/],
  [
    'i18n',
    /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
  ],
  // The tables' library (12 KB brotli) for the screens that list records and the public page: the
  // overview and a project's page have none, yet it rode in "public", which both load.
  ['table', /node_modules[\\/]@tanstack[\\/](react-table|table-core)[\\/]/],
];

// The entry and the sign-in page's own files (everything in features/auth): "start" holds what they
// import, while they stay in their own chunks, the sign-in page's loaded by it alone.
const SIGN_IN_ROOTS = /[\\/]src[\\/](main\.tsx|features[\\/]auth[\\/].+\.tsx?)$/;
const PUBLIC_ROOT = /[\\/]src[\\/]features[\\/]public-page[\\/]routes[\\/]PublicFundRoute\.tsx$/;
const SHELL_ROOT = /[\\/]src[\\/]app[\\/]layout[\\/]AppLayout\.tsx$/;
/** The first screen after signing in, for every role. */
const LANDING_ROOT = /[\\/]src[\\/]features[\\/]overview[\\/]routes[\\/]OverviewRoute\.tsx$/;
/** The staff overview, whose sections (its own components) load as they come into view. */
const STAFF_SECTIONS_ROOT = /[\\/]src[\\/]features[\\/]overview[\\/]components[\\/]StaffOverview\.tsx$/;
const OVERVIEW_SECTION = /[\\/]src[\\/]features[\\/]overview[\\/]components[\\/]/;
const SCREEN = /[\\/]src[\\/]features[\\/][^\\/]+[\\/]routes[\\/]\w+Route\.tsx$/;
/** A project's page, opened from links in mails, lists and bookmarks: its share of "screens" is a chunk of its own. */
const PROJECT_ROOT = /[\\/]src[\\/]features[\\/]projects[\\/]routes[\\/]ProjectRoute\.tsx$/;
/**
 * A module that this many screens import goes with the shell. Measured on the project's page: from
 * 3, 22 requests and 305 KB of JS; from half of the screens, 37 requests and 320 KB (the rest is
 * split again into small files).
 */
const SHARED_BY = 3;
/**
 * Within "screens", libraries that only some screens need, each in a chunk of its own: the project's
 * page, for one, has dates in its decisions' dialogs and no table of records.
 */
const SCREEN_LIBRARIES: [name: string, test: RegExp][] = [
  [
    'tables',
    /(node_modules[\\/]@tanstack[\\/](react-table|table-core)|[\\/]src[\\/]components[\\/]data-table)[\\/]/,
  ],
  ['dates', /(node_modules[\\/](@mantine[\\/]dates|dayjs)[\\/]|[\\/]src[\\/]components[\\/]DateField\.tsx$)/],
];
const FLOATING = /node_modules[\\/]@floating-ui[\\/]/;
const TABLE_LIBRARY = /node_modules[\\/]@tanstack[\\/](react-table|table-core)[\\/]/;
const BARREL =
  /node_modules[\\/](@mantine[\\/](core|hooks|notifications)[\\/]esm[\\/]index\.mjs|@tabler[\\/]icons-react[\\/]dist[\\/]esm[\\/]tabler-icons-react\.mjs)$/;
const BARREL_IMPORT =
  /import\s*\{([^}]*)\}\s*from\s*["'](@mantine\/core|@mantine\/hooks|@mantine\/notifications|@tabler\/icons-react)["']/g;

/**
 * Three chunks instead of the automatic split's hundred of 1–3 KB, which a phone on HTTP/1.1 fetched
 * six at a time (87 requests for a project's page):
 * - "start": what the entry and the sign-in page import, which every visit begins with;
 * - "public": what the Fund's public page (/fund) imports beyond "start" (tables, formatting), so a
 *   visitor without an account never downloads the signed-in shell (about 100 KB gzip); the
 *   signed-in screens load it too, as they would have found the same modules in "signed-in"; what
 *   of it the overview does not import is split off (see "public-screens" and "fund" below);
 * - "signed-in": the app shell and what the overview (where every sign-in lands) shares with at least
 *   SHARED_BY screens, never loaded by the sign-in page;
 * - "screens": what at least SHARED_BY screens import but the overview does not (forms, dates, the
 *   tables' library), so the first screen after signing in does without it (56 KB gzip less).
 * The menus and popovers built on floating-ui stay with the screens that use them.
 * Rolldown's groups take a captured module's dependencies along, so "start" is listed first: the
 * shell's chunk would otherwise carry Mantine's core and every page would load it. Which modules
 * belong where is read from the module graph once it is complete, so the split follows the code.
 */
function signedInChunk(): {
  plugin: Plugin;
  test: (id: string) => boolean;
  startTest: (id: string) => boolean;
  publicTest: (id: string) => boolean;
  fundTest: (id: string) => boolean;
  publicSectionsTest: (id: string) => boolean;
  publicScreensTest: (id: string) => boolean;
  publicRecordsTest: (id: string) => boolean;
  screensTest: (id: string) => boolean;
  projectTest: (id: string) => boolean;
  overviewLaterTest: (id: string) => boolean;
} {
  let shared = new Set<string>();
  let screensShared = new Set<string>();
  let start = new Set<string>();
  let publicPage = new Set<string>();
  let fundOnly = new Set<string>();
  let publicScreens = new Set<string>();
  let projectPage = new Set<string>();
  let overviewLater = new Set<string>();
  let publicRecords = new Set<string>();
  let publicSections = new Set<string>();
  const plugin: Plugin = {
    name: 'hstf-signed-in-chunk',
    apply: 'build',
    buildEnd() {
      // The libraries' index files re-export everything: an import from one of them is followed to
      // the files that define the names imported, as tree-shaking will.
      const ids = [...this.getModuleIds()];
      const barrels = new Map<string, Map<string, string>>();
      const exportsOf = (specifier: string) => {
        let names = barrels.get(specifier);
        if (!names) {
          // The ES module build the bundle resolved, not the CommonJS one Node would.
          const file = ids.find((id) => BARREL.test(id) && id.includes(`${specifier}/`)) ?? '';
          names = new Map();
          const code = readFileSync(file, 'utf8');
          for (const [, list = '', from = ''] of code.matchAll(
            /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g,
          ))
            for (const name of list.split(','))
              names.set(name.trim(), path.resolve(path.dirname(file), from));
          for (const [, name = '', from = ''] of code.matchAll(
            /export\s*\{\s*default as (\w+)\s*\}\s*from\s*["']([^"']+)["']/g,
          ))
            names.set(name, path.resolve(path.dirname(file), from));
          barrels.set(specifier, names);
        }
        return names;
      };
      // Read from disk: the module graph keeps which files a module imports, not which names.
      const sourceOf = (id: string) => {
        try {
          return id.startsWith('\0') ? '' : readFileSync(id.split('?')[0] ?? id, 'utf8');
        } catch {
          return '';
        }
      };
      const imports = (id: string): string[] => {
        const info = this.getModuleInfo(id);
        if (!info) return [];
        const direct = info.importedIds.filter((next) => !BARREL.test(next));
        const named = [...sourceOf(id).matchAll(BARREL_IMPORT)].flatMap(([, list = '', from = '']) =>
          list.split(',').flatMap((name) => {
            const file = exportsOf(from).get(
              name
                .replace(/^\s*type\s+/, '')
                .trim()
                .split(/\s+as\s+/)[0] ?? '',
            );
            return file ? [file] : [];
          }),
        );
        return [...direct, ...named];
      };
      const closure = (roots: string[]) => {
        const seen = new Set<string>();
        for (const stack = [...roots]; stack.length > 0;) {
          const id = stack.pop() as string;
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...imports(id));
        }
        return seen;
      };
      const signIn = closure(ids.filter((id) => SIGN_IN_ROOTS.test(id)));
      const shell = closure(ids.filter((id) => SHELL_ROOT.test(id)));
      const screens = ids
        .filter((id) => SCREEN.test(id) && !SIGN_IN_ROOTS.test(id))
        .map((id) => closure([id]));
      /** Whether the module imports, directly or not, a module `target` matches. */
      const leadsTo = (target: RegExp) => {
        const known = new Map<string, boolean>();
        const test = (id: string): boolean => {
          const seen = known.get(id);
          if (seen !== undefined) return seen;
          known.set(id, false);
          const result = target.test(id) || imports(id).some(test);
          known.set(id, result);
          return result;
        };
        return test;
      };
      const floats = leadsTo(FLOATING);
      const listsRecords = leadsTo(TABLE_LIBRARY);
      start = new Set([...signIn].filter((id) => !SIGN_IN_ROOTS.test(id)));
      publicPage = new Set(
        [...closure(ids.filter((id) => PUBLIC_ROOT.test(id)))].filter(
          (id) => !signIn.has(id) && !PUBLIC_ROOT.test(id) && !floats(id),
        ),
      );
      const landing = closure(ids.filter((id) => LANDING_ROOT.test(id)));
      // The public page's modules split by who else needs them: with the shell or the overview (every
      // sign-in lands there) in "public"; with other signed-in screens only (search without accents,
      // the countries' names) in "public-screens"; the rest (its world map) in "fund", which no
      // signed-in screen loads.
      const shellOrLanding = closure(ids.filter((id) => SHELL_ROOT.test(id) || LANDING_ROOT.test(id)));
      const signedInScreens = closure(
        ids.filter((id) => SHELL_ROOT.test(id) || (SCREEN.test(id) && !PUBLIC_ROOT.test(id))),
      );
      // The overview's sections, imported lazily, are not in the screens' closures: what they share with
      // the public page only (the world map, the scrolling table) in "public-sections", so that a
      // desktop overview does not load the public page's own screens from "fund" for it (3 KB gzip).
      const sections = closure(
        ids
          .filter((id) => STAFF_SECTIONS_ROOT.test(id))
          .flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? [])
          .filter((id) => OVERVIEW_SECTION.test(id)),
      );
      publicSections = new Set(
        [...publicPage].filter(
          (id) => sections.has(id) && !signedInScreens.has(id) && !shellOrLanding.has(id),
        ),
      );
      fundOnly = new Set([...publicPage].filter((id) => !signedInScreens.has(id) && !publicSections.has(id)));
      publicScreens = new Set(
        [...publicPage].filter((id) => signedInScreens.has(id) && !shellOrLanding.has(id)),
      );
      // Of those, its table of records (with the tables' library) in "public-records", so that the
      // overview's tables (Mantine's, in "public-tables") do not bring it along.
      publicRecords = new Set([...publicScreens].filter(listsRecords));
      const elsewhere = (id: string) => !signIn.has(id) && !publicPage.has(id) && !floats(id);
      const sharedByScreens = (id: string) => screens.filter((screen) => screen.has(id)).length >= SHARED_BY;
      shared = new Set(
        ids.filter((id) => elsewhere(id) && (shell.has(id) || (sharedByScreens(id) && landing.has(id)))),
      );
      screensShared = new Set(ids.filter((id) => elsewhere(id) && !shared.has(id) && sharedByScreens(id)));
      projectPage = closure(ids.filter((id) => PROJECT_ROOT.test(id)));
      // The overview's sections load as they come into view (all at once on a desktop screen): what
      // they share with other screens (a problem's wording, the saved notice) in
      // "overview-later", since one name from "screens" made them load all of it (27 KB gzip).
      const sectionsShare = [...screensShared].filter((id) => sections.has(id));
      overviewLater = new Set(sectionsShare.filter((id) => !projectPage.has(id)));
      // What a project's page needs of them too (compliance colours, status icons: 1 KB) goes with the
      // shell, so that neither page loads a chunk for the other's sake.
      for (const id of sectionsShare.filter((id) => projectPage.has(id))) {
        shared.add(id);
        screensShared.delete(id);
      }
    },
  };
  return {
    plugin,
    test: (id) => shared.has(id),
    startTest: (id) => start.has(id),
    publicTest: (id) =>
      publicPage.has(id) && !fundOnly.has(id) && !publicScreens.has(id) && !publicSections.has(id),
    publicSectionsTest: (id) => publicSections.has(id),
    fundTest: (id) => fundOnly.has(id),
    publicScreensTest: (id) => publicScreens.has(id) && !publicRecords.has(id),
    publicRecordsTest: (id) => publicRecords.has(id),
    screensTest: (id) => screensShared.has(id),
    projectTest: (id) => projectPage.has(id),
    overviewLaterTest: (id) => overviewLater.has(id),
  };
}
const signedIn = signedInChunk();

const WORLD_MAP = 'virtual:world-map';

/**
 * `import worldMap from 'virtual:world-map'`: the world map (overview and public page), projected and simplified while
 * building (see world-map.build.ts), as JSON.parse of a string, which browsers read faster than the
 * same object literal.
 */
function worldMap(): Plugin {
  return {
    name: 'hstf-world-map',
    resolveId: (id) => (id === WORLD_MAP ? `\0${WORLD_MAP}` : undefined),
    load: (id) =>
      id === `\0${WORLD_MAP}`
        ? `export default JSON.parse(${JSON.stringify(JSON.stringify(buildWorldMap()))});`
        : undefined,
  };
}

/**
 * React Router's package points every bundler at its development build, whose warnings run on every
 * navigation; the production build beside it is the same code with them off (1.7 KB less). Only for
 * `vite build`: the tests keep the warnings.
 */
function reactRouterProduction(): Plugin {
  const production = fileURLToPath(
    new URL('../../node_modules/react-router/dist/production/index.mjs', import.meta.url),
  );
  return {
    name: 'hstf-react-router-production',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === 'react-router' ? production : undefined),
  };
}

export default defineConfig({
  plugins: [
    react(),
    reactRouterProduction(),
    worldMap(),
    scrollAreaWithMantineRefs(),
    signedIn.plugin,
    // Each asset beside its brotli and gzip forms at their highest levels, which would cost too much
    // CPU per request: the API sends the form the browser accepts as it is (app.setup.ts).
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      threshold: 1024,
    }),
  ],
  resolve: {
    alias: {
      // libs/domain is built to CommonJS for the API, libs/api-client to a package for integrators;
      // the web bundles their TypeScript source, so it needs neither built.
      '@hstf/domain': domainSource,
      '@hstf/api-client': apiClientSource,
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            ...vendorChunks.map(([name, test]) => ({ name, test, priority: 6 })),
            { name: 'start', test: signedIn.startTest, priority: 5 },
            { name: 'public', test: signedIn.publicTest, priority: 4 },
            { name: 'signed-in', test: signedIn.test, priority: 3 },
            // After "public" and "signed-in", so that the modules they take along are none of theirs;
            // what a project's page needs of them (the countries' codes, translated titles) apart
            // from what it does not (the tables, their scrolling and search), which it then skips.
            {
              name: 'public-screens',
              test: (id: string) => signedIn.publicScreensTest(id) && signedIn.projectTest(id),
              priority: 3,
            },
            { name: 'public-tables', test: signedIn.publicScreensTest, priority: 3 },
            { name: 'public-records', test: signedIn.publicRecordsTest, priority: 3 },
            { name: 'public-sections', test: signedIn.publicSectionsTest, priority: 3 },
            { name: 'fund', test: signedIn.fundTest, priority: 3 },
            // What the overview's sections share with other screens and a project's page does not use
            // (see signedInChunk): before the screen libraries, which would take it along.
            { name: 'overview-later', test: signedIn.overviewLaterTest, priority: 2 },
            // What of "screens" a project's page needs (tabs, badges), apart from its forms, menus and
            // tables: measured on a project's page, 32 KB gzip, of which it used less than half. After "fund"
            // and "public-screens", which take along what the public page needs of it; before the screen
            // libraries, which would otherwise take along what they share with it (the tables' edit
            // buttons took the pencil icon, and the page loaded the tables' library, 12 KB gzip, for it).
            {
              name: 'project-screens',
              test: (id: string) => signedIn.screensTest(id) && signedIn.projectTest(id),
              priority: 2,
            },
            ...SCREEN_LIBRARIES.map(([name, test]) => ({
              name,
              test: (id: string) => signedIn.screensTest(id) && test.test(id),
              priority: 2,
            })),
            { name: 'screens', test: signedIn.screensTest, priority: 1 },
          ],
        },
      },
    },
  },
});
