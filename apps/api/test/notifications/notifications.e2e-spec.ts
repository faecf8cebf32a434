import { addDays } from '@hstf/domain';
import { todayUtc } from '../../src/compliance';
import { NotificationDispatchService, NotificationScanService } from '../../src/notifications';
import { asRole, aUser, BuiltUser, signIn } from '../support/builders';
import { aContributionRequest, aDonorOfKind } from '../support/fund-builders';
import { aConsent, anAlignment } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { eventually, startSmtpServer, TestSmtp } from '../support/smtp';
import { count, createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const APP_URL = 'https://portfolio.example.org';
const SIGNATORY = 'Amina Confidential-Signatory';

describe('notifications and their mail, through a real SMTP server', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let staff: { Authorization: string };
  let dispatch: NotificationDispatchService;
  let scanner: NotificationScanService;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'HSTF <hstf@example.org>',
      APP_URL,
      JOBS_POLL_SECONDS: '1',
    });
    staff = (await asRole(t, 'staff')).auth;
    dispatch = t.app.get(NotificationDispatchService);
    scanner = t.app.get(NotificationScanService);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const bearer = async (user: BuiltUser) => ({ Authorization: `Bearer ${await signIn(t, user)}` });
  const notificationsOf = async (user: BuiltUser) => {
    const response = await t
      .http()
      .get('/api/v1/notifications')
      .set(await bearer(user));
    expect(response.status).toBe(200);
    return response.body as {
      items: { id: string; kind: string; title: string; body: string; link: string; read: boolean }[];
      unread: number;
    };
  };
  /** Every change job queued so far has run: nothing calls the notifications in the test's place. */
  const changesTold = () =>
    eventually(
      15_000,
      async () =>
        (await count(
          t.db,
          'pgboss.job',
          `name = 'notifications-change' AND state::text IN ('created', 'retry', 'active')`,
        )) === 0,
    );
  const assign = async (projectId: string, reviewer: BuiltUser) => {
    const response = await t
      .http()
      .post(`/api/v1/projects/${projectId}/reviews`)
      .set(staff)
      .send({ reviewerId: reviewer.id });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it('tells an assigned reviewer in the dashboard and by mail, with a link to the review', async () => {
    const project = await aProject(t, { stage: 'under_review', title: 'Drought early warning in Turkana' });
    const reviewer = await aUser(t, { role: 'reviewer' });
    const reviewId = await assign(project.id, reviewer);

    // Sent by the jobs the assignment queued: nothing here calls the dispatcher.
    await eventually(15_000, () => smtp.to(reviewer.email).length > 0);
    const [mail] = smtp.to(reviewer.email);
    expect(mail!.subject).toBe(`You are asked to review ${project.code}`);
    expect(mail!.from?.text).toContain('hstf@example.org');
    expect(mail!.text).toContain(`${APP_URL}/reviews/${reviewId}`);
    expect(mail!.text).toContain('Drought early warning in Turkana');
    expect(mail!.html).toContain(`href="${APP_URL}/reviews/${reviewId}"`);
    expect(mail!.html).toContain('dir="ltr"');

    const mine = await notificationsOf(reviewer);
    expect(mine.unread).toBe(1);
    expect(mine.items).toEqual([
      expect.objectContaining({ kind: 'review_assigned', link: `/reviews/${reviewId}`, read: false }),
    ]);
  });

  it('writes the mail in the language the reviewer chose, Arabic right to left with a plain-text part', async () => {
    const project = await aProject(t, { stage: 'under_review' });
    const reviewer = await aUser(t, { role: 'reviewer' });
    const changed = await t
      .http()
      .patch('/api/v1/notifications/settings')
      .set(await bearer(reviewer))
      .send({ language: 'ar' });
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe('ar');
    await assign(project.id, reviewer);
    await eventually(15_000, () => smtp.to(reviewer.email).length > 0);
    const [mail] = smtp.to(reviewer.email);
    expect(mail!.subject).toBe(`يُطلب منك تقييم ${project.code}`);
    expect(mail!.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail!.text).toContain('تم تكليفك بتقييم المقترح');
    expect((await notificationsOf(reviewer)).items[0]!.title).toBe(`يُطلب منك تقييم ${project.code}`);
  });

  it('makes one notification and one mail per recipient however often, and by however many workers, the changes are read', async () => {
    const project = await aProject(t, { stage: 'under_review' });
    const reviewer = await aUser(t, { role: 'reviewer' });
    const reviewId = await assign(project.id, reviewer);
    const entry = await t.db.query<{ id: string }>(
      `SELECT id FROM audit_entries WHERE entity = 'review' AND entity_id = $1`,
      [reviewId],
    );
    const entryId = entry.rows[0]!.id;
    // The queued job, and the same change read again by three more at once (a job retried).
    await Promise.all([
      dispatch.notifyOfEntry(entryId),
      dispatch.notifyOfEntry(entryId),
      dispatch.notifyOfEntry(entryId),
    ]);
    await changesTold();
    await eventually(15_000, () => smtp.to(reviewer.email).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await expect(count(t.db, 'notifications', 'user_id = $1', [reviewer.id])).resolves.toBe(1);
    expect(smtp.to(reviewer.email)).toHaveLength(1);
  });

  it('sends nothing to a user who turned a kind off, and keeps a digest reader’s notices for one daily mail', async () => {
    const project = await aProject(t, { stage: 'under_review' });
    const silent = await aUser(t, { role: 'reviewer' });
    const digest = await aUser(t, { role: 'reviewer' });
    for (const [user, mode] of [
      [silent, 'off'],
      [digest, 'digest'],
    ] as const) {
      const response = await t
        .http()
        .patch('/api/v1/notifications/settings')
        .set(await bearer(user))
        .send({ preferences: [{ kind: 'review_assigned', mode }] });
      expect(response.status).toBe(200);
      expect(response.body.preferences).toContainEqual({ kind: 'review_assigned', mode });
    }
    await assign(project.id, silent);
    await assign(project.id, digest);
    await changesTold();
    await expect(count(t.db, 'notifications', 'user_id = $1', [silent.id])).resolves.toBe(0);
    await expect(count(t.db, 'notifications', 'user_id = $1', [digest.id])).resolves.toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(smtp.to(digest.email)).toHaveLength(0);

    await dispatch.mailDigests();
    await dispatch.mailDigests();
    await eventually(5_000, () => smtp.to(digest.email).length > 0);
    const mails = smtp.to(digest.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('HSTF Portfolio: 1 notifications of the day');
    expect(mails[0]!.text).toContain(project.code);
    expect(smtp.to(silent.email)).toHaveLength(0);
  });

  it('refuses a preference for a kind the role is never sent, writing nothing', async () => {
    const donor = await aUser(t, { role: 'donor' });
    const audits = await count(t.db, 'audit_entries');
    const response = await t
      .http()
      .patch('/api/v1/notifications/settings')
      .set(await bearer(donor))
      .send({ preferences: [{ kind: 'consent_withdrawn', mode: 'off' }] });
    expect(response.status).toBe(400);
    expect(response.get('content-type')).toContain('application/problem+json');
    await expect(count(t.db, 'notification_preferences', 'user_id = $1', [donor.id])).resolves.toBe(0);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audits);
    const unknown = await t
      .http()
      .patch('/api/v1/notifications/settings')
      .set(await bearer(donor))
      .send({ language: 'de' });
    expect(unknown.status).toBe(400);
  });

  describe('on a funded project', () => {
    it('tells staff once of a consent withdrawn and of paragraph 6 lost; never donors, reviewers, or twice', async () => {
      const project = await aProject(t, { stage: 'active', countries: ['KEN'] });
      await anAlignment(t, project.id, 'KEN');
      const consentId = await aConsent(t, project.id, 'KEN', 'granted', { signatory: SIGNATORY });
      const officer = await aUser(t, { role: 'staff' });
      const reviewer = await aUser(t, { role: 'reviewer' });
      const donor = await aUser(t, { role: 'donor' });

      const withdrawn = await t
        .http()
        .patch(`/api/v1/projects/${project.id}/consents/${consentId}`)
        .set(staff)
        .send({
          version: 1,
          status: 'withdrawn',
          withdrawnOn: '2026-01-15',
          withdrawalReason: 'Change of government',
        });
      expect(withdrawn.status).toBe(200);
      await changesTold();
      await scanner.scan();
      await changesTold();

      const kinds = async (user: BuiltUser) =>
        (
          await t.db.query<{ kind: string }>(
            `SELECT kind FROM notifications WHERE user_id = $1 AND project_id = $2 ORDER BY kind`,
            [user.id, project.id],
          )
        ).rows.map((row) => row.kind);
      await expect(kinds(officer)).resolves.toEqual(['consent_withdrawn', 'paragraph6_lost']);
      await expect(kinds(reviewer)).resolves.toEqual([]);
      await expect(kinds(donor)).resolves.toEqual([]);

      await eventually(15_000, () => smtp.to(officer.email).length >= 2);
      const subjects = smtp
        .to(officer.email)
        .map((mail) => mail.subject)
        .sort();
      expect(subjects).toEqual(
        [
          `${project.code} no longer meets paragraph 6`,
          `Consent for ${project.code} in Kenya was withdrawn`,
        ].sort(),
      );
      for (const mail of smtp.to(officer.email))
        expect(mail.text).toContain(`${APP_URL}/projects/${project.id}`);
    });

    it('tells staff of a consent nearing expiry at the tightest of 90, 30 and 7 days, once each', async () => {
      const today = todayUtc();
      const project = await aProject(t, { stage: 'approved', countries: ['UGA'] });
      await anAlignment(t, project.id, 'UGA');
      await aConsent(t, project.id, 'UGA', 'granted', { valid_until: addDays(today, 25) });
      const officer = await aUser(t, { role: 'staff' });
      await scanner.scan(today);
      await scanner.scan(today);
      const notices = await t.db.query<{ facts: { days: number } }>(
        `SELECT facts FROM notifications WHERE user_id = $1 AND kind = 'consent_expiring' AND project_id = $2`,
        [officer.id, project.id],
      );
      expect(notices.rows.map((row) => row.facts.days)).toEqual([30]);
      await scanner.scan(addDays(today, 19)); // 6 days left
      await expect(
        count(t.db, 'notifications', `user_id = $1 AND kind = 'consent_expiring' AND project_id = $2`, [
          officer.id,
          project.id,
        ]),
      ).resolves.toBe(2);
      await eventually(15_000, () =>
        smtp.to(officer.email).some((mail) => mail.subject?.includes('expires in 30 days') ?? false),
      );
    });
  });

  it("tells a donor's users of a receipt recorded, and names nothing confidential in their mail", async () => {
    const donorId = await aDonorOfKind(t, 'foundation', 'Fondation Horizon');
    const first = await aUser(t, { role: 'donor', donorId });
    const second = await aUser(t, { role: 'donor', donorId });
    const other = await aUser(t, { role: 'donor' });
    // A funded project whose consent names its signatory: staff read it, donors never do.
    const project = await aProject(t, { stage: 'active', countries: ['NPL'] });
    await aConsent(t, project.id, 'NPL', 'granted', { signatory: SIGNATORY });

    const recorded = await t
      .http()
      .post('/api/v1/contributions')
      .set(staff)
      .send(
        aContributionRequest(donorId, {
          amount: '250000.00',
          usdAmount: '250000.00',
          receivedOn: '2026-02-10',
        }),
      );
    expect(recorded.status).toBe(201);

    await eventually(15_000, () => smtp.to(first.email).length > 0 && smtp.to(second.email).length > 0);
    for (const user of [first, second]) {
      const mails = smtp.to(user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('Receipt of 250000.00 USD recorded');
      expect(mails[0]!.text).toContain('Fondation Horizon');
      expect(mails[0]!.text).toContain(`${APP_URL}/donors/mine`);
      const [notice] = (await notificationsOf(user)).items;
      expect(notice).toMatchObject({ kind: 'receipt_recorded', link: '/donors/mine' });
    }
    expect(smtp.to(other.email)).toHaveLength(0);
    for (const mail of smtp.received) {
      const toDonor = [first, second, other].some((user) => smtp.to(user.email).includes(mail));
      if (toDonor) {
        expect(mail.text).not.toContain(SIGNATORY);
        expect(mail.html || '').not.toContain(SIGNATORY);
      }
    }
  });

  it('marks one notification read or all of them, each with one audit entry; another user’s is not found', async () => {
    const reviewer = await aUser(t, { role: 'reviewer' });
    for (let n = 0; n < 3; n += 1) {
      await assign((await aProject(t, { stage: 'under_review' })).id, reviewer);
    }
    await changesTold();
    const auth = await bearer(reviewer);
    const listed = await notificationsOf(reviewer);
    expect(listed.unread).toBe(3);
    const audits = await count(t.db, 'audit_entries', `entity = 'notification'`);

    const one = await t.http().post(`/api/v1/notifications/${listed.items[0]!.id}/read`).set(auth);
    expect(one.status).toBe(200);
    expect(one.body.read).toBe(true);
    expect((await t.http().get('/api/v1/notifications/unread').set(auth)).body).toEqual({ unread: 2 });

    const stranger = await aUser(t, { role: 'reviewer' });
    const theirs = await t
      .http()
      .post(`/api/v1/notifications/${listed.items[1]!.id}/read`)
      .set(await bearer(stranger));
    expect(theirs.status).toBe(404);

    const all = await t.http().post('/api/v1/notifications/read').set(auth);
    expect(all.body).toEqual({ marked: 2 });
    expect((await t.http().get('/api/v1/notifications/unread').set(auth)).body).toEqual({ unread: 0 });
    const unreadOnly = await t.http().get('/api/v1/notifications?unread=true').set(auth);
    expect(unreadOnly.body.items).toEqual([]);
    await expect(count(t.db, 'audit_entries', `entity = 'notification'`)).resolves.toBe(audits + 2);
  });
});

describe('mail without an SMTP server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JOBS_POLL_SECONDS: '1' });
  });
  afterAll(() => t?.close());

  it('keeps the mail in the outbox, which only admins read', async () => {
    const staff = (await asRole(t, 'staff')).auth;
    const project = await aProject(t, { stage: 'under_review' });
    const reviewer = await aUser(t, { role: 'reviewer' });
    const assigned = await t
      .http()
      .post(`/api/v1/projects/${project.id}/reviews`)
      .set(staff)
      .send({ reviewerId: reviewer.id });
    expect(assigned.status).toBe(201);
    const admin = (await asRole(t, 'admin')).auth;
    let items: { to: string; subject: string; text: string; html: string; language: string }[] = [];
    await eventually(15_000, async () => {
      const response = await t
        .http()
        .get(`/api/v1/mail/outbox?recipient=${encodeURIComponent(reviewer.email)}`)
        .set(admin);
      items = response.body.items;
      return items.length > 0;
    });
    expect(items).toEqual([
      expect.objectContaining({
        to: reviewer.email,
        language: 'en',
        subject: `You are asked to review ${project.code}`,
      }),
    ]);
    expect(items[0]!.text).toContain(`http://localhost:3000/reviews/${assigned.body.id}`);
    expect((await t.http().get('/api/v1/mail/outbox').set(staff)).status).toBe(403);
  });
});

