import core from './locales/en.json';

export type Translations = { [key: string]: string | Translations };

/**
 * The strings of the app: the shell's in ./locales, and each feature's in
 * features/<feature>/locales/<lang>.json under a top-level key of its own (e.g. "projects"), so
 * features add their strings without touching each other's files.
 *
 * Only the shell's English strings are bundled: they are the fallback of every language and all the
 * sign-in page shows. The build puts each language's other files in one chunk (vite.config.ts).
 */
export const englishCore = core as Translations;

const files = import.meta.glob<Translations>(
  ['./locales/*.json', '../features/*/locales/*.json', '!./locales/en.json'],
  { import: 'default' },
);

/** One language's strings: the shell's (but English's, bundled) and, when asked, every feature's. */
export async function loadTranslations(
  language: string,
  { features }: { features: boolean },
): Promise<Translations> {
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([file]) => file.endsWith(`/locales/${language}.json`))
      .filter(([file]) => features || !file.startsWith('../features/'))
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts) as Translations;
}
