import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { aUser, signIn } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const PACKAGE_DIR = path.resolve(__dirname, '../../../../libs/api-client');
const SCRIPT = path.join(__dirname, 'fixtures/integrator-script.mjs');

/**
 * libs/api-client as an integrator installs it: built, imported by its name from plain Node (ES
 * module resolution through its package.json), and used with a personal access token against the
 * API listening on a real port.
 */
describe('the published API client', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    // The package's own build, so the test uses what `npm pack` would ship from today's source.
    await run('npm', ['run', 'build'], { cwd: PACKAGE_DIR });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  }, 180_000);
  afterAll(() => t.close());

  it('ships only its build, README and package.json', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: PACKAGE_DIR,
    });
    const [packed] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    const files = packed.files.map((file) => file.path).sort();
    expect(files).toEqual([
      'README.md',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/schema.d.ts',
      'package.json',
    ]);
  }, 60_000);

  it('works from Node with a personal access token, as its user and within their role', async () => {
    const staff = await aUser(t, { role: 'staff' });
    const created = await t
      .http()
      .post('/api/v1/access-tokens')
      .set({ Authorization: `Bearer ${await signIn(t, staff)}` })
      .send({ name: 'Integration script' });
    expect(created.status).toBe(201);
    const name = `Organization from a script ${Date.now()}`;

    const { stdout } = await run(process.execPath, [SCRIPT], {
      env: {
        PATH: process.env.PATH,
        HSTF_URL: baseUrl,
        HSTF_TOKEN: created.body.token,
        ORGANIZATION_NAME: name,
      },
    });
    const seen = JSON.parse(stdout.trim());
    expect(seen).toEqual({
      me: { status: 200, id: staff.id, role: 'staff' },
      created: { status: 201, id: expect.any(String) },
      users: { status: 403, problem: true },
      listed: true,
    });
    const { rows } = await t.db.query<{ name: string; actor_id: string }>(
      `SELECT o.name, a.actor_id FROM organizations o
       JOIN audit_entries a ON a.entity = 'organization' AND a.entity_id = o.id::text WHERE o.id = $1`,
      [seen.created.id],
    );
    expect(rows).toEqual([{ name, actor_id: staff.id }]);
  }, 60_000);

  it('is refused with 401 once the token is revoked', async () => {
    const user = await aUser(t, { role: 'donor' });
    const session = { Authorization: `Bearer ${await signIn(t, user)}` };
    const created = await t.http().post('/api/v1/access-tokens').set(session).send({ name: 'Revoked' });
    await expect(
      t.http().delete(`/api/v1/access-tokens/${created.body.id}`).set(session),
    ).resolves.toMatchObject({ status: 204 });
    const { stdout } = await run(process.execPath, [SCRIPT], {
      env: {
        PATH: process.env.PATH,
        HSTF_URL: baseUrl,
        HSTF_TOKEN: created.body.token,
        ORGANIZATION_NAME: 'x',
      },
    });
    expect(JSON.parse(stdout.trim())).toMatchObject({
      me: { status: 401 },
      created: { status: 401 },
      users: { status: 401, problem: true },
    });
  }, 60_000);
});
