/** The cache keys of the notifications, the job queue and the outbox. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: <Q extends object>(query: Q) => ['notifications', 'list', query] as const,
  unread: ['notifications', 'unread'] as const,
  settings: ['notifications', 'settings'] as const,
  jobs: <Q extends object>(query: Q) => ['operations', 'jobs', query] as const,
  allJobs: ['operations', 'jobs'] as const,
  outbox: ['operations', 'outbox'] as const,
};
