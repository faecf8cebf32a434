/** The cache keys of the contributions API: the lists, one record and the totals. */
export const contributionKeys = {
  all: ['contributions'] as const,
  list: <Q extends object>(query: Q) => ['contributions', 'list', query] as const,
  detail: (id: string) => ['contributions', 'detail', id] as const,
  totals: ['contributions', 'totals'] as const,
};
