import { describe, expect, it } from 'vitest';
type Tree = { [key: string]: string | Tree };

// The shell's strings and every feature's (features/*/locales), merged per language as the app does.
const files = import.meta.glob<Tree>(['./locales/*.json', '../features/*/locales/*.json'], {
  eager: true,
  import: 'default',
});
function translation(language: string): Tree {
  return Object.assign(
    {},
    ...Object.entries(files)
      .filter(([file]) => file.endsWith(`/${language}.json`))
      .map(([, tree]) => tree),
  ) as Tree;
}
const [ar, en, es, fr, ru, zh] = ['ar', 'en', 'es', 'fr', 'ru', 'zh'].map(translation) as [
  Tree,
  Tree,
  Tree,
  Tree,
  Tree,
  Tree,
];

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...out, [path]: value } : { ...out, ...flatten(value, path) };
  }, {});
}

const english = flatten(en);
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
// The product's name is the same everywhere; a few place names are spelled as in English.
const SAME_AS_ENGLISH: Record<string, string[]> = {
  ar: ['app.name'],
  zh: ['app.name'],
  fr: [
    'app.name',
    'm49.150',
    // The same words in French.
    'audit.fields.code',
    'audit.fields.dimensions',
    'audit.fields.document',
    'audit.fields.note',
    'audit.fields.version',
    'audit.fields.justification',
    'documents.kinds.note_verbale',
  ],
  ru: ['app.name'],
  es: ['app.name', 'm49.142', 'm49.054', 'm49.057', 'audit.diff.no'],
};

describe.each([
  ['ar', ar],
  ['zh', zh],
  ['fr', fr],
  ['ru', ru],
  ['es', es],
])('the %s translation', (language, translation) => {
  const strings = flatten(translation);

  it('has exactly the keys of the English one', () => {
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
  });

  it('keeps every placeholder and leaves nothing in English', () => {
    for (const [key, text] of Object.entries(english)) {
      expect(placeholders(strings[key] ?? ''), key).toEqual(placeholders(text));
      // Placeholders and punctuation alone ("{{report}} ({{status}})") have no words to translate.
      const words = /\p{L}/u.test(text.replace(/{{\s*\w+\s*}}/g, ''));
      if (words && !SAME_AS_ENGLISH[language]?.includes(key)) expect(strings[key], key).not.toBe(text);
    }
  });
});
