import path from 'node:path';
import proxyAddr from 'proxy-addr';
import {
  DEFAULT_DOCUMENT_MAX_BYTES,
  DEFAULT_REPORT_DUE_SOON_DAYS,
  DEFAULT_REVIEW_REMINDER_DAYS,
} from '@hstf/domain';

/**
 * The whole configuration of the API, read once from the environment and validated at startup,
 * so a bad deployment fails before it serves a request, naming every variable that is wrong.
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** The role requests are served as. Absent: an embedded PostgreSQL is started with its data in `dataDir`. */
  databaseUrl: string | null;
  /** The role that owns the schema and runs migrations; absent: `databaseUrl` runs them too. */
  databaseOwnerUrl: string | null;
  /** Streaming replicas that may answer the dashboard's reads, lists and exports (read-replicas.ts). */
  databaseReplicaUrls: string[];
  dataDir: string;
  /** Demo data loads on the embedded default, or when SEED_DEMO=1, never otherwise. */
  seedDemo: boolean;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * JSON lines for a log collector, or readable lines for a person at a terminal: readable on the
   * embedded default (`npm start` with no DATABASE_URL, outside production), JSON everywhere else.
   */
  logFormat: 'json' | 'pretty';
  db: {
    poolMax: number;
    /** How long a request waits for a pooled connection (or a new one) before it answers 503. */
    connectTimeoutMs: number;
    /** PostgreSQL cancels a statement (lock waits included) running longer. */
    statementTimeoutMs: number;
    /** The client gives up on a query after this long, whatever the server does (a frozen server). */
    queryTimeoutMs: number;
  };
  /** On SIGTERM/SIGINT, in-flight requests get this long to finish before connections are cut. */
  shutdownGraceSeconds: number;
  login: {
    /** Failures for one account before each further attempt must wait a growing delay. */
    maxFailures: number;
    /** Failures for an account are forgotten this long after its last attempt; an address's count resets after it. */
    windowMinutes: number;
    /** Attempts from one source address, over all accounts, within the window. */
    maxFailuresPerAddress: number;
    /** The account's delay after maxFailures; it doubles with each further failure, up to maxDelaySeconds. */
    firstDelaySeconds: number;
    maxDelaySeconds: number;
    /** Password hashes computed at once by sign-in; the rest wait in a queue of `hashQueue`, beyond which 429. */
    hashConcurrency: number;
    hashQueue: number;
    /** Password-reset requests per email address, and per source address, within an hour. */
    resetsPerEmail: number;
    resetsPerAddress: number;
  };
  /**
   * The proxies whose X-Forwarded-For is believed (Fastify's trustProxy, as proxy-addr reads it: addresses, CIDR ranges,
   * or loopback / linklocal / uniquelocal); null: none, the client is the TCP peer.
   */
  trustProxy: string[] | null;
  /** The built dashboard served at `/`; null when it is not built (API-only deployments). */
  webDistDir: string | null;
  /** How long the dashboard overview is served from memory before it is recomputed; 0: never cached. */
  dashboardCacheSeconds: number;
  /** Bounds on a JSON body, checked before it is parsed. */
  requestJson: { maxDepth: number; maxNodes: number };
  /**
   * An address that keeps earning refusals (400, 413, 429…) has its requests held: past
   * `allowance` refusals in ten seconds, each further one holds them `stepMs` longer, up to
   * `maxDelayMs` (0: never held).
   */
  slowLane: { allowance: number; stepMs: number; maxDelayMs: number };
  /**
   * The Fund's IATI organisation identifier: the reporting organisation of the IATI files and the
   * prefix of every activity's identifier. The default is a placeholder until the Fund registers one.
   */
  iatiOrganisationId: string;
  /** Background jobs (pg-boss, in this database): whether this process works them, and how. */
  jobs: {
    /** off: this process only enqueues (an API replica); on: it also works jobs and keeps the schedules. */
    workers: boolean;
    /** How often an idle worker asks for a job. */
    pollSeconds: number;
    /** When the daily alert scan runs (cron, UTC). */
    alertScanCron: string;
    /** When the daily digest is mailed (cron, UTC). */
    digestCron: string;
    /** Days before a review's due date at which the daily scan reminds its reviewer. */
    reviewReminderDays: number;
    /** Days before a report's due date at which the daily scan tells staff it is due soon. */
    reportDueSoonDays: number;
    /** When the IATI activities file is regenerated (cron, UTC). */
    iatiCron: string;
    /** After a change to a published project, the file is regenerated this long after (changes meanwhile join it). */
    iatiDebounceSeconds: number;
    /** Hours a finished background export is kept for download before the hourly job removes it. */
    exportRetentionHours: number;
  };
  /** Attached documents: the upload bound, and where their content is kept. */
  documents: {
    /** The largest file accepted, in bytes; a larger one is refused (413) and nothing is kept. */
    maxBytes: number;
    store: DocumentStoreConfig;
  };
  mail: {
    /** smtp:// or smtps:// with credentials; null: mail is kept in the outbox that admins read. */
    smtpUrl: string | null;
    from: string;
    /** The dashboard's public address, for the links in mail. */
    appUrl: string;
  };
}

