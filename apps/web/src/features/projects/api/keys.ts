/**
 * The cache keys of the projects API, one factory for the queries and the mutations that refresh
 * them. Everything read about one project sits under `one(id)`, so a write to the project (its
 * consents, alignments, transfers, decisions) refreshes every screen that shows it at once.
 */
export const projectKeys = {
  all: ['projects'] as const,
  lists: ['projects', 'list'] as const,
  list: <Q extends object>(query: Q) => [...projectKeys.lists, query] as const,
  // Under lists: whatever refreshes the lists refreshes their counts.
  count: <Q extends object>(query: Q) => [...projectKeys.lists, 'count', query] as const,
  one: (id: string) => ['projects', id] as const,
  detail: (id: string) => [...projectKeys.one(id), 'detail'] as const,
  compliance: (id: string) => [...projectKeys.one(id), 'compliance'] as const,
  consents: (id: string) => [...projectKeys.one(id), 'consents'] as const,
  alignments: (id: string) => [...projectKeys.one(id), 'alignments'] as const,
  assessment: (id: string) => [...projectKeys.one(id), 'assessment'] as const,
  reviews: (id: string) => [...projectKeys.one(id), 'reviews'] as const,
  audit: (id: string) => [...projectKeys.one(id), 'audit'] as const,
  transfers: (id: string) => [...projectKeys.one(id), 'transfers'] as const,
  transitionOptions: (id: string) => [...projectKeys.one(id), 'transition-options'] as const,
  history: (id: string) => [...projectKeys.one(id), 'history'] as const,
};
