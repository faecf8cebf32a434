import codes from 'i18n-iso-countries/codes.json';

/**
 * ISO 3166-1 alpha-3 → alpha-2, from i18n-iso-countries' own code table. The package's index is not
 * imported: the screens need this one mapping (the names come from the API in English and from the
 * browser's Intl.DisplayNames in other languages), and the index brings its locale registry and an
 * accent-folding table along (about 5 KB gzip on every screen that names a country).
 */
const ALPHA2_OF_ALPHA3 = new Map(codes.map(([alpha2, alpha3]) => [alpha3, alpha2]));

export function alpha3ToAlpha2(iso3: string): string | undefined {
  return ALPHA2_OF_ALPHA3.get(iso3.toUpperCase());
}
