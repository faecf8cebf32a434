import core from './locales/en.json';

export type Translations = { [key: string]: string | Translations };

/**
 * The strings of the app: the shell's in ./locales, and each feature's in
 * features/<feature>/locales/<lang>.json under a top-level key of its own (e.g. "projects"), so
 * features add their strings without touching each other's files.
 */
const featureEnglish = import.meta.glob<Translations>('../features/*/locales/en.json', {
  eager: true,
  import: 'default',
});

export const englishTranslations = Object.assign(
  {},
  core as Translations,
  ...Object.values(featureEnglish),
) as Translations;

const coreLazy = import.meta.glob<Translations>(['./locales/*.json', '!./locales/en.json'], {
  import: 'default',
});
const featureLazy = import.meta.glob<Translations>(
  ['../features/*/locales/*.json', '!../features/*/locales/en.json'],
  { import: 'default' },
);

/** Every other language is fetched when it is chosen: the shell's file and each feature's. */
export async function loadTranslations(language: string): Promise<Translations> {
  const loadCore = coreLazy[`./locales/${language}.json`];
  if (!loadCore) return {};
  const features = Object.entries(featureLazy)
    .filter(([file]) => file.endsWith(`/locales/${language}.json`))
    .map(([, load]) => load());
  const parts = await Promise.all([loadCore(), ...features]);
  return Object.assign({}, ...parts) as Translations;
}
