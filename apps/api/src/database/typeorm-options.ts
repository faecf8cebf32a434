import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

// A calendar date stays the string PostgreSQL sends ("2026-01-31"): turning it into a JS Date
// would shift it by the server's time zone.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value) => value);

/** One place for how the API talks to PostgreSQL: pool size and timeouts, migrations, no sync. */
export function typeormOptions(config: AppConfig, databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    entities: [],
    logging: false,
    extra: {
      max: config.db.poolMax,
      connectionTimeoutMillis: config.db.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      statement_timeout: config.db.statementTimeoutMs,
      // statement_timeout is enforced by the server; a frozen or unreachable server enforces
      // nothing, so the client bounds every query too (a timed-out query answers 503).
      query_timeout: config.db.queryTimeoutMs,
      idle_in_transaction_session_timeout: config.db.statementTimeoutMs * 2,
      application_name: 'hstf-api',
    },
  };
}
