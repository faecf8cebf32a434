/** The schema pg-boss keeps its tables in, beside the application's own (public). */
export const JOBS_SCHEMA = 'pgboss';

/** pg-boss's own queue for cron schedules (its timekeeper creates it at start when it can). */
const SCHEDULER_QUEUE = '__pgboss__send-it';

export interface QueueDefinition {
  name: string;
  /** stately: at most one job of the queue waiting and one running, whoever sends it. */
  policy: 'standard' | 'stately';
  retryLimit: number;
  /** Seconds before the first retry; doubled at each retry (retryBackoff). */
  retryDelay: number;
  expireInSeconds: number;
}

/**
 * Every queue the application uses. A queue is a partition table of pg-boss's job table, created as
 * the schema's owner (by a migration): the role requests are served as creates no table.
 */
export const QUEUES = {
  /**
   * Turns one committed change into its notifications: sent in the change's own transaction
   * (created by migration 1763890000400).
   */
  change: {
    name: 'notifications-change',
    policy: 'standard',
    retryLimit: 8,
    retryDelay: 5,
    expireInSeconds: 300,
  },
  /** Mails one notification to its recipient. */
  mail: {
    name: 'notifications-mail',
    policy: 'standard',
    retryLimit: 6,
    retryDelay: 30,
    expireInSeconds: 120,
  },
  /** The daily scan of consents and paragraph 6 on funded projects. */
  alertScan: { name: 'alert-scan', policy: 'stately', retryLimit: 3, retryDelay: 60, expireInSeconds: 900 },
  /** Mails an invitation or a password reset link (created by migration 1763880000502). */
  accountMail: {
    name: 'account-mail',
    policy: 'standard',
    retryLimit: 6,
    retryDelay: 30,
    expireInSeconds: 120,
  },
  /** The daily digest of each user who asked for one. */
  digest: {
    name: 'notifications-digest',
    policy: 'stately',
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 900,
  },
  /** Checks or writes one large bulk import (created by migration 1763890000600). */
  imports: { name: 'imports-run', policy: 'standard', retryLimit: 1, retryDelay: 30, expireInSeconds: 3600 },
  /** Mails one notice to a lead organization's contact (created by migration 1763900000300). */
  contactMail: {
    name: 'contact-mail',
    policy: 'standard',
    retryLimit: 6,
    retryDelay: 30,
    expireInSeconds: 120,
  },
  /**
   * Writes the IATI activities file (created by migration 1763900000301): stately, so however many
   * processes ask, one generation waits and one runs.
   */
  iatiFile: { name: 'iati-file', policy: 'stately', retryLimit: 3, retryDelay: 60, expireInSeconds: 3600 },
  /**
   * Writes one list export a user asked for (created by migration 1763900000900). No retry: a
   * failed export shows its error and the user asks again.
   */
  exportRun: { name: 'export-run', policy: 'standard', retryLimit: 0, retryDelay: 30, expireInSeconds: 3600 },
  /** The hourly removal of expired export files (created by migration 1763900000900). */
  exportCleanup: {
    name: 'export-cleanup',
    policy: 'stately',
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 900,
  },
} as const satisfies Record<string, QueueDefinition>;

/**
 * Queues no longer used, kept for the migrations that created them: the collector that read the
 * audit log each minute, replaced by `change` jobs (migration 1763890000400 removes it).
 */
export const RETIRED_QUEUES = {
  collect: {
    name: 'notifications-collect',
    policy: 'stately',
    retryLimit: 5,
    retryDelay: 5,
    expireInSeconds: 300,
  },
} as const satisfies Record<string, QueueDefinition>;

export const ALL_QUEUES: readonly string[] = [
  SCHEDULER_QUEUE,
  ...Object.values(QUEUES).map((queue) => queue.name),
];

/** The options pg-boss's create_queue takes for a definition. */
export function queueOptions(queue: QueueDefinition): Record<string, unknown> {
  return {
    policy: queue.policy,
    retryLimit: queue.retryLimit,
    retryDelay: queue.retryDelay,
    retryBackoff: true,
    expireInSeconds: queue.expireInSeconds,
  };
}
