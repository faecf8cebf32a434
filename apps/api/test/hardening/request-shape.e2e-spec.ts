import { anOrganizationRequest, asRole, aUser, TEST_PASSWORD } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * One unauthenticated request must not hold the event loop: JSON bodies are bounded in depth and
 * in values before anything parses or walks them, and query strings in parameters.
 */
describe('request shape bounds', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const postJson = (url: string, body: string) =>
    t.http().post(url).set('Content-Type', 'application/json').send(body);

  it('refuses 2,000 nested arrays sent to sign-in with 400, not 500', async () => {
    const response = await postJson('/api/v1/auth/login', '['.repeat(2000) + ']'.repeat(2000));
    const problem = expectProblem(response, 400);
    expect(problem.type).toBe('https://hstf-portfolio.org/problems/too-deeply-nested');
  });

  it('refuses a 1 MB nested body with 400 before parsing it', async () => {
    const half = 512 * 1024 - 8;
    const started = process.hrtime.bigint();
    const response = await postJson('/api/v1/auth/login', '['.repeat(half) + ']'.repeat(half));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expectProblem(response, 400);
    // Parsing and walking it took 3-5 s of the event loop; the scan stops at the 33rd bracket.
    expect(elapsedMs).toBeLessThan(1500);
  });

  it('refuses nested objects past the depth bound on any route', async () => {
    const nested = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
    const before = await count(t.db, 'organizations');
    const problem = expectProblem(await postJson('/api/v1/organizations', nested).set(staff), 400);
    expect(problem.type).toBe('https://hstf-portfolio.org/problems/too-deeply-nested');
    await expect(count(t.db, 'organizations')).resolves.toBe(before);
  });

  it('counts brackets inside strings as text, not as nesting', async () => {
    const name = `Org ${'['.repeat(100)}`;
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(staff)
      .send(anOrganizationRequest({ name }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name });
  });

  it('refuses a flat body with more values than the bound', async () => {
    const response = await postJson('/api/v1/auth/login', `[${'0,'.repeat(20000)}0]`);
    const problem = expectProblem(response, 400);
    expect(problem.type).toBe('https://hstf-portfolio.org/problems/too-many-values');
  });

  it('takes its bounds from the configuration', async () => {
    const strict = await createTestApp({ REQUEST_MAX_JSON_DEPTH: '2' });
    try {
      const user = await aUser(strict);
      const ok = await strict
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(ok.status).toBe(200);
      const deep = await strict
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":{"a":{"b":1}}}');
      expect(expectProblem(deep, 400).type).toBe('https://hstf-portfolio.org/problems/too-deeply-nested');
    } finally {
      await strict.close();
    }
  });

  it('refuses JSON that is not UTF-8', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json; charset=utf-16le')
      .send(Buffer.from('{"email":"a@b.org","password":"x"}', 'utf16le'));
    expectProblem(response, 415);
  });

  it('refuses a query string with more parameters than any list needs', async () => {
    const query = Array.from({ length: 500 }, () => 'country=KEN').join('&');
    const response = await t.http().get(`/api/v1/projects?${query}`).set(staff);
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'query', message: 'must not have more than 100 parameters' }]);
  });

  it('does not build nested objects from form bodies', async () => {
    const before = await count(t.db, 'organizations');
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(staff)
      .type('form')
      .send('name=Nested&kind=un_entity&acronym[a][b][c]=1');
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([{ field: 'acronym[a][b][c]', message: 'is not allowed' }]);
    await expect(count(t.db, 'organizations')).resolves.toBe(before);
  });
});
