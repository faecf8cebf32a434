import { aUser, BuiltUser, signIn, TEST_PASSWORD } from '../support/builders';
import { expectProblem, rawBody } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

/** Sign-in, the session cookie and bearer token, and everything that ends a session (DESIGN.md §6). */
describe('sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_MINUTES: '30' });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });
  const me = (headers: Record<string, string>) => t.http().get('/api/v1/auth/me').set(headers);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** The one session of a user who signed in once. */
  const sessionOf = (user: BuiltUser) =>
    t.db.query<{ id: string }>(`SELECT id FROM sessions WHERE user_id = $1`, [user.id]).then((r) => {
      expect(r.rows).toHaveLength(1);
      return r.rows[0]!.id;
    });

  function sessionCookie(setCookie: string[] | string | undefined): string {
    const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    const cookie = cookies.find((c) => c.startsWith('hstf_session='));
    if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
    return cookie;
  }

  describe('sign-in', () => {
    let user: BuiltUser;
    beforeAll(async () => {
      user = await aUser(t, { role: 'reviewer' });
    });

    it('answers the token, its expiry and the user', async () => {
      const response = await login(user.email, TEST_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        token: expect.any(String),
        expiresAt: expect.any(String),
        user: expect.objectContaining({ id: user.id, email: user.email, role: 'reviewer', active: true }),
      });
    });

    it('never answers the password hash', async () => {
      const response = await login(user.email, TEST_PASSWORD);
      expect(response.status).toBe(200);
      expect(rawBody(response)).not.toMatch(/password|argon2/i);
    });

    it('sets an httpOnly, SameSite=Strict session cookie that works on its own', async () => {
      const response = await login(user.email, TEST_PASSWORD);
      const cookie = sessionCookie(response.headers['set-cookie']);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Strict/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      const value = cookie.split(';')[0]!;
      expect(value).toBe(`hstf_session=${response.body.token}`);
      await expect(me({ Cookie: value })).resolves.toMatchObject({ status: 200, body: { id: user.id } });
    });

    it('gives a bearer token that works on its own', async () => {
      const token = await signIn(t, user);
      await expect(me(bearer(token))).resolves.toMatchObject({
        status: 200,
        body: { id: user.id, email: user.email },
      });
    });

    it('accepts the email in any case and with surrounding spaces', async () => {
      await expect(login(`  ${user.email.toUpperCase()} `, TEST_PASSWORD)).resolves.toMatchObject({
        status: 200,
      });
    });

    it('stores the session token only hashed', async () => {
      const token = await signIn(t, user);
      const { rows } = await t.db.query<{ token_hash: Buffer; row: string }>(
        `SELECT token_hash, s::text AS row FROM sessions s WHERE user_id = $1`,
        [user.id],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.token_hash.equals(Buffer.from(token))).toBe(false);
        expect(row.token_hash.toString('base64url')).not.toBe(token);
        expect(row.row).not.toContain(token);
        expect(row.row).not.toContain(Buffer.from(token).toString('hex'));
      }
    });

    it('refuses a wrong password with 401', async () => {
      const response = await login(user.email, 'not the password at all');
      expectProblem(response, 401);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('refuses an unknown email with the same 401 as a wrong password', async () => {
      const wrongPassword = expectProblem(await login(user.email, 'not the password at all'), 401);
      const unknownEmail = expectProblem(
        await login('nobody.at.all@example.org', 'not the password at all'),
        401,
      );
      expect(unknownEmail).toEqual(wrongPassword);
    });

    it('refuses a deactivated user with the same 401', async () => {
      const inactive = await aUser(t, { active: false });
      const response = await login(inactive.email, TEST_PASSWORD);
      expect(expectProblem(response, 401).detail).toBe('The email or password is not correct.');
    });
  });

  describe('GET /auth/me', () => {
    it('returns the signed-in user without password material', async () => {
      const user = await aUser(t, { role: 'donor' });
      const response = await me(bearer(await signIn(t, user)));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: user.id,
        email: user.email,
        role: 'donor',
        donorId: user.donorId,
      });
      expect(rawBody(response)).not.toMatch(/password|argon2/i);
    });

    it('answers 401 without a session', async () => {
      expectProblem(await me({}), 401);
    });
  });

  describe('ending a session', () => {
    it('logout answers 204, after which the token gets 401', async () => {
      const user = await aUser(t);
      const token = await signIn(t, user);
      const response = await t.http().post('/api/v1/auth/logout').set(bearer(token));
      expect(response.status).toBe(204);
      expectProblem(await me(bearer(token)), 401);
    });

    it('logout through the cookie clears it, after which the cookie gets 401', async () => {
      const user = await aUser(t);
      const signedIn = await login(user.email, TEST_PASSWORD);
      const cookie = sessionCookie(signedIn.headers['set-cookie']).split(';')[0]!;
      const response = await t.http().post('/api/v1/auth/logout').set('Cookie', cookie);
      expect(response.status).toBe(204);
      expect(sessionCookie(response.headers['set-cookie'])).toMatch(
        /^hstf_session=;.*Expires=Thu, 01 Jan 1970/i,
      );
      expectProblem(await me({ Cookie: cookie }), 401);
      expectProblem(await me(bearer(signedIn.body.token)), 401);
    });

    it('logout ends only that session', async () => {
      const user = await aUser(t);
      const first = await signIn(t, user);
      const second = await signIn(t, user);
      await t.http().post('/api/v1/auth/logout').set(bearer(first)).expect(204);
      await expect(me(bearer(second))).resolves.toMatchObject({ status: 200 });
    });

    it('an expired session gets 401', async () => {
      const user = await aUser(t);
      const token = await signIn(t, user);
      await expect(me(bearer(token))).resolves.toMatchObject({ status: 200 });
      await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        await sessionOf(user),
      ]);
      expectProblem(await me(bearer(token)), 401);
    });

    it('a session idle for longer than SESSION_IDLE_MINUTES gets 401', async () => {
      const user = await aUser(t);
      const token = await signIn(t, user);
      await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [
        await sessionOf(user),
      ]);
      expectProblem(await me(bearer(token)), 401);
    });

    it('a session idle for less than SESSION_IDLE_MINUTES still works and counts as seen again', async () => {
      const user = await aUser(t);
      const token = await signIn(t, user);
      const session = await sessionOf(user);
      await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1`, [
        session,
      ]);
      await expect(me(bearer(token))).resolves.toMatchObject({ status: 200 });
      await expect(
        t.db.query(`SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM sessions WHERE id = $1`, [
          session,
        ]),
      ).resolves.toMatchObject({ rows: [{ fresh: true }] });
    });

    it("a deactivated user's existing token gets 401", async () => {
      const user = await aUser(t);
      const token = await signIn(t, user);
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
      expectProblem(await me(bearer(token)), 401);
    });

    it('a revoked session gets 401', async () => {
      const user = await aUser(t);
      const token = await signIn(t, user);
      await t.db.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1`, [await sessionOf(user)]);
      expectProblem(await me(bearer(token)), 401);
    });
  });
});
