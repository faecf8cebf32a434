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

  it('describes the session token as it is: opaque, not a JWT, and the cookie beside it', () => {
    const schemes = buildOpenApiDocument(t.app).components?.securitySchemes ?? {};
    expect(schemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque' });
    expect(JSON.stringify(schemes)).not.toMatch(/JWT/);
    expect(schemes['hstf_session']).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'hstf_session' });
    expect((schemes['hstf_session'] as { description?: string }).description).toMatch(/httpOnly/);
  });

  it('names in each route only the security schemes it declares', () => {
    const document = buildOpenApiDocument(t.app);
    const declared = Object.keys(document.components?.securitySchemes ?? {});
    const required = new Set(
      Object.values(document.paths).flatMap((item) =>
        METHODS.flatMap((method) => (item[method]?.security ?? []).flatMap((entry) => Object.keys(entry))),
      ),
    );
    expect([...required].filter((name) => !declared.includes(name))).toEqual([]);
    expect(required.size).toBe(2);
  });

  it('cites no document a reader of the API does not have', () => {
    expect(JSON.stringify(buildOpenApiDocument(t.app))).not.toMatch(/DESIGN\.md/);
  });
});
