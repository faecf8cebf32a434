import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * At most this many distinct statements are prepared; past it, statements go unnamed. Texts are
 * built from fixed fragments (a list's filters only add placeholders), so the set is finite, but
 * every name lives on each pooled connection, in the API and in PostgreSQL: the cap bounds that
 * memory whatever the combinations of filters clients send.
 */
const MAX_PREPARED = 500;
const names = new Map<string, string>();

/** The statement's name: derived from its text, so one text always has one name, and two never share it. */
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `hstf_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a read as a named (prepared) statement on the pool TypeORM owns, or on the transaction's
 * connection when given a transaction's manager, and returns its rows.
 *
 * Why: DataSource.query sends every statement unnamed, so PostgreSQL parses and plans it again on
 * each request (measured at 0.4–3 ms of planning per request on the hot reads, more than their
 * execution). A named statement is parsed once per connection, and PostgreSQL's plan cache keeps a
 * generic plan once it is as good as the custom ones. Going to pg directly also skips the query
 * runner TypeORM creates and releases around every DataSource.query.
 *
 * Errors are wrapped as TypeORM's, so the problem-details filter maps them the same way. A named
 * statement holds its plan on the connection: this suits the API (migrations run before it
 * serves) and PgBouncer in transaction mode only with max_prepared_statements set (docs/scaling.md).
 */
export async function preparedQuery<T extends QueryResultRow>(
  source: DataSource | EntityManager,
  text: string,
  values: readonly unknown[] = [],
): Promise<T[]> {
  const runner = source instanceof EntityManager ? source.queryRunner : undefined;
  const client: Pool | PoolClient =
    runner && !runner.isReleased
      ? ((await (runner as PostgresQueryRunner).connect()) as PoolClient)
      : poolOf(source instanceof EntityManager ? source.connection : source);
  return preparedOn(client, text, values);
}

/** preparedQuery on a given pool or client: a read replica's pool, for one (read-replicas.ts). */
export async function preparedOn<T extends QueryResultRow>(
  client: Pool | PoolClient,
  text: string,
  values: readonly unknown[] = [],
): Promise<T[]> {
  const name = nameOf(text);
  try {
    const result = await client.query<T>({ name, text, values: values as unknown[] });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(text, values as unknown[], error as Error);
  }
}

export function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('The database is not connected');
  return pool;
}