/**
 * Where document content is kept: files under `<DATA_DIR>/documents` (the default), or an
 * S3-compatible bucket when S3_BUCKET is set. Credentials absent: the SDK's own chain (environment,
 * instance role…) supplies them.
 */
export type DocumentStoreConfig =
  | { kind: 'disk'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint: string | null;
      forcePathStyle: boolean;
      accessKeyId: string | null;
      secretAccessKey: string | null;
    };

/** The placeholder IATI organisation identifier, in the IATI registry's own XI-IATI prefix. */
export const DEFAULT_IATI_ORGANISATION_ID = 'XI-IATI-UNTFHS';
/** An IATI organisation identifier: a registration agency prefix, a hyphen, the number; no spaces or slashes. */
const IATI_ORGANISATION_ID = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/;

/** Every environment variable the API reads; the README and docker-compose.yml are checked against it. */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'DATABASE_OWNER_URL',
  'DATABASE_REPLICA_URL',
  'DATA_DIR',
  'ALLOW_EMBEDDED_DB',
  'SEED_DEMO',
  'SESSION_TTL_HOURS',
  'SESSION_IDLE_MINUTES',
  'COOKIE_SECURE',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'DB_POOL_MAX',
  'DB_CONNECT_TIMEOUT_MS',
  'DB_STATEMENT_TIMEOUT_MS',
  'DB_QUERY_TIMEOUT_MS',
  'SHUTDOWN_GRACE_SECONDS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_WINDOW_MINUTES',
  'LOGIN_MAX_PER_ADDRESS',
  'LOGIN_DELAY_SECONDS',
  'LOGIN_MAX_DELAY_SECONDS',
  'LOGIN_HASH_CONCURRENCY',
  'LOGIN_HASH_QUEUE',
  'RESET_MAX_PER_EMAIL',
  'RESET_MAX_PER_ADDRESS',
  'TRUST_PROXY',
  'WEB_DIST_DIR',
  'DASHBOARD_CACHE_SECONDS',
  'REQUEST_MAX_JSON_DEPTH',
  'REQUEST_MAX_JSON_NODES',
  'SLOW_LANE_ALLOWANCE',
  'SLOW_LANE_STEP_MS',
  'SLOW_LANE_MAX_DELAY_MS',
  'IATI_ORGANISATION_ID',
  'WORKERS',
  'JOBS_POLL_SECONDS',
  'ALERT_SCAN_CRON',
  'DIGEST_CRON',
  'REVIEW_REMINDER_DAYS',
  'REPORT_DUE_SOON_DAYS',
  'IATI_CRON',
  'IATI_DEBOUNCE_SECONDS',
  'EXPORT_RETENTION_HOURS',
  'SMTP_URL',
  'MAIL_FROM',
  'APP_URL',
  'DOCUMENT_MAX_BYTES',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_FORCE_PATH_STYLE',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;
