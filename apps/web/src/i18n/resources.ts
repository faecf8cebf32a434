import core from './locales/en.json';
import type { Translations } from './merged';

export type { Translations } from './merged';

/**
 * The strings of the app: the shell's in ./locales, and each feature's in
 * features/<feature>/locales/<lang>.json under a top-level key of its own (e.g. "projects"), so
 * features add their strings without touching each other's files.
 *
 * Only the shell's English strings are bundled: they are the fallback of every language and all the
 * sign-in page shows. Each language's other strings are one file (./bundles), fetched when needed.
 */
export const englishCore = core as Translations;

const bundles = import.meta.glob<Translations>('./bundles/*.ts', { import: 'default' });

/** Another language's strings, the shell's and every feature's; nothing for English, bundled. */
export async function loadTranslations(language: string): Promise<Translations> {
  const load = language === 'en' ? undefined : bundles[`./bundles/${language}.ts`];
  return load ? load() : {};
}

/** The features' English strings, which the signed-in screens need. */
export function loadEnglishFeatures(): Promise<Translations> {
  return bundles['./bundles/en.ts']?.() ?? Promise.resolve({});
}

/**
 * The public page's English strings alone: /fund, read without an account, needs no other feature's.
 * Read as text, a module of its own: imported as JSON, the same module would be split out of the
 * features' bundle, one more request for every signed-in screen.
 */
export async function loadEnglishPublicPage(): Promise<Translations> {
  return JSON.parse((await import('../features/public-page/locales/en.json?raw')).default) as Translations;
}
