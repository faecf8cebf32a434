import { DataSource } from 'typeorm';
import { streamRows } from '../../src/common/export/query-stream';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * An export reads for as long as the list takes: the statement and query timeouts bound ordinary
 * statements, not a stream of batches (a 100,000-project IATI file takes longer than either).
 */
describe('a long export', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '1000', DB_QUERY_TIMEOUT_MS: '1200' });
  });
  afterAll(() => t.close());

  it('reads past both timeouts of ordinary statements', async () => {
    // Three batches of 500 rows, about 1 s each: about 3 s in all, beyond both timeouts.
    const rows = streamRows<{ n: number }>(
      t.app.get(DataSource),
      `SELECT g AS n, pg_sleep(0.001)::text AS pause FROM generate_series(1, 1500) g`,
      [],
    );
    let count = 0;
    for await (const row of rows) count += row.n > 0 ? 1 : 0;
    expect(count).toBe(1500);
  });
});
