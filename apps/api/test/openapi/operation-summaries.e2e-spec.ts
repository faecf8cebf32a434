import { buildOpenApiDocument } from '../../src/app.setup';
import { createTestApp, TestApp } from '../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The OpenAPI document is the API's reference for its clients: every route says what it does. */
describe('the OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives every route a summary', () => {
    const document = buildOpenApiDocument(t.app);
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        route: `${method.toUpperCase()} ${path}`,
        summary: item[method]!.summary?.trim(),
      })),
    );
    expect(routes.length).toBeGreaterThan(70);
    expect(routes.filter((route) => !route.summary).map((route) => route.route)).toEqual([]);
  });
});
