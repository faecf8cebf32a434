import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * Lessons learned are written from a closed project (or from a report), tagged by principle,
 * dimension, country and theme, found again by words, and read by donors only when marked public.
 */
describe('lessons learned', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donor: { Authorization: string };
  let closed: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donor = (await asRole(t, 'donor')).auth;
    closed = await aProject(t, { stage: 'closed', countries: ['KEN', 'UGA'], approvedBudget: '1000.00' });
  });
  afterAll(() => t.close());

  const lesson = (overrides: Record<string, unknown> = {}) => ({
    projectId: closed.id,
    title: 'Community committees kept early warning running',
    whatHappened:
      'When the county radio failed, pastoralist committees relayed drought alerts by phone trees.',
    whatLearned: 'Early warning owned by communities outlasts the equipment it was designed around.',
    principles: ['people_centred', 'prevention_oriented'],
    dimensions: ['food', 'community'],
    countries: ['KEN'],
    themes: ['early warning'],
    ...overrides,
  });
  const post = (body: Record<string, unknown>, auth = staff) =>
    t.http().post('/api/v1/lessons').set(auth).send(body);
  const list = (query: string, auth = staff) => t.http().get(`/api/v1/lessons?${query}`).set(auth);

  async function expectNothingWritten(send: () => Promise<Response>, status: number) {
    const lessons = await count(t.db, 'lessons');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await send(), status);
    await expect(count(t.db, 'lessons')).resolves.toBe(lessons);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    return problem;
  }

  it('records a lesson from a closed project, with exactly one audit entry naming the project', async () => {
    const audit = await count(t.db, 'audit_entries');
    const created = await post(lesson());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      projectId: closed.id,
      public: false,
      reportId: null,
      countries: ['KEN'],
    });
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
    const { rows } = await t.db.query(
      `SELECT action, after->>'projectId' AS project_id FROM audit_entries WHERE entity = 'lesson' AND entity_id = $1`,
      [created.body.id],
    );
    expect(rows).toEqual([{ action: 'create', project_id: closed.id }]);
  });

  it('refuses a lesson from a running project unless it comes from a report', async () => {
    const running = await aProject(t, { stage: 'active', approvedBudget: '1000.00' });
    const problem = await expectNothingWritten(
      () => post(lesson({ projectId: running.id, countries: [] })),
      422,
    );
    expect(problem).toMatchObject({ code: 'lesson_project_not_closed' });
    const fromReport = await post(
      lesson({ projectId: running.id, countries: [], reportId: '2b1f8a9e-51c5-4d2e-9a47-3c1b0e6f7d10' }),
    );
    expect(fromReport.status).toBe(201);
    expect(fromReport.body.reportId).toBe('2b1f8a9e-51c5-4d2e-9a47-3c1b0e6f7d10');
  });

  it('refuses a country that is not among the recipients, naming it', async () => {
    const problem = await expectNothingWritten(() => post(lesson({ countries: ['KEN', 'ETH'] })), 422);
    expect(problem).toMatchObject({
      code: 'lesson_country_not_recipient',
      facts: { countries: ['ETH'] },
      errors: [expect.objectContaining({ field: 'countries' })],
    });
  });

  it.each([
    ['an unknown dimension', { dimensions: ['spiritual'] }],
    ['an unknown principle', { principles: ['sustainable'] }],
    ['a blank lesson', { whatLearned: '  ' }],
    ['an unknown property', { rating: 5 }],
    ['public as text', { public: 'yes' }],
  ])('refuses %s with 400 and writes nothing', async (_, overrides) => {
    await expectNothingWritten(() => post(lesson(overrides)), 400);
  });

  it('finds lessons by their words and filters them by tag', async () => {
    const solar = await post(
      lesson({
        title: 'Solar pumps needed a maintenance fund',
        whatHappened: 'Three pumps stood idle for months after the first breakdown.',
        whatLearned: 'Budget spare parts and train local technicians from the start.',
        principles: ['comprehensive'],
        dimensions: ['economic'],
        countries: ['UGA'],
        themes: ['Water'],
      }),
    );
    expect(solar.status).toBe(201);
    const byWords = await list('q=technician');
    expect(byWords.status).toBe(200);
    expect(byWords.body.items.map((l: { id: string }) => l.id)).toEqual([solar.body.id]);
    const ids = async (query: string) =>
      ((await list(query)).body.items as { id: string }[]).map((l) => l.id);
    await expect(ids('principle=comprehensive')).resolves.toEqual([solar.body.id]);
    await expect(ids('country=uga')).resolves.toEqual([solar.body.id]);
    await expect(ids('theme=water')).resolves.toEqual([solar.body.id]);
    await expect(ids('dimension=economic')).resolves.toEqual([solar.body.id]);
    await expect(ids('q=warning')).resolves.not.toContain(solar.body.id);
    expect((await ids('q=warning')).length).toBeGreaterThan(0);
  });

  it('shows donors only the public lessons, and a private one answers 404', async () => {
    const hidden = await post(lesson({ title: 'Private lesson about procurement delays' }));
    const shared = await post(lesson({ title: 'Shared lesson about procurement delays', public: true }));
    const seen = await list('q=procurement', donor);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((l: { id: string }) => l.id)).toEqual([shared.body.id]);
    const all = (await list('limit=200', donor)).body.items as { public: boolean }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((l) => l.public)).toBe(true);
    expectProblem(await t.http().get(`/api/v1/lessons/${hidden.body.id}`).set(donor), 404);
    expect((await t.http().get(`/api/v1/lessons/${shared.body.id}`).set(donor)).status).toBe(200);

    const published = await t
      .http()
      .patch(`/api/v1/lessons/${hidden.body.id}`)
      .set(staff)
      .send({ version: hidden.body.version, public: true });
    expect(published.status).toBe(200);
    expect((await t.http().get(`/api/v1/lessons/${hidden.body.id}`).set(donor)).status).toBe(200);
  });

  it('answers a change on a stale version with 409, and reviewers with 403', async () => {
    const created = await post(lesson());
    const changed = await t
      .http()
      .patch(`/api/v1/lessons/${created.body.id}`)
      .set(staff)
      .send({ version: 1, title: 'Renamed' });
    expect(changed.status).toBe(200);
    await expectNothingWritten(
      () =>
        t.http().patch(`/api/v1/lessons/${created.body.id}`).set(staff).send({ version: 1, title: 'Again' }),
      409,
    );
    const reviewer = (await asRole(t, 'reviewer')).auth;
    expectProblem(await list('', reviewer), 403);
    await expectNothingWritten(() => post(lesson(), donor), 403);
  });

  it('deletes a lesson on its version, with one audit entry naming the project; a donor may not', async () => {
    const created = await post(lesson({ title: 'A lesson written twice' }));
    expect(created.status).toBe(201);
    const remove = (version: number, auth = staff) =>
      t.http().delete(`/api/v1/lessons/${created.body.id}`).set(auth).set('If-Match', `"${version}"`);
    await expectNothingWritten(() => remove(created.body.version + 1), 409);
    await expectNothingWritten(() => remove(created.body.version, donor), 403);
    const audit = await count(t.db, 'audit_entries');
    expect((await remove(created.body.version)).status).toBe(204);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
    const { rows } = await t.db.query(
      `SELECT action, before->>'projectId' AS project_id FROM audit_entries WHERE entity = 'lesson' AND entity_id = $1 AND action = 'delete'`,
      [created.body.id],
    );
    expect(rows).toEqual([{ action: 'delete', project_id: closed.id }]);
    expectProblem(await t.http().get(`/api/v1/lessons/${created.body.id}`).set(staff), 404);
  });
});
