import type { QueryResultRow } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import { poolOf } from '../../database/prepared-query';

/** Rows fetched from PostgreSQL per round trip of the cursor. */
const BATCH_SIZE = 500;

/**
 * The rows of one statement, read through a server-side cursor a batch at a time, so a list of any
 * length is exported holding only one batch in memory; the reader pulling slowly pauses the cursor.
 *
 * The connection is held for the whole export. If the export stops early (the client went away, a
 * writer failed) the connection is discarded rather than returned to the pool, since its portal may
 * still be open.
 */
export async function* streamRows<Row extends QueryResultRow>(
  dataSource: DataSource,
  text: string,
  values: readonly unknown[],
): AsyncGenerator<Row> {
  const client = await poolOf(dataSource).connect();
  let finished = false;
  try {
    const stream = client.query(new QueryStream(text, values as unknown[], { batchSize: BATCH_SIZE }));
    for await (const row of stream) yield row as Row;
    finished = true;
  } finally {
    client.release(!finished);
  }
}