const ENVS = ['development', 'production', 'test'] as const;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be 1/true/yes or 0/false/no (got "${raw}")`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf('NODE_ENV', ENVS, 'development');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const databaseOwnerUrl = env.DATABASE_OWNER_URL?.trim() || null;
  if (databaseOwnerUrl && !/^postgres(ql)?:\/\//.test(databaseOwnerUrl)) {
    problems.push('DATABASE_OWNER_URL must be a postgres:// or postgresql:// URL');
  }
  const databaseReplicaUrls = (env.DATABASE_REPLICA_URL ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of databaseReplicaUrls) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      problems.push('DATABASE_REPLICA_URL must be postgres:// or postgresql:// URLs, separated by commas');
      break;
    }
  }
  if (databaseOwnerUrl && !databaseUrl) {
    problems.push('DATABASE_OWNER_URL needs DATABASE_URL (the role that serves requests)');
  }
  if (nodeEnv === 'production' && !databaseUrl && env.ALLOW_EMBEDDED_DB !== '1') {
    problems.push('DATABASE_URL is required when NODE_ENV=production (or set ALLOW_EMBEDDED_DB=1)');
  }

  const logFormat = oneOf(
    'LOG_FORMAT',
    LOG_FORMATS,
    nodeEnv !== 'production' && !databaseUrl ? 'pretty' : 'json',
  );
  // At a terminal, each route mapped and each request made would push the address and the demo
  // sign-ins out of sight: a person reads warnings and errors unless LOG_LEVEL asks for more.
  const defaultLogLevel = nodeEnv === 'test' ? 'silent' : logFormat === 'pretty' ? 'warn' : 'info';

  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  const cron = (name: string, fallback: string): string => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!/^(\S+\s+){4}\S+$/.test(raw))
      problems.push(`${name} must be a cron expression of five fields (got "${raw}")`);
    return raw;
  };

  const repoRoot = path.resolve(__dirname, '../../../..');
  const dataDir = path.resolve(env.DATA_DIR || path.join(repoRoot, '.data'));
  const defaultWebDist = path.join(repoRoot, 'apps/web/dist');
  const webDistDir = env.WEB_DIST_DIR === undefined ? defaultWebDist : env.WEB_DIST_DIR || null;

  const config: AppConfig = {
    env: nodeEnv,
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    databaseOwnerUrl,
    databaseReplicaUrls,
    dataDir,
    seedDemo: databaseUrl ? bool('SEED_DEMO', false) : bool('SEED_DEMO', true),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 60, 1, 24 * 60),
    cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, defaultLogLevel),
    logFormat,
    db: {
      poolMax: int('DB_POOL_MAX', 10, 1, 200),
      connectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 5000, 100, 60000),
      statementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
      queryTimeoutMs: int('DB_QUERY_TIMEOUT_MS', 0, 0, 600000),
    },
    shutdownGraceSeconds: int('SHUTDOWN_GRACE_SECONDS', 10, 0, 600),
    login: {
      maxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
      windowMinutes: int('LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
      maxFailuresPerAddress: int('LOGIN_MAX_PER_ADDRESS', 20, 1, 100000),
      firstDelaySeconds: int('LOGIN_DELAY_SECONDS', 1, 1, 3600),
      maxDelaySeconds: int('LOGIN_MAX_DELAY_SECONDS', 300, 1, 24 * 3600),
      hashConcurrency: int('LOGIN_HASH_CONCURRENCY', 1, 1, 64),
      hashQueue: int('LOGIN_HASH_QUEUE', 32, 0, 10000),
      resetsPerEmail: int('RESET_MAX_PER_EMAIL', 3, 1, 1000),
      resetsPerAddress: int('RESET_MAX_PER_ADDRESS', 10, 1, 100000),
    },
    trustProxy: trustedProxies(env.TRUST_PROXY, problems),
    webDistDir,
    dashboardCacheSeconds: int('DASHBOARD_CACHE_SECONDS', nodeEnv === 'test' ? 0 : 30, 0, 3600),
    requestJson: {
      maxDepth: int('REQUEST_MAX_JSON_DEPTH', 32, 2, 1000),
      maxNodes: int('REQUEST_MAX_JSON_NODES', 10000, 10, 1000000),
    },
    slowLane: {
      allowance: int('SLOW_LANE_ALLOWANCE', 20, 1, 100000),
      stepMs: int('SLOW_LANE_STEP_MS', 50, 1, 10000),
      // Off under test, where suites send thousands of refused requests from one address on purpose.
      maxDelayMs: int('SLOW_LANE_MAX_DELAY_MS', nodeEnv === 'test' ? 0 : 2000, 0, 60000),
    },
    iatiOrganisationId: env.IATI_ORGANISATION_ID?.trim() || DEFAULT_IATI_ORGANISATION_ID,
    jobs: {
      workers: oneOf('WORKERS', ['on', 'off'] as const, 'on') === 'on',
      pollSeconds: int('JOBS_POLL_SECONDS', 2, 1, 600),
      alertScanCron: cron('ALERT_SCAN_CRON', '0 5 * * *'),
      digestCron: cron('DIGEST_CRON', '0 6 * * *'),
      reviewReminderDays: int('REVIEW_REMINDER_DAYS', DEFAULT_REVIEW_REMINDER_DAYS, 0, 365),
      reportDueSoonDays: int('REPORT_DUE_SOON_DAYS', DEFAULT_REPORT_DUE_SOON_DAYS, 0, 365),
      iatiCron: cron('IATI_CRON', '30 4 * * *'),
      iatiDebounceSeconds: int('IATI_DEBOUNCE_SECONDS', 60, 0, 24 * 3600),
      exportRetentionHours: int('EXPORT_RETENTION_HOURS', 24, 1, 24 * 30),
    },
    documents: {
      maxBytes: int('DOCUMENT_MAX_BYTES', DEFAULT_DOCUMENT_MAX_BYTES, 1, 2 * 1024 * 1024 * 1024),
      store: documentStore(env, dataDir, problems),
    },
    mail: {
      smtpUrl,
      from: env.MAIL_FROM?.trim() || 'no-reply@localhost',
      appUrl: (env.APP_URL?.trim() || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    },
  };
  if (!/^https?:\/\//.test(config.mail.appUrl)) problems.push('APP_URL must be an http:// or https:// URL');
  if (!IATI_ORGANISATION_ID.test(config.iatiOrganisationId) || config.iatiOrganisationId.length > 100) {
    problems.push(
      `IATI_ORGANISATION_ID must be an IATI organisation identifier such as XM-DAC-41127 (got "${config.iatiOrganisationId}")`,
    );
  }

  // The client-side bound sits just above the server's, so a slow statement is cancelled by
  // PostgreSQL (and its transaction rolled back there) before the client stops waiting.
  if (config.db.queryTimeoutMs === 0) config.db.queryTimeoutMs = config.db.statementTimeoutMs + 1000;
  else if (config.db.queryTimeoutMs <= config.db.statementTimeoutMs) {
    problems.push('DB_QUERY_TIMEOUT_MS must be greater than DB_STATEMENT_TIMEOUT_MS');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function documentStore(env: Env, dataDir: string, problems: string[]): DocumentStoreConfig {
  const bucket = env.S3_BUCKET?.trim();
  const endpoint = env.S3_ENDPOINT?.trim() || null;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || null;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || null;
  if (!bucket) {
    if (endpoint || accessKeyId || secretAccessKey)
      problems.push('S3_BUCKET is required when S3_ENDPOINT or S3 credentials are set');
    return { kind: 'disk', dir: path.join(dataDir, 'documents') };
  }
  if (endpoint && !/^https?:\/\//.test(endpoint))
    problems.push('S3_ENDPOINT must be an http:// or https:// URL');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together, or neither');
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim().toLowerCase();
  if (pathStyle && !['1', 'true', 'yes', '0', 'false', 'no'].includes(pathStyle))
    problems.push(`S3_FORCE_PATH_STYLE must be 1/true/yes or 0/false/no (got "${pathStyle}")`);
  return {
    kind: 's3',
    bucket,
    region: env.S3_REGION?.trim() || 'us-east-1',
    endpoint,
    // Most S3-compatible servers (MinIO, Ceph, Garage) address buckets by path, AWS by host name.
    forcePathStyle: pathStyle ? ['1', 'true', 'yes'].includes(pathStyle) : endpoint !== null,
    accessKeyId,
    secretAccessKey,
  };
}

/**
 * TRUST_PROXY names the proxies by address, CIDR range or proxy-addr's names for private ranges.
 * A hop count or `true` would believe any peer that claims to be a proxy, so neither is accepted.
 */
function trustedProxies(raw: string | undefined, problems: string[]): string[] | null {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  if (entries.some((entry) => /^(\d+|true|false)$/i.test(entry))) {
    problems.push(
      'TRUST_PROXY must name the proxies (addresses or CIDR ranges), not a hop count or true/false',
    );
    return null;
  }
  try {
    proxyAddr.compile(entries);
  } catch (error) {
    problems.push(
      `TRUST_PROXY must list proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal (${(error as Error).message})`,
    );
    return null;
  }
  return entries;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
