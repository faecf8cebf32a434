import { randomUUID } from 'node:crypto';
import { asRole } from '../support/builders';
import { aProject, BuiltProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { aReview } from '../support/review-builders';
import { count, createTestApp, TestApp } from '../support/test-app';
import { aStrategy, BuiltStrategy } from '../strategies/strategy-builders';

type Auth = { Authorization: string };

/**
 * Alignments: project × recipient country × national strategy (+ priority area) with a
 * justification, the "in line with national strategies and priorities" half of resolution 66/290
 * para 6.
 */
describe('project alignments', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;
  let reviewer: Auth;
  let reviewerId: string;
  let donor: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
    ({
      auth: reviewer,
      user: { id: reviewerId },
    } = await asRole(t, 'reviewer'));
    donor = (await asRole(t, 'donor')).auth;
  });
  afterAll(() => t.close());

  const path = (projectId: string, id?: string) =>
    `/api/v1/projects/${projectId}/alignments${id ? `/${id}` : ''}`;
  const written = async () => ({
    alignments: await count(t.db, 'alignments'),
    audit: await count(t.db, 'audit_entries'),
  });
  const alignmentRow = (id: string) =>
    t.db
      .query(
        `SELECT project_id, country_iso3, strategy_id, priority_area, justification, version
         FROM alignments WHERE id = $1`,
        [id],
      )
      .then((r) => r.rows[0] as Record<string, unknown> | undefined);

  /** A Kenya–Uganda project, a strategy of each, and a Nepal strategy (not a recipient). */
  async function aSetting() {
    const project = await aProject(t, { countries: ['KEN', 'UGA'] });
    const kenya = await aStrategy(t, {
      countryIso3: 'KEN',
      priorityAreas: ['Food and nutrition security', 'Health'],
    });
    const uganda = await aStrategy(t, { countryIso3: 'UGA', priorityAreas: ['Human capital development'] });
    const nepal = await aStrategy(t, { countryIso3: 'NPL' });
    return { project, kenya, uganda, nepal };
  }

  async function anAlignment(
    project: BuiltProject,
    strategy: BuiltStrategy,
    priorityArea: string | null = null,
  ) {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO alignments (project_id, country_iso3, strategy_id, priority_area, justification)
       VALUES ($1, $2, $3, $4, 'The project delivers the plan''s resilience objectives') RETURNING id`,
      [project.id, strategy.countryIso3, strategy.id, priorityArea],
    );
    return rows[0]!.id;
  }

  describe('creating', () => {
    it('aligns a project to a strategy of a recipient country and writes exactly one audit entry', async () => {
      const { project, kenya } = await aSetting();
      const response = await t.http().post(path(project.id)).set(staff).send({
        countryIso3: 'ken',
        strategyId: kenya.id,
        priorityArea: 'food and nutrition security',
        justification: '  Builds the drought early warning the plan calls for.  ',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        projectId: project.id,
        countryIso3: 'KEN',
        strategyId: kenya.id,
        strategyTitle: kenya.title,
        strategyPeriodFrom: '2024-01-01',
        strategyPeriodTo: '2028-12-31',
        // The strategy's own spelling of the priority area.
        priorityArea: 'Food and nutrition security',
        justification: 'Builds the drought early warning the plan calls for.',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await expect(
        t.db.query<Record<string, unknown>>(
          `SELECT action, entity, after FROM audit_entries WHERE entity_id = $1`,
          [response.body.id],
        ),
      ).resolves.toMatchObject({ rows: [{ action: 'create', entity: 'alignment', after: response.body }] });
    });

    it('aligns the second recipient of a multi-country project, without a priority area', async () => {
      const { project, uganda } = await aSetting();
      const response = await t
        .http()
        .post(path(project.id))
        .set(admin)
        .send({ countryIso3: 'UGA', strategyId: uganda.id, justification: 'In line with NDP III.' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ countryIso3: 'UGA', priorityArea: null });
    });

    it('refuses a country that is not a recipient of the project with 400 on countryIso3 and writes nothing', async () => {
      const { project, nepal } = await aSetting();
      const before = await written();
      const response = await t
        .http()
        .post(path(project.id))
        .set(staff)
        .send({ countryIso3: 'NPL', strategyId: nepal.id, justification: 'Nepal is not a recipient.' });
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'countryIso3', message: 'is not a recipient country of this project' },
      ]);
      await expect(written()).resolves.toEqual(before);
    });

    const invalid: [string, (s: Awaited<ReturnType<typeof aSetting>>) => Record<string, unknown>, string][] =
      [
        ['a strategy of another country', (s) => ({ strategyId: s.uganda.id }), 'strategyId'],
        ['an unknown strategy', () => ({ strategyId: randomUUID() }), 'strategyId'],
        ['a strategy id that is not a UUID', () => ({ strategyId: 'plan-1' }), 'strategyId'],
        [
          'a priority area the strategy does not name',
          () => ({ priorityArea: 'Space exploration' }),
          'priorityArea',
        ],
        ['an empty priority area', () => ({ priorityArea: '' }), 'priorityArea'],
        ['a blank justification', () => ({ justification: ' \n\t ' }), 'justification'],
        ['a missing justification', () => ({ justification: undefined }), 'justification'],
        ['a missing country', () => ({ countryIso3: undefined }), 'countryIso3'],
        ['an unknown property', () => ({ score: 4 }), 'score'],
      ];
    it.each(invalid)(
      'refuses %s with 400 problem+json on the field and writes nothing',
      async (_, change, field) => {
        const setting = await aSetting();
        const before = await written();
        const response = await t
          .http()
          .post(path(setting.project.id))
          .set(staff)
          .send({
            countryIso3: 'KEN',
            strategyId: setting.kenya.id,
            priorityArea: 'Health',
            justification: 'In line with the plan.',
            ...change(setting),
          });
        expect(expectProblem(response, 400).errors?.map((e) => e.field)).toContain(field);
        await expect(written()).resolves.toEqual(before);
      },
    );

    it('refuses a second alignment of the same project, country and strategy with 409', async () => {
      const { project, kenya } = await aSetting();
      await anAlignment(project, kenya);
      const before = await written();
      const response = await t
        .http()
        .post(path(project.id))
        .set(staff)
        .send({ countryIso3: 'KEN', strategyId: kenya.id, justification: 'Again.' });
      expectProblem(response, 409);
      await expect(written()).resolves.toEqual(before);
    });

    it.each([
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('refuses a %s with 403 and writes nothing', async (_, auth) => {
      const { project, kenya } = await aSetting();
      const before = await written();
      const response = await t
        .http()
        .post(path(project.id))
        .set(auth())
        .send({ countryIso3: 'KEN', strategyId: kenya.id, justification: 'Not mine to write.' });
      expectProblem(response, 403);
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses a caller without a session with 401', async () => {
      const { project, kenya } = await aSetting();
      const response = await t
        .http()
        .post(path(project.id))
        .send({ countryIso3: 'KEN', strategyId: kenya.id, justification: 'Anonymous.' });
      expectProblem(response, 401);
    });
  });

  describe('reading', () => {
    it.each([
      ['staff', () => staff],
      ['admin', () => admin],
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])("lets %s list and read a project's alignments", async (_, auth) => {
      const { project, kenya, uganda } = await aSetting();
      // A reviewer reads the alignments of the projects assigned to them.
      await aReview(t, project.id, reviewerId);
      const first = await anAlignment(project, kenya, 'Health');
      const second = await anAlignment(project, uganda);
      const other = await aSetting();
      await anAlignment(other.project, other.kenya);

      const list = await t.http().get(path(project.id)).set(auth());
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([first, second]);
      expect(list.body.nextCursor).toBeNull();

      const one = await t.http().get(path(project.id, first)).set(auth());
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: first, countryIso3: 'KEN', priorityArea: 'Health' });
    });

    it('answers 404 to a reviewer not assigned to the project, or withdrawn from it for a conflict', async () => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      const { auth: outsider } = await asRole(t, 'reviewer');
      const { auth: conflicted, user } = await asRole(t, 'reviewer');
      await aReview(t, project.id, user.id, 'declined_conflict');
      for (const auth of [outsider, conflicted]) {
        expectProblem(await t.http().get(path(project.id)).set(auth), 404);
        expectProblem(await t.http().get(path(project.id, id)).set(auth), 404);
      }
      const { auth: assigned, user: assignee } = await asRole(t, 'reviewer');
      await aReview(t, project.id, assignee.id, 'draft');
      expect((await t.http().get(path(project.id, id)).set(assigned)).status).toBe(200);
    });

    it('filters by country and pages with the cursor', async () => {
      const project = await aProject(t, { countries: ['KEN', 'UGA', 'TZA'] });
      const ids: string[] = [];
      for (const country of ['KEN', 'KEN', 'TZA', 'UGA']) {
        const strategy = await aStrategy(t, { countryIso3: country });
        ids.push(await anAlignment(project, strategy));
      }
      const kenya = await t.http().get(path(project.id)).query({ country: 'KEN' }).set(staff);
      expect(kenya.body.items.map((a: { id: string }) => a.id).sort()).toEqual([ids[0], ids[1]].sort());

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t
          .http()
          .get(path(project.id))
          .query(cursor ? { limit: 1, cursor } : { limit: 1 })
          .set(staff);
        expect(page.body.items).toHaveLength(1);
        seen.push(page.body.items[0].id);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual([...ids].sort());
    });

    it("answers 404 for an alignment of another project read through this project's path", async () => {
      const mine = await aSetting();
      const theirs = await aSetting();
      const id = await anAlignment(theirs.project, theirs.kenya);
      expectProblem(await t.http().get(path(mine.project.id, id)).set(staff), 404);
    });

    it('answers 401 without a session', async () => {
      const { project } = await aSetting();
      expectProblem(await t.http().get(path(project.id)), 401);
    });
  });

  describe('updating', () => {
    it('changes the justification and priority area, bumps the version, writes one audit entry', async () => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, priorityArea: 'HEALTH', justification: 'Strengthens community health systems.' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        priorityArea: 'Health',
        justification: 'Strengthens community health systems.',
        version: 2,
      });
      await expect(
        t.db
          .query<Record<string, unknown>>(
            `SELECT action, before, after FROM audit_entries WHERE entity_id = $1`,
            [id],
          )
          .then((r) => r.rows),
      ).resolves.toEqual([
        {
          action: 'update',
          before: expect.objectContaining({ version: 1, priorityArea: null }),
          after: response.body,
        },
      ]);
    });

    it('moves an alignment to the other recipient country and its strategy', async () => {
      const { project, kenya, uganda } = await aSetting();
      const id = await anAlignment(project, kenya);
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, countryIso3: 'UGA', strategyId: uganda.id });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        countryIso3: 'UGA',
        strategyId: uganda.id,
        strategyTitle: uganda.title,
      });
    });

    it.each([
      [
        'a non-recipient country',
        (s: Awaited<ReturnType<typeof aSetting>>) => ({ countryIso3: 'NPL', strategyId: s.nepal.id }),
        'countryIso3',
      ],
      [
        'a strategy of another country',
        (s: Awaited<ReturnType<typeof aSetting>>) => ({ strategyId: s.uganda.id }),
        'strategyId',
      ],
      ['a priority area the strategy does not name', () => ({ priorityArea: 'Tourism' }), 'priorityArea'],
      ['a blank justification', () => ({ justification: '   ' }), 'justification'],
      ['a null justification', () => ({ justification: null }), 'justification'],
      ['a null strategy', () => ({ strategyId: null }), 'strategyId'],
    ])('refuses %s with 400 on the field and leaves the row unchanged', async (_, change, field) => {
      const setting = await aSetting();
      const id = await anAlignment(setting.project, setting.kenya);
      const row = await alignmentRow(id);
      const before = await written();
      const response = await t
        .http()
        .patch(path(setting.project.id, id))
        .set(staff)
        .send({ version: 1, ...change(setting) });
      expect(expectProblem(response, 400).errors?.map((e) => e.field)).toContain(field);
      await expect(alignmentRow(id)).resolves.toEqual(row);
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses a stale version with 409 and leaves the row unchanged', async () => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      await t.db.query(`UPDATE alignments SET version = 2 WHERE id = $1`, [id]);
      const row = await alignmentRow(id);
      const before = await written();
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(staff)
        .send({ version: 1, justification: 'A stale edit.' });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(alignmentRow(id)).resolves.toEqual(row);
      await expect(written()).resolves.toEqual(before);
    });

    it.each([
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('refuses a %s with 403 and leaves the row unchanged', async (_, auth) => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      const row = await alignmentRow(id);
      const response = await t
        .http()
        .patch(path(project.id, id))
        .set(auth())
        .send({ version: 1, justification: 'Not mine.' });
      expectProblem(response, 403);
      await expect(alignmentRow(id)).resolves.toEqual(row);
    });
  });

  describe('deleting', () => {
    it('deletes an alignment with its version and writes one audit entry', async () => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      const response = await t.http().delete(path(project.id, id)).set(staff).set('If-Match', '"1"');
      expect(response.status).toBe(204);
      await expect(alignmentRow(id)).resolves.toBeUndefined();
      await expect(count(t.db, 'audit_entries', `entity_id = $1 AND action = 'delete'`, [id])).resolves.toBe(
        1,
      );
    });

    it('refuses a stale version with 409 and keeps the alignment', async () => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      await t.db.query(`UPDATE alignments SET version = 2 WHERE id = $1`, [id]);
      expectProblem(await t.http().delete(path(project.id, id)).set(staff).set('If-Match', '"1"'), 409);
      await expect(alignmentRow(id)).resolves.toBeDefined();
    });

    it.each([
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('refuses a %s with 403 and keeps the alignment', async (_, auth) => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      expectProblem(await t.http().delete(path(project.id, id)).set(auth()).set('If-Match', '"1"'), 403);
      await expect(alignmentRow(id)).resolves.toBeDefined();
    });
  });

  describe('a project that was deleted or never existed', () => {
    it('answers 404 on every alignment route of a soft-deleted project and changes nothing', async () => {
      const { project, kenya } = await aSetting();
      const id = await anAlignment(project, kenya);
      await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [project.id]);
      const before = await written();
      const body = { countryIso3: 'KEN', strategyId: kenya.id, justification: 'After deletion.' };
      expectProblem(await t.http().get(path(project.id)).set(staff), 404);
      expectProblem(await t.http().get(path(project.id, id)).set(reviewer), 404);
      expectProblem(await t.http().post(path(project.id)).set(staff).send(body), 404);
      expectProblem(
        await t.http().patch(path(project.id, id)).set(staff).send({ version: 1, justification: 'x' }),
        404,
      );
      expectProblem(await t.http().delete(path(project.id, id)).set(admin).set('If-Match', '"1"'), 404);
      await expect(written()).resolves.toEqual(before);
      await expect(alignmentRow(id)).resolves.toMatchObject({ version: 1 });
    });

    it('answers 404 on every alignment route of a project that does not exist', async () => {
      const projectId = randomUUID();
      const { kenya } = await aSetting();
      expectProblem(await t.http().get(path(projectId)).set(donor), 404);
      expectProblem(await t.http().get(path(projectId, randomUUID())).set(staff), 404);
      expectProblem(
        await t
          .http()
          .post(path(projectId))
          .set(staff)
          .send({ countryIso3: 'KEN', strategyId: kenya.id, justification: 'Nowhere.' }),
        404,
      );
      expectProblem(await t.http().patch(path(projectId, randomUUID())).set(staff).send({ version: 1 }), 404);
      expectProblem(
        await t.http().delete(path(projectId, randomUUID())).set(staff).set('If-Match', '"1"'),
        404,
      );
    });
  });
});
