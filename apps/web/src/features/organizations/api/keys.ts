/** The cache keys of the organizations API. */
export const organizationKeys = {
  all: ['organizations'] as const,
  /** Every organization, all pages: the choices of forms and filters. */
  choices: ['organizations', 'all'] as const,
  list: <Q extends object>(query: Q) => ['organizations', 'list', query] as const,
};
