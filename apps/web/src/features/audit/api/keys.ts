/** The cache keys of the audit log API. */
export const auditKeys = {
  all: ['audit'] as const,
  list: <Q extends object>(query: Q) => ['audit', 'list', query] as const,
  actors: ['audit', 'actors'] as const,
};
