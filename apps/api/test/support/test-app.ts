import { Module, type ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../src/app.module';
import { buildOpenApiDocument, configureApp, createHttpAdapter } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { assertContract, ResponseContract } from './response-contract';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** Requests to the API; every answer is checked against the OpenAPI document. */
  http: () => TestAgent;
  /** Direct SQL as the schema's owner, for arranging state and checking what was (not) written. */
  db: Pool;
  /** The database's URL, for a second API instance on the same database. */
  url: string;
  config: AppConfig;
  close: () => Promise<void>;
}

/**
 * The real API, serving as the app role on a fresh copy of the migrated database (or on `url`,
 * with `ownerUrl` for `db`). `imports` adds modules beside AppModule, for tests that need a route
 * the API does not have; `logDestination` receives the log lines.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  url?: string,
  options: {
    imports?: ModuleMetadata['imports'];
    ownerUrl?: string;
    /** Where the log lines go instead of stdout (LOG_LEVEL in `env` chooses which are written). */
    logDestination?: DestinationStream;
  } = {},
): Promise<TestApp> {
  const database = url
    ? { url, ownerUrl: options.ownerUrl ?? url, drop: () => Promise.resolve() }
    : await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '', ...env });
  // Built as main.ts builds it (NestFactory.create, then configureApp), not by Nest's testing module:
  // the two register Fastify's plugins in another order, and an upload defect that depended on that
  // order passed every test while the built API refused uploads.
  @Module({
    imports: [
      AppModule.forRoot(config, database.url, { logDestination: options.logDestination }),
      ...(options.imports ?? []),
    ],
  })
  class TestRootModule {}
  const app = await NestFactory.create<NestFastifyApplication>(TestRootModule, createHttpAdapter(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  await configureApp(app, config);
  await app.init();
  // Fastify's routes are ready once its plugins have loaded; supertest then talks to its server.
  await app.getHttpAdapter().getInstance().ready();
  const db = new Pool({ connectionString: database.ownerUrl, max: 3 });
  // Dropping the database (WITH FORCE) when the file is done kills the connections of this pool that
  // are idle or still closing (pool.end() resolves before they have closed): their errors are
  // expected then, reported to the pool or to the client, and must not fail the file.
  db.on('error', () => undefined);
  db.on('connect', (client) => client.on('error', () => undefined));
  // Built on the first answer, from the same app: a test's own routes (`imports`) are in it too.
  let contract: ResponseContract | undefined;
  const contractOf = () => (contract ??= new ResponseContract(buildOpenApiDocument(app)));
  return {
    app,
    http: () => contractChecked(request(app.getHttpServer()), contractOf),
    db,
    url: database.url,
    config,
    close: async () => {
      await app.close();
      await db.end();
      await database.drop();
    },
  };
}

/**
 * The test client, with a check added before the test's own expectations on every request: the
 * answer must be what the OpenAPI document declares for its route, method and status.
 */
function contractChecked(client: TestAgent, contract: () => ResponseContract): TestAgent {
  const methods = client as unknown as Record<string, (url: string) => request.Test>;
  const checked: Record<string, (url: string) => request.Test> = {};
  for (const [method, make] of Object.entries(methods)) {
    checked[method] = (url: string) =>
      make(url).expect((response: request.Response) =>
        assertContract(contract(), {
          method: method === 'del' ? 'delete' : method,
          url,
          status: response.status,
          contentType: response.get('content-type'),
          // A binary body (a spreadsheet) has no text; it is a body all the same.
          text:
            typeof response.text === 'string'
              ? response.text
              : Buffer.isBuffer(response.body)
                ? response.body.toString('latin1')
                : '',
        }),
      );
  }
  return checked as unknown as TestAgent;
}

export async function count(
  db: Pool,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return rows[0]!.n;
}
