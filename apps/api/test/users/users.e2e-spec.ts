import type { Response } from 'supertest';
import { aDonor, asRole, aUser, aUserRequest, BuiltUser, signIn, TEST_PASSWORD } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/** User management: admin only; passwords, donor links, unique emails and one's own account. */
describe('users', () => {
  let t: TestApp;
  let admin: { user: BuiltUser; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await asRole(t, 'admin');
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>) => t.http().post('/api/v1/users').set(admin.auth).send(body);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('create', () => {
    it('creates a user who can then sign in, without answering the password', async () => {
      const request = aUserRequest({ role: 'reviewer' });
      const response = await create(request);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        email: request.email,
        role: 'reviewer',
        active: true,
        version: 1,
        donorId: null,
      });
      expect(response.text).not.toMatch(/password|argon2/i);
      const signedIn = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: request.email, password: request.password });
      expect(signedIn.status).toBe(200);
    });

    it('refuses a password shorter than 12 characters on the field password, and writes nothing', async () => {
      const before = await count(t.db, 'users');
      const response = await create(aUserRequest({ password: 'elevenchars' }));
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'password', message: 'must be at least 12 characters long' },
      ]);
      await expect(count(t.db, 'users')).resolves.toBe(before);
    });

    it('accepts a password of exactly 12 characters', async () => {
      await expect(create(aUserRequest({ password: 'twelve chars' }))).resolves.toMatchObject({
        status: 201,
      });
    });

    it('refuses the email address as the password', async () => {
      const request = aUserRequest();
      const response = await create({ ...request, password: request.email });
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'password', message: expect.any(String) },
      ]);
    });

    it.each([
      ['aaaaaaaaaaaa', 'must not be one character repeated'],
      ['            ', 'must not be one character repeated'],
      ['password1234', expect.stringMatching(/^is too common/)],
      ['P@ssw0rd2026', expect.stringMatching(/^is too common/)],
      ['qwertyuiop123', expect.stringMatching(/^is too common/)],
    ])(
      'refuses the weak password %j on the field password, and writes nothing',
      async (password, message) => {
        const users = await count(t.db, 'users');
        const entries = await count(t.db, 'audit_entries');
        const response = await create(aUserRequest({ password }));
        expect(expectProblem(response, 400).errors).toEqual([{ field: 'password', message }]);
        await expect(count(t.db, 'users')).resolves.toBe(users);
        await expect(count(t.db, 'audit_entries')).resolves.toBe(entries);
      },
    );

    it('refuses a password that contains the email address', async () => {
      const request = aUserRequest();
      const response = await create({ ...request, password: `my ${String(request.email)} 2026` });
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'password', message: 'must not contain the email address' },
      ]);
    });

    it('refuses a donor user without a donor on the field donorId', async () => {
      const response = await create(aUserRequest({ role: 'donor' }));
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'donorId', message: expect.any(String) },
      ]);
    });

    it('refuses a donor link on a user who is not a donor', async () => {
      const response = await create(aUserRequest({ role: 'staff', donorId: await aDonor(t) }));
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'donorId', message: expect.any(String) },
      ]);
    });

    it('refuses a donor that does not exist', async () => {
      const response = await create(
        aUserRequest({ role: 'donor', donorId: '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b' }),
      );
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'donorId', message: 'is not a known donor' },
      ]);
    });

    it('creates a donor user linked to a donor', async () => {
      const donorId = await aDonor(t);
      await expect(create(aUserRequest({ role: 'donor', donorId }))).resolves.toMatchObject({
        status: 201,
        body: { role: 'donor', donorId },
      });
    });

    it('stores the email in lower case, without surrounding spaces', async () => {
      const response = await create(aUserRequest({ email: '  Mixed.Case.Person@Example.ORG ' }));
      expect(response.status).toBe(201);
      expect(response.body.email).toBe('mixed.case.person@example.org');
      await expect(count(t.db, 'users', `email = 'mixed.case.person@example.org'`)).resolves.toBe(1);
    });

    it('refuses a duplicate email with 409 on the field email, whatever its case', async () => {
      const existing = await aUser(t);
      const before = await count(t.db, 'users');
      const response = await create(aUserRequest({ email: existing.email.toUpperCase() }));
      expect(expectProblem(response, 409).errors).toEqual([{ field: 'email', message: expect.any(String) }]);
      await expect(count(t.db, 'users')).resolves.toBe(before);
    });

    it('refuses an invalid email and an unknown role', async () => {
      const response = await create(aUserRequest({ email: 'not-an-email', role: 'superuser' }));
      const fields = expectProblem(response, 400)
        .errors!.map((e) => e.field)
        .sort();
      expect(fields).toEqual(['email', 'role']);
    });
  });

  describe('update', () => {
    it("changing a user's password ends that user's sessions, and only theirs", async () => {
      const user = await aUser(t);
      const bystander = await aUser(t);
      const token = await signIn(t, user);
      const bystanderToken = await signIn(t, bystander);
      const response = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin.auth)
        .send({ version: 1, password: 'a brand new password' });
      expect(response.status).toBe(200);
      expectProblem(await t.http().get('/api/v1/auth/me').set(bearer(token)), 401);
      await expect(t.http().get('/api/v1/auth/me').set(bearer(bystanderToken))).resolves.toMatchObject({
        status: 200,
      });
      await expect(t.http().get('/api/v1/auth/me').set(admin.auth)).resolves.toMatchObject({ status: 200 });
      await expect(signIn(t, user, 'a brand new password')).resolves.toEqual(expect.any(String));
    });

    it("deactivating a user ends that user's sessions and refuses their sign-in", async () => {
      const user = await aUser(t);
      const token = await signIn(t, user);
      const response = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin.auth)
        .send({ version: 1, active: false });
      expect(response.status).toBe(200);
      await expect(count(t.db, 'sessions', 'user_id = $1 AND revoked_at IS NULL', [user.id])).resolves.toBe(
        0,
      );
      expectProblem(await t.http().get('/api/v1/auth/me').set(bearer(token)), 401);
      expectProblem(
        await t.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }),
        401,
      );
    });

    it('refuses a short new password on the field password', async () => {
      const user = await aUser(t);
      const response = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin.auth)
        .send({ version: 1, password: 'short' });
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'password', message: expect.any(String) },
      ]);
    });

    it('refuses a common new password, and the old one still signs in', async () => {
      const user = await aUser(t);
      const response = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin.auth)
        .send({ version: 1, password: 'iloveyou2026' });
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'password', message: expect.stringMatching(/^is too common/) },
      ]);
      await expect(signIn(t, user)).resolves.toEqual(expect.any(String));
    });

    it('refuses to let admins deactivate themselves (409), and leaves them active', async () => {
      const self = await asRole(t, 'admin');
      const response = await t
        .http()
        .patch(`/api/v1/users/${self.user.id}`)
        .set(self.auth)
        .send({ version: 1, active: false });
      expectProblem(response, 409);
      await expect(count(t.db, 'users', 'id = $1 AND active', [self.user.id])).resolves.toBe(1);
      await expect(t.http().get('/api/v1/auth/me').set(self.auth)).resolves.toMatchObject({ status: 200 });
    });

    it('refuses to let admins remove their own admin role (409)', async () => {
      const self = await asRole(t, 'admin');
      const response = await t
        .http()
        .patch(`/api/v1/users/${self.user.id}`)
        .set(self.auth)
        .send({ version: 1, role: 'staff' });
      expectProblem(response, 409);
      await expect(count(t.db, 'users', `id = $1 AND role = 'admin'`, [self.user.id])).resolves.toBe(1);
    });

    it('lets an admin deactivate another admin', async () => {
      const other = await aUser(t, { role: 'admin' });
      await expect(
        t.http().patch(`/api/v1/users/${other.id}`).set(admin.auth).send({ version: 1, active: false }),
      ).resolves.toMatchObject({ status: 200, body: { active: false } });
    });

    it('answers 404 for a user that does not exist', async () => {
      const response = await t
        .http()
        .patch('/api/v1/users/3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b')
        .set(admin.auth)
        .send({ version: 1, name: 'Nobody' });
      expectProblem(response, 404);
    });
  });

  describe('list', () => {
    it('filters by role', async () => {
      await aUser(t, { role: 'reviewer' });
      await aUser(t, { role: 'donor' });
      const response = await t
        .http()
        .get('/api/v1/users')
        .query({ role: 'reviewer', limit: 200 })
        .set(admin.auth);
      expect(response.status).toBe(200);
      const roles = (response.body.items as { role: string }[]).map((u) => u.role);
      expect(roles.length).toBeGreaterThan(0);
      expect(new Set(roles)).toEqual(new Set(['reviewer']));
      await expect(count(t.db, 'users', `role = 'reviewer'`)).resolves.toBe(roles.length);
    });

    it('filters by part of the email or name, case-insensitively', async () => {
      const target = await aUser(t, { email: 'findable.zebra@example.org' });
      await aUser(t, { email: 'someone.else@example.org' });
      const response = await t.http().get('/api/v1/users').query({ q: 'ZEBRA' }).set(admin.auth);
      expect(response.status).toBe(200);
      expect(response.body.items.map((u: { id: string }) => u.id)).toEqual([target.id]);
    });

    it('treats % and _ in q literally', async () => {
      const response = await t.http().get('/api/v1/users').query({ q: '%' }).set(admin.auth);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
    });

    it('pages through every user exactly once', async () => {
      for (let i = 0; i < 3; i++) await aUser(t);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response: Response = await t
          .http()
          .get('/api/v1/users')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(admin.auth);
        ids.push(...response.body.items.map((u: { id: string }) => u.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(new Set(ids).size).toBe(ids.length);
      await expect(count(t.db, 'users')).resolves.toBe(ids.length);
    });

    it('never answers password hashes', async () => {
      const response = await t.http().get('/api/v1/users').query({ limit: 200 }).set(admin.auth);
      expect(response.status).toBe(200);
      expect(response.text).not.toMatch(/password|argon2/i);
    });
  });
});
