/** The cache keys of the users API. */
export const userKeys = {
  all: ['users'] as const,
  list: <Q extends object>(query: Q) => ['users', 'list', query] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
  donorChoices: ['users', 'donor-options'] as const,
};
