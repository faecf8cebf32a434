/** The cache keys of the lessons API: saving a lesson refreshes every list under `all`. */
export const lessonKeys = {
  all: ['lessons'] as const,
  list: <Q extends object>(query: Q) => ['lessons', 'list', query] as const,
  closedProjects: ['lessons', 'closed-projects'] as const,
};
