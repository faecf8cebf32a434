import type { Pool, QueryResultRow } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { poolOf } from '../../database/prepared-query';

/** Rows fetched from PostgreSQL per round trip of the cursor. */
const BATCH_SIZE = 500;

/**
 * How long one export may read, in all. Both timeouts of ordinary statements would otherwise run
 * over the whole stream and cut a 100,000-project IATI file short: PostgreSQL's statement_timeout
 * (15 s by default) is not reset between the batches of an open portal, and node-postgres applies
 * the pool's query timeout to the whole stream.
 */
export const STREAM_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * The rows of one statement, read through a server-side cursor a batch at a time, so a list of any
 * length is exported holding only one batch in memory; the reader pulling slowly pauses the cursor.
 *
 * The connection is held for the whole export. If the export stops early (the client went away, a
 * writer failed) the connection is discarded rather than returned to the pool, since its portal may
 * still be open.
 */
export async function* streamRows<Row extends QueryResultRow>(
  source: DataSource | Pool,
  text: string,
  values: readonly unknown[],
): AsyncGenerator<Row> {
  // A pool: a read replica's (ReadReplicas.poolForRead), for the long reads it can answer.
  const client = await (source instanceof DataSource ? poolOf(source) : source).connect();
  let finished = false;
  try {
    await client.query(`SET statement_timeout = ${STREAM_TIMEOUT_MS}`);
    const query = Object.assign(new QueryStream(text, values as unknown[], { batchSize: BATCH_SIZE }), {
      query_timeout: STREAM_TIMEOUT_MS,
    });
    const stream = client.query(query);
    for await (const row of stream) yield row as Row;
    // Back to the pool's own bound (the connection's default) before anyone else uses it.
    await client.query('RESET statement_timeout');
    finished = true;
  } finally {
    client.release(!finished);
  }
}
