import { initials } from './initials';

describe('initials', () => {
  it('takes the first letters of the first and last names, upper-cased', () => {
    expect(initials('Amina Diallo')).toBe('AD');
    expect(initials('maría josé de la cruz')).toBe('MC');
  });

  it('takes the one letter of a single name and ignores surrounding spaces', () => {
    expect(initials('  Kofi  ')).toBe('K');
    expect(initials('')).toBe('');
  });

  it('keeps a letter outside the Basic Multilingual Plane whole', () => {
    expect(initials('𠮷田 太郎')).toBe('𠮷太');
  });
});
