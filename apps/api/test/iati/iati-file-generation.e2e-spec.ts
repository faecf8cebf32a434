import { IatiFileService } from '../../src/iati/iati-file.service';
import { IatiService } from '../../src/iati/iati.service';
import { asRole } from '../support/builders';
import { versionOf } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { anApprovedProject } from '../support/report-builders';
import { eventually } from '../support/smtp';
import { count, createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/** The generation time is the one thing two builds of the same records differ by. */
const withoutTime = (xml: string) => xml.replace(/ generated-datetime="[^"]*"/, '');

async function freshBuild(t: TestApp): Promise<string> {
  let xml = '';
  for await (const chunk of t.app.get(IatiService).activities()) xml += String(chunk);
  return xml;
}

async function generation(t: TestApp): Promise<number> {
  const { rows } = await t.db.query<{ generation: number }>(
    `SELECT generation FROM iati_files WHERE name = 'activities'`,
  );
  return rows[0]?.generation ?? 0;
}

const pendingGenerations = (t: TestApp) =>
  count(t.db, 'pgboss.job', `name = 'iati-file' AND state::text IN ('created', 'retry', 'active')`);

describe('the IATI activities file, generated in the background', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ JOBS_POLL_SECONDS: '1', IATI_DEBOUNCE_SECONDS: '1' });
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t?.close());

  it('is built on the spot until a first generation exists', async () => {
    const response = await t.http().get('/api/v1/iati/activities.xml');
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBeUndefined();
    expect(withoutTime(response.text)).toBe(withoutTime(await freshBuild(t)));
  });

  it('serves the file generated after an approval, equal to a fresh build, with ETag, Last-Modified and 304', async () => {
    const project = await anApprovedProject(t, staff);
    // The approval asked for a generation, which a worker ran a second later.
    await eventually(20_000, async () => (await generation(t)) >= 1 && (await pendingGenerations(t)) === 0);

    const response = await t.http().get('/api/v1/iati/activities.xml');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(response.headers['last-modified']!).getTime()).toBeGreaterThan(0);
    expect(response.text).toContain(`<title>`);
    expect(response.text).toContain(project.code);
    expect(withoutTime(response.text)).toBe(withoutTime(await freshBuild(t)));

    const again = await t
      .http()
      .get('/api/v1/iati/activities.xml')
      .set('If-None-Match', response.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const since = await t
      .http()
      .get('/api/v1/iati/activities.xml')
      .set('If-Modified-Since', response.headers['last-modified']!);
    expect(since.status).toBe(304);
    const stale = await t.http().get('/api/v1/iati/activities.xml').set('If-None-Match', '"not-this-one"');
    expect(stale.status).toBe(200);
  });

  it('reflects a change to a published project in the next generation', async () => {
    const project = await anApprovedProject(t, staff);
    await eventually(20_000, async () => (await pendingGenerations(t)) === 0);
    const before = await generation(t);
    const title = `Community early warning in Turkana ${project.code}`;
    const changed = await t
      .http()
      .patch(`/api/v1/projects/${project.id}`)
      .set(staff)
      .set('If-Match', `"${await versionOf(t, project.id)}"`)
      .send({ title });
    expect(changed.status).toBe(200);

    await eventually(
      20_000,
      async () => (await generation(t)) > before && (await pendingGenerations(t)) === 0,
    );
    const response = await t.http().get('/api/v1/iati/activities.xml');
    expect(response.text).toContain(title);
    expect(withoutTime(response.text)).toBe(withoutTime(await freshBuild(t)));
  });

  it('asks for no generation when a proposal changes', async () => {
    await eventually(20_000, async () => (await pendingGenerations(t)) === 0);
    const jobs = await count(t.db, 'pgboss.job', `name = 'iati-file'`);
    const proposal = await aProject(t, { stage: 'under_review' });
    const changed = await t
      .http()
      .patch(`/api/v1/projects/${proposal.id}`)
      .set(staff)
      .set('If-Match', `"${await versionOf(t, proposal.id)}"`)
      .send({ title: 'A proposal, not yet published' });
    expect(changed.status).toBe(200);
    await expect(count(t.db, 'pgboss.job', `name = 'iati-file'`)).resolves.toBe(jobs);
  });
});

describe('the IATI file with two API processes on one database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { JOBS_POLL_SECONDS: '1', IATI_DEBOUNCE_SECONDS: '2' };
    first = await createTestApp(env, database.url, { ownerUrl: database.ownerUrl });
    second = await createTestApp(env, database.url, { ownerUrl: database.ownerUrl });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('is generated once however many processes ask for it at once', async () => {
    const asked = await Promise.all(
      [first, second, first, second].map((app) => app.app.get(IatiFileService).request()),
    );
    expect(asked.filter((id) => id !== null)).toHaveLength(1);
    await eventually(
      20_000,
      async () => (await generation(first)) >= 1 && (await pendingGenerations(first)) === 0,
    );
    // Both processes kept polling meanwhile; give a second run the time it would need to show.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await expect(generation(second)).resolves.toBe(1);
    await expect(
      count(first.db, 'pgboss.job', `name = 'iati-file' AND state::text = 'completed'`),
    ).resolves.toBe(1);
  });
});
