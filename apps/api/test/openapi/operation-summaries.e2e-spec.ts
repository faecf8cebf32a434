import { buildOpenApiDocument } from '../../src/app.setup';
import { createTestApp, TestApp } from '../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  example?: unknown;
  properties?: Record<string, Schema>;
}

/** A reference to another schema (alone, wrapped for a description, or as an array's items). */
function isReference(schema: Schema): boolean {
  return Boolean(
    schema.$ref || schema.allOf?.every((part) => part.$ref) || (schema.items && isReference(schema.items)),
  );
}

/**
 * A schema shows a client what it looks like: its own example, an example on at least one of its
 * fields, or, for a wrapper made only of other schemas, theirs.
 */
function hasExample(schema: Schema): boolean {
  const fields = Object.values(schema.properties ?? {});
  return (
    schema.example !== undefined ||
    fields.some((field) => field.example !== undefined || field.items?.example !== undefined) ||
    (fields.length > 0 && fields.every(isReference))
  );
}

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

  it('gives every request and answer schema an example', () => {
    const schemas = (buildOpenApiDocument(t.app).components?.schemas ?? {}) as Record<string, Schema>;
    expect(Object.keys(schemas).length).toBeGreaterThan(150);
    expect(Object.keys(schemas).filter((name) => !hasExample(schemas[name]!))).toEqual([]);
  });

  it('describes the session token and the personal access token as they are: opaque, not a JWT, and the cookie beside them', () => {
    const schemes = buildOpenApiDocument(t.app).components?.securitySchemes ?? {};
    expect(schemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque' });
    const bearer = (schemes['bearer'] as { description?: string }).description;
    expect(bearer).toMatch(/session token/);
    expect(bearer).toMatch(/personal access token \(`hstf_pat_…`\)/);
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
