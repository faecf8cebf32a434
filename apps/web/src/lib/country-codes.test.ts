import { describe, expect, it } from 'vitest';
import { alpha3ToAlpha2 } from './country-codes';

describe('alpha3ToAlpha2', () => {
  it("gives the alpha-2 code of a country's alpha-3 code, whatever its case", () => {
    expect(alpha3ToAlpha2('JPN')).toBe('JP');
    expect(alpha3ToAlpha2('col')).toBe('CO');
    expect(alpha3ToAlpha2('SSD')).toBe('SS');
  });

  it('gives nothing for a code that names no country', () => {
    expect(alpha3ToAlpha2('XXX')).toBeUndefined();
    expect(alpha3ToAlpha2('')).toBeUndefined();
  });
});
