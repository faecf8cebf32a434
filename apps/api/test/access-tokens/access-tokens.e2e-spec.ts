import { createHash } from 'node:crypto';
import { ACCESS_TOKENS_PER_HOUR } from '@hstf/domain';
import { anOrganizationRequest, asRole, aUser, BuiltUser, signIn } from '../support/builders';
import { expectProblem, rawBody } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Personal access tokens: created by a signed-in user, acting as that user, shown once, revocable. */
describe('personal access tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (session: string, body: Record<string, unknown> = { name: 'Nightly export' }) =>
    t.http().post('/api/v1/access-tokens').set(bearer(session)).send(body);
  const list = (auth: Record<string, string>) => t.http().get('/api/v1/access-tokens').set(auth);
  const me = (token: string) => t.http().get('/api/v1/auth/me').set(bearer(token));

  async function tokenOf(user: BuiltUser, body?: Record<string, unknown>) {
    const response = await create(await signIn(t, user), body);
    expect(response.status).toBe(201);
    return response.body as { id: string; token: string; name: string };
  }

  it('answers the secret once, with its prefix, and lists the token without it', async () => {
    const { user, auth } = await asRole(t, 'reviewer');
    const response = await t
      .http()
      .post('/api/v1/access-tokens')
      .set(auth)
      .send({ name: '  Nightly export ', expiresOn: '2099-01-01' });
    expect(response.status).toBe(400);

    const created = await create(auth.Authorization.slice('Bearer '.length), {
      name: '  Nightly export ',
      expiresOn: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Nightly export',
      createdAt: expect.any(String),
      lastUsedAt: null,
      expiresOn: null,
      expired: false,
      token: expect.stringMatching(/^hstf_pat_[A-Za-z0-9_-]{43}$/),
    });
    const secret = created.body.token as string;

    const listed = await list(auth);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, name: 'Nightly export', expiresOn: null }),
    ]);
    expect(rawBody(listed)).not.toContain(secret);
    expect(rawBody(listed)).not.toContain('hstf_pat_');
    await expect(me(secret)).resolves.toMatchObject({ status: 200, body: { id: user.id } });
  });

  it('stores only the SHA-256 of the secret', async () => {
    const user = await aUser(t, { role: 'staff' });
    const { id, token } = await tokenOf(user);
    const { rows } = await t.db.query<{ token_hash: Buffer; row: string }>(
      `SELECT token_hash, p::text AS row FROM personal_access_tokens p WHERE id = $1`,
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash.equals(sha256(token))).toBe(true);
    const secretPart = token.slice('hstf_pat_'.length);
    expect(rows[0]!.row).not.toContain(secretPart);
    expect(rows[0]!.row).not.toContain(Buffer.from(token).toString('hex'));
  });

  it('acts as its user with their role and no further: a donor token is refused staff routes', async () => {
    const donor = await aUser(t, { role: 'donor' });
    const { token } = await tokenOf(donor);
    await expect(me(token)).resolves.toMatchObject({ status: 200, body: { id: donor.id, role: 'donor' } });
    expectProblem(await t.http().get('/api/v1/users').set(bearer(token)), 403);
    expectProblem(await t.http().get('/api/v1/audit').set(bearer(token)), 403);
    const organizations = await count(t.db, 'organizations');
    expectProblem(
      await t.http().post('/api/v1/organizations').set(bearer(token)).send(anOrganizationRequest()),
      403,
    );
    await expect(count(t.db, 'organizations')).resolves.toBe(organizations);
  });

  it("writes as its user: a staff token's change is audited as theirs, and its use is noted", async () => {
    const staff = await aUser(t, { role: 'staff' });
    const { id, token } = await tokenOf(staff);
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(bearer(token))
      .send(anOrganizationRequest());
    expect(response.status).toBe(201);
    const { rows } = await t.db.query<{ actor_id: string }>(
      `SELECT actor_id FROM audit_entries WHERE entity = 'organization' AND entity_id = $1`,
      [response.body.id],
    );
    expect(rows).toEqual([{ actor_id: staff.id }]);
    const listed = await list(bearer(await signIn(t, staff)));
    expect(listed.body.items).toEqual([expect.objectContaining({ id, lastUsedAt: expect.any(String) })]);
  });

  it('stops working once revoked: 401, one audit entry, gone from the list', async () => {
    const user = await aUser(t, { role: 'staff' });
    const session = await signIn(t, user);
    const { id, token } = await tokenOf(user);
    await expect(me(token)).resolves.toMatchObject({ status: 200 });
    const revoked = await t.http().delete(`/api/v1/access-tokens/${id}`).set(bearer(session));
    expect(revoked.status).toBe(204);
    expectProblem(await me(token), 401);
    await expect(list(bearer(session))).resolves.toMatchObject({ body: { items: [] } });
    const { rows } = await t.db.query<{ action: string; actor_id: string; after: { revokedAt: string } }>(
      `SELECT action, actor_id, after FROM audit_entries WHERE entity = 'access_token' AND entity_id = $1
       ORDER BY occurred_at`,
      [id],
    );
    expect(rows.map((row) => row.action)).toEqual(['create', 'revoke']);
    expect(rows[1]).toMatchObject({ actor_id: user.id, after: { revokedAt: expect.any(String) } });
    expect(JSON.stringify(rows)).not.toContain(token.slice('hstf_pat_'.length));
    expectProblem(await t.http().delete(`/api/v1/access-tokens/${id}`).set(bearer(session)), 404);
  });

  it('stops working once expired: 401', async () => {
    const user = await aUser(t, { role: 'staff' });
    const today = new Date().toISOString().slice(0, 10);
    const { id, token } = await tokenOf(user, { name: 'Until tonight', expiresOn: today });
    await expect(me(token)).resolves.toMatchObject({ status: 200 });
    await t.db.query(
      `UPDATE personal_access_tokens
       SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    expectProblem(await me(token), 401);
    const listed = await list(bearer(await signIn(t, user)));
    expect(listed.body.items).toEqual([expect.objectContaining({ id, expired: true })]);
  });

  it('stops working when its user is deactivated: 401', async () => {
    const user = await aUser(t, { role: 'staff' });
    const { token } = await tokenOf(user);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    expectProblem(await me(token), 401);
  });

  it("cannot revoke someone else's token: 404, and it keeps working", async () => {
    const owner = await aUser(t, { role: 'staff' });
    const { id, token } = await tokenOf(owner);
    const { auth } = await asRole(t, 'admin');
    expectProblem(await t.http().delete(`/api/v1/access-tokens/${id}`).set(auth), 404);
    await expect(me(token)).resolves.toMatchObject({ status: 200 });
    await expect(list(auth)).resolves.toMatchObject({ body: { items: [] } });
  });

  it('cannot create another token nor sign out: only a signed-in session can', async () => {
    const user = await aUser(t, { role: 'admin' });
    const { token } = await tokenOf(user);
    const before = await count(t.db, 'personal_access_tokens');
    expectProblem(await create(token), 403);
    await expect(count(t.db, 'personal_access_tokens')).resolves.toBe(before);
    expectProblem(await t.http().post('/api/v1/auth/logout').set(bearer(token)), 403);
    await expect(me(token)).resolves.toMatchObject({ status: 200 });
  });

  it('refuses an expiry already past or further than a year, writing nothing', async () => {
    const session = await signIn(t, await aUser(t, { role: 'staff' }));
    const tokens = await count(t.db, 'personal_access_tokens');
    const audit = await count(t.db, 'audit_entries');
    for (const expiresOn of ['2020-01-01', '2099-01-01', 'tomorrow']) {
      const problem = expectProblem(await create(session, { name: 'Script', expiresOn }), 400);
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'expiresOn' })]);
    }
    expectProblem(await create(session, { name: '   ' }), 400);
    expectProblem(await create(session, { name: 'Script', role: 'admin' }), 400);
    await expect(count(t.db, 'personal_access_tokens')).resolves.toBe(tokens);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
  });

  it(`limits creation to ${ACCESS_TOKENS_PER_HOUR} tokens an hour per user, with Retry-After`, async () => {
    const user = await aUser(t, { role: 'reviewer' });
    const session = await signIn(t, user);
    for (let i = 0; i < ACCESS_TOKENS_PER_HOUR; i++) {
      const response = await create(session, { name: `Script ${i}` });
      expect(response.status).toBe(201);
      // Revoked tokens count too: revoking does not make room for more within the hour.
      await expect(
        t.http().delete(`/api/v1/access-tokens/${response.body.id}`).set(bearer(session)),
      ).resolves.toMatchObject({ status: 204 });
    }
    const refused = await create(session, { name: 'One too many' });
    expectProblem(refused, 429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    await expect(count(t.db, 'personal_access_tokens', 'user_id = $1', [user.id])).resolves.toBe(
      ACCESS_TOKENS_PER_HOUR,
    );
  });

  it('keeps a session token and the session cookie working as before', async () => {
    const user = await aUser(t, { role: 'donor' });
    const session = await signIn(t, user);
    await expect(me(session)).resolves.toMatchObject({ status: 200, body: { id: user.id } });
    await expect(
      t.http().get('/api/v1/auth/me').set('Cookie', `hstf_session=${session}`),
    ).resolves.toMatchObject({ status: 200, body: { id: user.id } });
    // An access token is a bearer credential only: a cookie holding one is no session.
    const { token } = await tokenOf(user);
    expectProblem(await t.http().get('/api/v1/auth/me').set('Cookie', `hstf_session=${token}`), 401);
  });
});
