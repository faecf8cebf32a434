import { asRole, aUser, TEST_PASSWORD } from '../support/builders';
import { eventually } from '../support/smtp';
import { count, createTestApp, TestApp } from '../support/test-app';

const NEW_PASSWORD = 'a fresh and long enough passphrase';

describe('invitations and password resets by one-time links', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ JOBS_POLL_SECONDS: '1', APP_URL: 'https://portfolio.example.org' });
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t?.close());

  /** The token of the latest link mailed to `email` (kept in the outbox: no SMTP server here). */
  async function linkMailedTo(
    email: string,
    after = 0,
  ): Promise<{ token: string; subject: string; html: string }> {
    let found: { text_body: string; subject: string; html_body: string } | undefined;
    await eventually(15_000, async () => {
      const { rows } = await t.db.query<{ text_body: string; subject: string; html_body: string }>(
        `SELECT text_body, subject, html_body FROM mail_outbox WHERE recipient = $1 ORDER BY created_at`,
        [email],
      );
      found = rows.length > after ? rows[rows.length - 1] : undefined;
      return found !== undefined;
    });
    const token = /\/set-password\?token=([A-Za-z0-9_-]{43})/.exec(found!.text_body)?.[1];
    expect(token).toBeDefined();
    return { token: token!, subject: found!.subject, html: found!.html_body };
  }

  const signIn = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });
  const setPassword = (token: string, password = NEW_PASSWORD) =>
    t.http().post('/api/v1/auth/password').send({ token, password });

  it('lets an invited user choose their password once, from the link mailed in the language asked', async () => {
    const email = 'invited.officer@example.org';
    const invited = await t
      .http()
      .post('/api/v1/users/invitations')
      .set(admin)
      .send({ email, name: 'Invited Officer', role: 'staff', language: 'fr' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email, role: 'staff', active: true });

    const link = await linkMailedTo(email);
    expect(link.subject).toBe('Votre compte HSTF Portfolio');
    expect(link.html).toContain(`href="https://portfolio.example.org/set-password?token=${link.token}"`);
    await expect(
      count(t.db, 'account_tokens', `token_hash = sha256(convert_to($1, 'UTF8'))`, [link.token]),
    ).resolves.toBe(1);

    const audits = await count(t.db, 'audit_entries', `entity = 'user' AND entity_id = $1`, [
      invited.body.id,
    ]);
    expect((await setPassword(link.token)).status).toBe(204);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    await expect(
      count(t.db, 'audit_entries', `entity = 'user' AND entity_id = $1 AND actor_id = $1::uuid`, [
        invited.body.id,
      ]),
    ).resolves.toBe(1);
    await expect(
      count(t.db, 'audit_entries', `entity = 'user' AND entity_id = $1`, [invited.body.id]),
    ).resolves.toBe(audits + 1);

    const again = await setPassword(link.token, 'yet another long passphrase here');
    expect(again.status).toBe(400);
    expect(again.get('content-type')).toContain('application/problem+json');
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers a reset request the same whether or not the address has an account, and mails only an account', async () => {
    const user = await aUser(t, { role: 'reviewer' });
    const known = await t.http().post('/api/v1/auth/password-reset').send({ email: user.email });
    const unknown = await t
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ email: 'nobody.here@example.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const link = await linkMailedTo(user.email);
    expect(link.subject).toBe('Reset your HSTF Portfolio password');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(count(t.db, 'mail_outbox', 'recipient = $1', ['nobody.here@example.org'])).resolves.toBe(0);

    expect((await setPassword(link.token)).status).toBe(204);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await setPassword(link.token, 'a second passphrase, also long')).status).toBe(400);
  });

  it('refuses an expired link, and keeps a link usable when the password chosen is refused', async () => {
    const user = await aUser(t, { role: 'staff' });
    await t.http().post('/api/v1/auth/password-reset').send({ email: user.email });
    const first = await linkMailedTo(user.email);

    const weak = await setPassword(first.token, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
    );

    await t.db.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    expect((await setPassword(first.token)).status).toBe(400);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);

    await t.http().post('/api/v1/auth/password-reset').send({ email: user.email });
    const second = await linkMailedTo(user.email, 1);
    expect(second.token).not.toBe(first.token);
    expect((await setPassword(second.token)).status).toBe(204);
  });

  it('lets only admins invite, and refuses a token of the wrong shape before looking it up', async () => {
    const staff = (await asRole(t, 'staff')).auth;
    const refused = await t
      .http()
      .post('/api/v1/users/invitations')
      .set(staff)
      .send({ email: 'x@example.org', name: 'X', role: 'staff' });
    expect(refused.status).toBe(403);
    expect((await setPassword('not-a-token')).status).toBe(400);
  });
});
