import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@hstf/domain';
import { Access, ACCESS_KEY } from '../../src/common/access/access.decorators';
import { asRole } from '../support/builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Operation {
  method: string;
  path: string;
  secured: boolean;
}

// The IATI files are the Fund's public publication (docs/iati.md).
const PUBLIC_OPERATIONS = [
  'GET /api/health',
  'GET /api/v1/iati/activities.xml',
  'GET /api/v1/iati/organisation.xml',
  // The Fund's public page: figures and approved projects, nothing confidential (public-page tests).
  'GET /api/v1/public/fund',
  'POST /api/v1/auth/login',
  // The links mailed to set a password: asked for and used without a session.
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/password-reset',
];
const SOME_ID = '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b';

/** Every route needs a session unless it is declared public; roles are checked per route. */
describe('route access', () => {
  let t: TestApp;
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    const document = await t.http().get('/api/docs-json');
    expect(document.status).toBe(200);
    const paths = document.body.paths as Record<string, Record<string, { security?: unknown[] }>>;
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        secured: (operation.security?.length ?? 0) > 0,
      })),
    );
  });
  afterAll(() => t.close());

  const concrete = (path: string) => path.replace('{iso3}', 'JPN').replace(/\{[^}]+\}/g, randomUUID());
  const call = (operation: Operation) =>
    t
      .http()
      [operation.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](
        concrete(operation.path),
      )
      .set('If-Match', '"1"');
  const key = (operation: Operation) => `${operation.method} ${operation.path}`;

  it('finds the routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(14);
    expect(operations.map(key)).toEqual(expect.arrayContaining([...PUBLIC_OPERATIONS, 'GET /api/v1/users']));
  });

  it('answers 401 problem+json on every route but sign-in and health when there is no session', async () => {
    const notRefused: string[] = [];
    for (const operation of operations) {
      const response = await call(operation).send({});
      if (response.status === 401) expectProblem(response, 401);
      else notRefused.push(key(operation));
    }
    expect(notRefused.sort()).toEqual(PUBLIC_OPERATIONS);
  });

  it('answers 401 on every non-public route for an unknown bearer token or session cookie', async () => {
    for (const operation of operations.filter((o) => !PUBLIC_OPERATIONS.includes(key(o)))) {
      const bearer = await call(operation).set('Authorization', 'Bearer not-a-session').send({});
      const cookie = await call(operation).set('Cookie', 'hstf_session=not-a-session').send({});
      expect({ route: key(operation), bearer: bearer.status, cookie: cookie.status }).toEqual({
        route: key(operation),
        bearer: 401,
        cookie: 401,
      });
    }
  });

  it('documents a security requirement on exactly the non-public operations', () => {
    const unsecured = operations.filter((o) => !o.secured).map(key);
    expect(unsecured.sort()).toEqual(PUBLIC_OPERATIONS);
  });

  it('has every controller handler declare @Public() or @Authenticated(...)', () => {
    const reflector = new Reflector();
    const scanner = new MetadataScanner();
    const controllers = new DiscoveryService(t.app.get(ModulesContainer)).getControllers();
    const handlers: { name: string; access: Access | undefined }[] = [];
    for (const wrapper of controllers) {
      const controller = wrapper.metatype as Type;
      for (const method of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[method] as () => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        handlers.push({
          name: `${controller.name}.${method}`,
          access: reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [handler, controller]),
        });
      }
    }
    expect(handlers.length).toBeGreaterThanOrEqual(operations.length);
    expect(handlers.filter((h) => !h.access).map((h) => h.name)).toEqual([]);
    expect(
      handlers
        .filter((h) => h.access?.public)
        .map((h) => h.name)
        .sort(),
    ).toEqual([
      'AccountLinksController.requestReset',
      'AccountLinksController.setPassword',
      'AuthController.login',
      'HealthController.check',
      'IatiController.activities',
      'IatiController.organisation',
      'PublicPageController.fund',
    ]);
    for (const { name, access } of handlers) {
      if (access && !access.public)
        expect({ name, roles: access.roles.length > 0 }).toEqual({ name, roles: true });
    }
  });

  describe('wrong role', () => {
    const refusals: [Role, string, string][] = [
      ['staff', 'GET', '/api/v1/users'],
      ['staff', 'POST', '/api/v1/users'],
      ['reviewer', 'GET', '/api/v1/users'],
      ['donor', 'GET', '/api/v1/users'],
      ['reviewer', 'POST', '/api/v1/organizations'],
      ['donor', 'POST', '/api/v1/organizations'],
      ['reviewer', 'PATCH', `/api/v1/organizations/${SOME_ID}`],
      ['donor', 'DELETE', `/api/v1/organizations/${SOME_ID}`],
      ['reviewer', 'GET', '/api/v1/audit'],
      ['donor', 'GET', '/api/v1/audit'],
    ];

    it.each(refusals)('refuses %s on %s %s with 403', async (role, method, path) => {
      const { auth } = await asRole(t, role);
      const response = await t
        .http()
        [method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path)
        .set(auth)
        .set('If-Match', '"1"')
        .send({});
      expectProblem(response, 403);
    });

    it('lets admin reach the users list', async () => {
      const { auth } = await asRole(t, 'admin');
      await expect(t.http().get('/api/v1/users').set(auth)).resolves.toMatchObject({ status: 200 });
    });
  });
});

@Controller('v1/undeclared')
class UndeclaredController {
  @Get()
  read(): { secret: string } {
    return { secret: 'should never be served' };
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

describe('a route that declares no access', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, undefined, { imports: [UndeclaredModule] });
  });
  afterAll(() => t.close());

  it('is refused even to a signed-in admin: access fails closed', async () => {
    const { auth } = await asRole(t, 'admin');
    const response = await t.http().get('/api/v1/undeclared').set(auth);
    expectProblem(response, 403);
    expect(response.text).not.toContain('should never be served');
  });

  it('is refused with 401 without a session', async () => {
    expectProblem(await t.http().get('/api/v1/undeclared'), 401);
  });
});
