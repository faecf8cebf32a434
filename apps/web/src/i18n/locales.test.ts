import { describe, expect, it } from 'vitest';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

type Tree = { [key: string]: string | Tree };

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
  fr: ['app.name', 'm49.150'],
  ru: ['app.name'],
  es: ['app.name', 'm49.142', 'm49.054', 'm49.057'],
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
      if (!SAME_AS_ENGLISH[language]?.includes(key)) expect(strings[key], key).not.toBe(text);
    }
  });
});
