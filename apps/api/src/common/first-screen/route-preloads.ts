import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a signed-in screen loads besides index.html's own scripts, named in its head so that the
 * browser fetches it with them. Without it, the shell's and the screen's code, and the features'
 * strings, were asked for only once the entry had run: a second wave of requests (about 95 KB on a
 * project's page) behind the first, which a phone's connection pays in full.
 */

/** One chunk of Vite's build manifest (build.manifest in apps/web/vite.config.ts), as read here. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/** The modules every signed-in screen loads: the shell and the features' English strings. */
export const SIGNED_IN_MODULES = ['src/app/layout/AppLayout.tsx', 'src/i18n/bundles/en.ts'];

/** A language's strings (English is in SIGNED_IN_MODULES). */
export const languageModule = (language: string) => `src/i18n/bundles/${language}.ts`;

/**
 * The screens a deep link opens, by path, as the dashboard's router maps them (apps/web/src/app/
 * router.tsx): only those opened from outside the dashboard (mails, bookmarks) are listed.
 */
const SCREENS: [path: RegExp, module: string][] = [
  [/^\/projects\/(?!new\/?$)[^/]+\/?$/, 'src/features/projects/routes/ProjectRoute.tsx'],
];

/** The screen module of a path, if it is one of SCREENS. */
export function screenModuleOf(pathname: string): string | null {
  return SCREENS.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

export interface RoutePreloads {
  /** Link tags for the modules' chunks and stylesheets, beyond what index.html loads itself. */
  links(modules: readonly string[]): string;
  /** The languages the build has strings for. */
  languages: string[];
}

/** The preloads of the build in webDistDir, or null when it has no manifest (then none are sent). */
export function readRoutePreloads(webDistDir: string): RoutePreloads | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(webDistDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  const loadedByIndex = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest))
    if (chunk.isEntry) closure(manifest, key, loadedByIndex);
  const cache = new Map<string, string>();
  const links = (modules: readonly string[]) => {
    const cacheKey = modules.join('\n');
    let tags = cache.get(cacheKey);
    if (tags === undefined) {
      const keys = new Set<string>();
      for (const module of modules) if (manifest[module]) closure(manifest, module, keys);
      const wanted = [...keys].filter((key) => !loadedByIndex.has(key)).map((key) => manifest[key]!);
      tags = [
        ...wanted.map((chunk) => `<link rel="modulepreload" crossorigin href="/${chunk.file}">`),
        ...[...new Set(wanted.flatMap((chunk) => chunk.css ?? []))].map(
          (css) => `<link rel="preload" as="style" crossorigin href="/${css}">`,
        ),
      ].join('');
      cache.set(cacheKey, tags);
    }
    return tags;
  };
  const languages = Object.keys(manifest).flatMap(
    (key) => /^src\/i18n\/bundles\/([a-z]{2})\.ts$/.exec(key)?.[1] ?? [],
  );
  return { links, languages };
}

/** The chunk of `key` and every chunk it imports statically, directly or not. */
function closure(manifest: Manifest, key: string, into: Set<string>): void {
  if (into.has(key) || !manifest[key]) return;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) closure(manifest, imported, into);
}
