import { readFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../../src/app.setup';
import { CLIENT_SCHEMA_PATH, renderClientSchema } from '../../src/openapi/openapi-document';
import { createTestApp, TestApp } from '../support/test-app';

/** libs/api-client/src/schema.d.ts is generated from the routes and DTOs; it must not drift from them. */
describe('the generated API client', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the OpenAPI document of the API', () => {
    const expected = renderClientSchema(buildOpenApiDocument(t.app));
    const committed = readFileSync(CLIENT_SCHEMA_PATH, 'utf8');
    if (committed !== expected) {
      throw new Error(
        `${CLIENT_SCHEMA_PATH} is out of date with the API: run \`npm run api-client:generate\` and commit the result.\n` +
          firstDifference(committed, expected),
      );
    }
    // Rendering runs openapi-typescript in a child process, which is slow on a busy machine.
  }, 60_000);
});

function firstDifference(committed: string, expected: string): string {
  const a = committed.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `First difference at line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  expected:  ${b[at] ?? '(end of file)'}`;
}
