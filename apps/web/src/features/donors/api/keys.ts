/** The cache keys of the donors API. */
export const donorKeys = {
  all: ['donors'] as const,
  lists: ['donors', 'list'] as const,
  list: <Q extends object>(query: Q) => [...donorKeys.lists, query] as const,
  detail: (id: string) => ['donors', 'detail', id] as const,
};

/** The cache keys of the contributions API: the lists, one record and the totals. */
export const contributionKeys = {
  all: ['contributions'] as const,
  list: <Q extends object>(query: Q) => ['contributions', 'list', query] as const,
  detail: (id: string) => ['contributions', 'detail', id] as const,
  totals: ['contributions', 'totals'] as const,
};
