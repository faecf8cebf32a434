/** The cache keys of the donors API. */
export const donorKeys = {
  all: ['donors'] as const,
  lists: ['donors', 'list'] as const,
  list: <Q extends object>(query: Q) => [...donorKeys.lists, query] as const,
  detail: (id: string) => ['donors', 'detail', id] as const,
};
