import { connect, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
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
    // A second app starts here, slow on a busy machine.
  }, 90_000);

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

  it('answers a malformed JSON body with 400 problem+json', async () => {
    const response = await postJson('/api/v1/auth/login', '{"email": ');
    expect(expectProblem(response, 400).detail).toMatch(/JSON/);
    const scalar = await postJson('/api/v1/auth/login', ' "text"');
    expect(expectProblem(scalar, 400).detail).toMatch(/not valid JSON/);
  });

  /**
   * Bodies are checked as they arrive: a client that has sent only the start of a hostile body
   * gets its answer, and the connection is closed, without the server waiting for (or buffering)
   * the rest. The sockets below send a part and wait; before, the answer came only after the
   * whole declared body had been read.
   */
  describe('while the body streams in', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen(0, '127.0.0.1');
      port = (t.app.getHttpServer().address() as AddressInfo).port;
    });

    /** Sends the head and the start of a body declared `declared` bytes long; resolves with what comes back once the server closes. */
    const partialPost = (declared: number, start: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        const chunks: Buffer[] = [];
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new Error('no answer while the rest of the body was still to come'));
        }, 10_000);
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => {
          clearTimeout(timer);
          socket.destroy();
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
        socket.on('error', reject);
        socket.write(
          'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
            `Content-Length: ${declared}\r\n\r\n${start}`,
        );
      });

    it('reads a gzip-encoded JSON body', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/organizations`, {
        method: 'POST',
        headers: { ...staff, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: gzipSync(JSON.stringify(anOrganizationRequest({ name: 'Compressed partner' }))),
      });
      await expect(response.json()).resolves.toMatchObject({ name: 'Compressed partner' });
      expect(response.status).toBe(201);
    });

    it('refuses nesting past the bound at the first byte over it', async () => {
      const answer = await partialPost(1024 * 1024 - 16, '['.repeat(64));
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(answer).toContain('https://hstf-portfolio.org/problems/too-deeply-nested');
    });

    it('refuses a body declared over 1 MB before reading it', async () => {
      const answer = await partialPost(2 * 1024 * 1024, '{"email":');
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(answer).toContain('application/problem+json');
    });
  });
});
