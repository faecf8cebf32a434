import { anOrganization, anOrganizationRequest, asRole, aUser, aUserRequest } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/** Bad input answers a clear 400 problem document and writes nothing (DESIGN.md §6, §7). */
describe('request validation', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  async function rowCounts() {
    return {
      organizations: await count(t.db, 'organizations'),
      users: await count(t.db, 'users'),
      audit: await count(t.db, 'audit_entries'),
    };
  }

  it('refuses an unknown property when creating an organization, naming the field, and writes nothing', async () => {
    const before = await rowCounts();
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(admin)
      .send(anOrganizationRequest({ budget: 1000 }));
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'budget', message: 'is not allowed' }]);
    await expect(rowCounts()).resolves.toEqual(before);
  });

  it('refuses an unknown property when updating an organization and leaves the row as it was', async () => {
    const organization = await anOrganization(t);
    const before = await rowCounts();
    const response = await t
      .http()
      .patch(`/api/v1/organizations/${organization.id}`)
      .set(admin)
      .send({ version: 1, name: 'Renamed organization', secret: true });
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'secret', message: 'is not allowed' }]);
    await expect(rowCounts()).resolves.toEqual(before);
    await expect(
      t.db.query('SELECT name, version FROM organizations WHERE id = $1', [organization.id]),
    ).resolves.toMatchObject({
      rows: [{ name: organization.name, version: 1 }],
    });
  });

  it('refuses an unknown property when creating a user, naming the field, and writes nothing', async () => {
    const before = await rowCounts();
    const response = await t
      .http()
      .post('/api/v1/users')
      .set(admin)
      .send(aUserRequest({ isSuperuser: true }));
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'isSuperuser', message: 'is not allowed' }]);
    await expect(rowCounts()).resolves.toEqual(before);
  });

  it('refuses an unknown property when updating a user and leaves the row as it was', async () => {
    const user = await aUser(t);
    const before = await rowCounts();
    const response = await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set(admin)
      .send({ version: 1, name: 'Renamed', passwordHash: 'x' });
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'passwordHash', message: 'is not allowed' }]);
    await expect(rowCounts()).resolves.toEqual(before);
    await expect(
      t.db.query('SELECT name, version FROM users WHERE id = $1', [user.id]),
    ).resolves.toMatchObject({
      rows: [{ name: 'Test staff', version: 1 }],
    });
  });

  it('refuses a wrongly typed field with its name and a readable message', async () => {
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(admin)
      .send(anOrganizationRequest({ kind: 'company' }));
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'kind', message: expect.stringContaining('must be one of') }]);
  });

  it.each([
    ['GET', '/api/v1/organizations/not-a-uuid'],
    ['PATCH', '/api/v1/organizations/123'],
    ['DELETE', '/api/v1/organizations/x'],
    ['GET', '/api/v1/users/not-a-uuid'],
    ['PATCH', '/api/v1/users/42'],
  ])('refuses a malformed id in the path of %s %s with 400 problem+json', async (method, path) => {
    const response = await t
      .http()
      [method.toLowerCase() as 'get' | 'patch' | 'delete'](path)
      .set(admin)
      .set('If-Match', '"1"')
      .send({});
    expectProblem(response, 400);
  });

  it('refuses a malformed JSON body with 400 problem+json, without a stack trace, and writes nothing', async () => {
    const before = await rowCounts();
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{"name": "Broken", "kind": ');
    expectProblem(response, 400);
    expect(response.body).not.toHaveProperty('stack');
    await expect(rowCounts()).resolves.toEqual(before);
  });

  it('refuses a malformed JSON sign-in with 400 problem+json', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":');
    expectProblem(response, 400);
  });

  it('refuses a cursor the list did not give out with 400 on the field cursor', async () => {
    const response = await t
      .http()
      .get('/api/v1/organizations')
      .query({ cursor: 'bm90IGEgY3Vyc29y' })
      .set(admin);
    expect(expectProblem(response, 400).errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it.each(['/api/v1/organizations', '/api/v1/users', '/api/v1/audit'])(
    'refuses a well-formed but forged cursor on %s with 400, not a database error',
    async (path) => {
      const forged = Buffer.from(JSON.stringify(['not a date', 'not-a-uuid'])).toString('base64url');
      const response = await t.http().get(path).query({ cursor: forged }).set(admin);
      expectProblem(response, 400);
    },
  );

  it('refuses a limit above the maximum', async () => {
    const response = await t.http().get('/api/v1/organizations').query({ limit: 201 }).set(admin);
    expect(expectProblem(response, 400).errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    expectProblem(await t.http().get('/api/v1/no-such-thing').set(admin), 404);
  });
});
