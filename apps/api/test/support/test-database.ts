import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE, urlAs } from '../../src/database/app-role';

/** Set by the global setup: a server URL whose `hstf_template` database holds the migrated schema. */
export const TEMPLATE_DATABASE = 'hstf_template';

/** The password the global setup gives the app role on the test server. */
export const TEST_APP_PASSWORD = 'hstf-app-test';

/** The test server as its superuser: creates databases, migrates, arranges and inspects rows. */
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

/**
 * A database of its own for one test file, copied from the migrated template in milliseconds.
 * `url` signs in as the app role, as the API serves requests, so a missing grant fails tests;
 * `ownerUrl` as the schema's owner.
 */
export async function createTestDatabase(): Promise<{
  url: string;
  ownerUrl: string;
  drop: () => Promise<void>;
}> {
  const server = serverUrl();
  const name = `hstf_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(server, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  const ownerUrl = databaseUrl(server, name);
  return {
    url: urlAs(ownerUrl, APP_ROLE, TEST_APP_PASSWORD),
    ownerUrl,
    drop: () =>
      withAdminClient(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
