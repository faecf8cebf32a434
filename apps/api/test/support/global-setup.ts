import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { migrate } from '../../src/database/database-runtime';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import { ensureAppLoginRole } from '../../src/database/app-role';
import { databaseUrl, TEMPLATE_DATABASE, TEST_APP_PASSWORD, withAdminClient } from './test-database';

declare global {
  var hstfStopTestServer: (() => Promise<void>) | undefined;
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set, otherwise a throwaway
 * embedded cluster. The schema is migrated once into a template database that each test file
 * copies, so test files never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  let server: string;
  if (process.env.DATABASE_URL) {
    server = process.env.DATABASE_URL;
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hstf-test-db-'));
    const embedded = await startEmbeddedDatabase({ dataDir, database: 'hstf', persistent: false });
    server = embedded.url;
    globalThis.hstfStopTestServer = () => embedded.stop();
  }
  // The API under test serves as the app role, as in production.
  await ensureAppLoginRole(databaseUrl(server, 'postgres'), TEST_APP_PASSWORD);
  await withAdminClient(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const config = loadConfig({ NODE_ENV: 'test' });
  await migrate(config, databaseUrl(server, TEMPLATE_DATABASE));
  process.env.HSTF_TEST_SERVER_URL = server;
}
