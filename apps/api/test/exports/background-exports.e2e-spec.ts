import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { JobsService, QUEUES } from '../../src/jobs';
import { aUser, asRole, signIn } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { eventually } from '../support/smtp';
import { count, createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };
interface ExportJob {
  id: string;
  state: string;
  error: string | null;
  rows: number | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
}

describe('list exports prepared in the background', () => {
  let t: TestApp;
  let staff: Auth;
  let donor: Auth;
  let marker: string;

  async function jobOf(auth: Auth, id: string): Promise<ExportJob | undefined> {
    const response = await t.http().get('/api/v1/exports').query({ limit: 100 }).set(auth);
    expect(response.status).toBe(200);
    return (response.body as { items: ExportJob[] }).items.find((job) => job.id === id);
  }

  async function finished(auth: Auth, body: Record<string, unknown>): Promise<ExportJob> {
    const response = await t.http().post('/api/v1/exports').set(auth).send(body);
    expect(response.status).toBe(201);
    const created = response.body as ExportJob;
    expect(created.state).toBe('waiting');
    let job: ExportJob | undefined;
    await eventually(20_000, async () => {
      job = await jobOf(auth, created.id);
      return job?.state === 'done' || job?.state === 'failed';
    });
    return job!;
  }

  beforeAll(async () => {
    t = await createTestApp({ JOBS_POLL_SECONDS: '1' });
    staff = (await asRole(t, 'staff')).auth;
    donor = (await asRole(t, 'donor')).auth;
    marker = `Marsabit ${Date.now()}`;
    for (const [i, stage] of ['active', 'active', 'completed', 'active'].entries()) {
      await aProject(t, { stage, title: `${marker} resilience ${i} =SUM(A1)` });
    }
    await aProject(t, { stage: 'active', title: 'Another region entirely' });
  });
  afterAll(() => t?.close());

  it('writes the same rows as the export in the request, for the same filters and role', async () => {
    const filters = { q: marker, stage: ['active'], sort: '-code' };
    for (const auth of [staff, donor]) {
      const job = await finished(auth, { list: 'projects', format: 'csv', filters, lang: 'fr' });
      expect(job.state).toBe('done');
      expect(job.error).toBeNull();
      expect(job.rows).toBe(3);
      expect(new Date(job.expiresAt!).getTime() - new Date(job.finishedAt!).getTime()).toBe(24 * 3600 * 1000);

      const file = await t.http().get(`/api/v1/exports/${job.id}/file`).set(auth);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(file.headers['content-disposition']).toMatch(
        /^attachment; filename="projects-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const streamed = await t
        .http()
        .get('/api/v1/projects')
        .query({ ...filters, format: 'csv', lang: 'fr' })
        .set(auth);
      expect(streamed.status).toBe(200);
      // Written by the same code from the same rows, the two files are the same bytes.
      expect(file.text).toBe(streamed.text);
      expect(file.text.split('\r\n').filter(Boolean)).toHaveLength(1 + 3);
    }
  });

  it('writes Excel too, with one row per project', async () => {
    const job = await finished(staff, { list: 'projects', format: 'xlsx', filters: { q: marker } });
    expect(job.state).toBe('done');
    expect(job.rows).toBe(4);
    const file = await t.http().get(`/api/v1/exports/${job.id}/file`).set(staff).responseType('blob');
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([file.body as Buffer]));
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1 + 4);
  });

  it("answers 404 for another user's export, and serves an admin", async () => {
    const job = await finished(staff, { list: 'projects', format: 'csv', filters: { q: marker } });
    const other = (await asRole(t, 'staff')).auth;
    expectProblem(await t.http().get(`/api/v1/exports/${job.id}/file`).set(other), 404);
    expect(await jobOf(other, job.id)).toBeUndefined();
    const admin = (await asRole(t, 'admin')).auth;
    expect((await t.http().get(`/api/v1/exports/${job.id}/file`).set(admin)).status).toBe(200);
  });

  it('refuses a role that cannot read the list, and writes nothing', async () => {
    const reviewer = (await asRole(t, 'reviewer')).auth;
    const before = await count(t.db, 'export_jobs');
    const response = await t
      .http()
      .post('/api/v1/exports')
      .set(reviewer)
      .send({ list: 'projects', format: 'csv' });
    expectProblem(response, 403);
    expect(await count(t.db, 'export_jobs')).toBe(before);
  });

  it('refuses unknown filters and lists with a problem, and writes nothing', async () => {
    const before = await count(t.db, 'export_jobs');
    const badFilter = await t
      .http()
      .post('/api/v1/exports')
      .set(staff)
      .send({ list: 'projects', format: 'csv', filters: { stage: ['nonsense'] } });
    expect(expectProblem(badFilter, 400).errors?.[0]?.field).toBe('filters.stage');
    const badList = await t.http().post('/api/v1/exports').set(staff).send({ list: 'users', format: 'csv' });
    expectProblem(badList, 400);
    expect(await count(t.db, 'export_jobs')).toBe(before);
  });

  it('fails, with no file, an export whose requester can no longer read the list when it runs', async () => {
    // A donor asked, then lost the right to the list before the job ran: its role is read again.
    const user = await aUser(t, { role: 'donor' });
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO export_jobs (user_id, list, format, language, filters) VALUES ($1, 'projects', 'csv', 'en', '{}')
       RETURNING id`,
      [user.id],
    );
    const waiting = rows[0]!.id;
    await t.db.query(`UPDATE users SET role = 'reviewer', donor_id = NULL WHERE id = $1`, [user.id]);
    const reviewerAuth = {
      Authorization: `Bearer ${await signIn(t, { ...user, role: 'reviewer', donorId: null })}`,
    };
    await t.app.get(JobsService).send(QUEUES.exportRun.name, { exportId: waiting });
    let failed: ExportJob | undefined;
    await eventually(20_000, async () => {
      failed = await jobOf(reviewerAuth, waiting);
      return failed?.state === 'failed';
    });
    expect(failed!.error).toBe('Your role no longer allows reading this list.');
    expect(failed!.rows).toBeNull();
    expectProblem(await t.http().get(`/api/v1/exports/${waiting}/file`).set(reviewerAuth), 409);
  });

  it('removes an expired export with its file', async () => {
    const job = await finished(staff, { list: 'projects', format: 'csv', filters: { q: marker } });
    const kept = await finished(staff, { list: 'projects', format: 'csv', filters: { q: marker } });
    await t.db.query(`UPDATE export_jobs SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      job.id,
    ]);
    // Past its expiry it is no longer served, even before the hourly removal runs.
    expectProblem(await t.http().get(`/api/v1/exports/${job.id}/file`).set(staff), 404);
    await t.app.get(JobsService).send(QUEUES.exportCleanup.name);
    await eventually(20_000, async () => (await count(t.db, 'export_jobs', `id = '${job.id}'`)) === 0);
    expect(await jobOf(staff, job.id)).toBeUndefined();
    expect((await jobOf(staff, kept.id))?.state).toBe('done');
    expect((await t.http().get(`/api/v1/exports/${kept.id}/file`).set(staff)).status).toBe(200);
  });
});
