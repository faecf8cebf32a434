import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../../src/app.setup';
import { anOrganizationRequest, asRole } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/** Raw bytes on a socket: the answer Node's HTTP parser gives to what supertest cannot send. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.end(request);
  });
}

function resolveSchema(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
): SchemaObject | undefined {
  if (!schema || !('$ref' in schema)) return schema;
  return document.components?.schemas?.[schema.$ref.split('/').pop()!] as SchemaObject | undefined;
}

function parseAnswer(raw: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return {
    status: Number(head.split(' ')[1]),
    headers: head.toLowerCase(),
    body: JSON.parse(body) as unknown,
  };
}

/** Bad input answers 400 problem+json and writes nothing, never 500 (issue: 283 of 20,786 fuzzed). */
describe('bad input', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const writes = async () => ({
    organizations: await count(t.db, 'organizations'),
    projects: await count(t.db, 'projects'),
    audit: await count(t.db, 'audit_entries'),
  });

  it('refuses a NUL character in a query parameter with 400 before any SQL runs', async () => {
    const problem = expectProblem(await t.http().get('/api/v1/organizations?q=a%00b').set(staff), 400);
    expect(problem.errors).toEqual([{ field: 'q', message: 'must not contain a NUL character' }]);
  });

  it('refuses a NUL character in a path parameter', async () => {
    expectProblem(await t.http().get('/api/v1/organizations/a%00b').set(staff), 400);
  });

  it('refuses a NUL character in a body string and writes nothing', async () => {
    const before = await writes();
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(staff)
      .send(anOrganizationRequest({ name: 'Nul\u0000Org' }));
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'name', message: 'must not contain a NUL character' }]);
    await expect(writes()).resolves.toEqual(before);
  });

  it('refuses a cursor that decodes to a string with a NUL character', async () => {
    const cursor = Buffer.from(JSON.stringify(['a\u0000b', '00000000-0000-0000-0000-000000000000'])).toString(
      'base64url',
    );
    const problem = expectProblem(
      await t.http().get(`/api/v1/organizations?cursor=${cursor}`).set(staff),
      400,
    );
    expect(problem.errors).toEqual([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  });

  it('refuses a lone UTF-16 surrogate in the sign-in email with 400', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"a\\ud800@example.org","password":"long enough password"}');
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([
      { field: 'email', message: 'must be valid Unicode text (it holds a lone UTF-16 surrogate)' },
    ]);
  });

  it('accepts a well-formed surrogate pair (an emoji) in a name', async () => {
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(staff)
      .send(anOrganizationRequest({ name: 'Organization \u{1F30D}' }));
    expect(response.status).toBe(201);
  });

  it('refuses a list of lists as participating organizations with 400 and leaves the project as it was', async () => {
    const project = await aProject(t);
    const before = await writes();
    const patch = await t
      .http()
      .patch(`/api/v1/projects/${project.id}`)
      .set(staff)
      .send({ version: 1, organizations: [[]] });
    const problem = expectProblem(patch, 400);
    expect(problem.errors).toEqual([{ field: 'organizations.0', message: 'must not be a list' }]);
    await expect(writes()).resolves.toEqual(before);
    await expect(
      t.db.query('SELECT version FROM projects WHERE id = $1', [project.id]),
    ).resolves.toMatchObject({
      rows: [{ version: 1 }],
    });
  });

  it('keeps lists of lists out of the contract, so refusing them takes nothing from a client', () => {
    const document = buildOpenApiDocument(t.app);
    const nestedLists = Object.entries(document.components?.schemas ?? {}).flatMap(([name, schema]) =>
      Object.entries((schema as SchemaObject).properties ?? {})
        .filter(([, property]) => {
          const items = resolveSchema(document, resolveSchema(document, property)?.items);
          return items?.type === 'array';
        })
        .map(([property]) => `${name}.${property}`),
    );
    expect(nestedLists).toEqual([]);
  });

  it.each(['__proto__', 'constructor'])(
    'refuses "%s" as a property like any unknown one, and writes nothing',
    async (key) => {
      const project = await aProject(t);
      const before = await writes();
      const body = `{"name":"Prototype ${key}","kind":"un_entity","${key}":{"kind":"other"}}`;
      const create = await t
        .http()
        .post('/api/v1/organizations')
        .set(staff)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(expectProblem(create, 400).errors).toEqual([{ field: key, message: 'is not allowed' }]);

      const nested = `{"version":1,"organizations":[{"organizationId":"${project.organizationIds[0]}","budgetShare":"1.00","${key}":{}}]}`;
      const patch = await t
        .http()
        .patch(`/api/v1/projects/${project.id}`)
        .set(staff)
        .set('Content-Type', 'application/json')
        .send(nested);
      expect(expectProblem(patch, 400).errors).toEqual([
        { field: `organizations.0.${key}`, message: 'is not allowed' },
      ]);
      await expect(writes()).resolves.toEqual(before);
    },
  );

  describe("requests Node's HTTP parser refuses", () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen(0, '127.0.0.1');
      port = (t.app.getHttpServer().address() as AddressInfo).port;
    });

    it('answers both Transfer-Encoding and Content-Length with 400 problem+json', async () => {
      const answer = parseAnswer(
        await exchange(
          port,
          'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
            'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
        ),
      );
      expect(answer.status).toBe(400);
      expect(answer.headers).toContain('content-type: application/problem+json');
      expect(answer.body).toMatchObject({ status: 400, title: 'Bad Request', type: 'about:blank' });
    });

    it('answers a URL over 16 KB with 431 problem+json', async () => {
      const answer = parseAnswer(
        await exchange(
          port,
          `GET /api/v1/organizations?q=${'a'.repeat(17 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
        ),
      );
      expect(answer.status).toBe(431);
      expect(answer.headers).toContain('content-type: application/problem+json');
      expect(answer.body).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
    });
  });
});
