/**
 * The texts under a project's title, in the reader's language: the dashboard draws them and the API
 * writes them into the project's page it sends drawn (apps/api/src/common/first-screen), from one
 * definition, so what a phone paints first is what React paints after it.
 */

/** A text's translations, by language code ({"fr": "…"}), as the API answers them. */
export type Translations = Partial<Record<string, string>> | null | undefined;

/** The text in `language` when someone wrote it in that language, else the text as first written. */
export function translatedText(original: string, translations: Translations, language: string): string {
  const translated = translations?.[language.slice(0, 2)];
  return translated?.trim() ? translated : original;
}

export interface PlacedProject {
  recipientCountries: readonly { iso2: string | null; name: string }[];
  organizations: readonly { lead: boolean; acronym: string | null; name: string }[];
}

/** The phrases of the line, from the dashboard's translations. */
export interface PlaceTexts {
  noCountries: string;
  ledBy: (organization: string) => string;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();
const lists = new Map<string, Intl.ListFormat>();

/** Intl's region names in `locale`, or null where Intl has none for it. */
function regionNamesIn(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
}

/**
 * A country's name in `locale`: in English the UN M49 name the API keeps, in the other languages
 * the CLDR name (Intl.DisplayNames), or the English name where Intl has none.
 */
export function countryNameIn(locale: string, country: { iso2: string | null; name: string }): string {
  if (locale === 'en' || locale.startsWith('en-') || !country.iso2) return country.name;
  if (!regionNames.has(locale)) regionNames.set(locale, regionNamesIn(locale));
  try {
    return regionNames.get(locale)?.of(country.iso2.toUpperCase()) ?? country.name;
  } catch {
    return country.name;
  }
}

/** "Burkina Faso and Mali", in `locale`'s words. */
export function countryListIn(locale: string, countries: PlacedProject['recipientCountries']): string {
  let list = lists.get(locale);
  if (!list) {
    list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    lists.set(locale, list);
  }
  return list.format(countries.map((country) => countryNameIn(locale, country)));
}

/** Where a project works and who leads it: "Burkina Faso and Mali · Led by UNDP". */
export function projectPlaceIn(locale: string, project: PlacedProject, texts: PlaceTexts): string {
  const countries = project.recipientCountries.length
    ? countryListIn(locale, project.recipientCountries)
    : texts.noCountries;
  const lead = project.organizations.find((organization) => organization.lead);
  return lead ? `${countries} · ${texts.ledBy(lead.acronym ?? lead.name)}` : countries;
}
