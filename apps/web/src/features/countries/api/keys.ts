/** The cache keys of the countries API (GET /countries, /countries/:iso3). */
export const countryKeys = {
  all: ['countries'] as const,
  /** Every country, all pages: the choices of forms and filters. */
  choices: ['countries', 'all'] as const,
  list: <Q extends object>(query: Q) => ['countries', 'list', query] as const,
  detail: (iso3: string) => ['countries', 'detail', iso3] as const,
};
