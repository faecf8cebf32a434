import { TEMPLATE_DATABASE, withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = process.env.HSTF_TEST_SERVER_URL;
  if (server && process.env.DATABASE_URL) {
    // On a shared server, leave nothing behind.
    await withAdminClient(server, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'hstf\\_test\\_%' OR datname = $1`,
        [TEMPLATE_DATABASE],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    });
  }
  await globalThis.hstfStopTestServer?.();
}
