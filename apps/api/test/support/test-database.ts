import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the global setup: a server URL whose `hstf_template` database holds the migrated schema. */
export const TEMPLATE_DATABASE = 'hstf_template';

export function serverUrl(): string {
  const url = process.env.HSTF_TEST_SERVER_URL;
  if (!url) throw new Error('HSTF_TEST_SERVER_URL is not set: run the tests through jest (global setup)');
  return url;
}

export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(server: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(server, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file, copied from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = serverUrl();
  const name = `hstf_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(server, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  return {
    url: databaseUrl(server, name),
    drop: () =>
      withAdminClient(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
