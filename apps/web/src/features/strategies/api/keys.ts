/**
 * The cache keys of the national strategies API. The country page and the alignment dialog read
 * the same endpoint as the strategies screen, under the same root, so saving a strategy refreshes them too.
 */
export const strategyKeys = {
  all: ['strategies'] as const,
  list: <Q extends object>(query: Q) => ['strategies', 'list', query] as const,
  detail: (id: string) => ['strategies', 'detail', id] as const,
  ofCountry: (iso3: string, limit: number) => ['strategies', 'country', iso3, { limit }] as const,
};