describe('a change and its notice commit together', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('tells of a change made while no process works the jobs once one starts, however it stopped before', async () => {
    // The process that serves the change stops before anything tells of it.
    const serving = await createTestApp({ WORKERS: 'off' }, database.url, { ownerUrl: database.ownerUrl });
    const staff = (await asRole(serving, 'staff')).auth;
    const project = await aProject(serving, { stage: 'under_review' });
    const reviewer = await aUser(serving, { role: 'reviewer' });
    const assigned = await serving
      .http()
      .post(`/api/v1/projects/${project.id}/reviews`)
      .set(staff)
      .send({ reviewerId: reviewer.id });
    expect(assigned.status).toBe(201);
    const refused = await serving
      .http()
      .post(`/api/v1/projects/${project.id}/reviews`)
      .set(staff)
      .send({ reviewerId: reviewer.id });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await expect(
      count(serving.db, 'pgboss.job', `name = 'notifications-change' AND data->>'entryId' IS NOT NULL`),
    ).resolves.toBe(1);
    await serving.close();

    const working = await createTestApp({ JOBS_POLL_SECONDS: '1' }, database.url, {
      ownerUrl: database.ownerUrl,
    });
    try {
      await eventually(15_000, async () => (await count(working.db, 'notifications')) > 0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const notices = await working.db.query<{ user_id: string; kind: string; link: string }>(
        `SELECT user_id, kind, link FROM notifications`,
      );
      expect(notices.rows).toEqual([
        { user_id: reviewer.id, kind: 'review_assigned', link: `/reviews/${assigned.body.id}` },
      ]);
    } finally {
      await working.close();
    }
  });
});
