import { randomBytes, randomUUID } from 'node:crypto';
import { asRole } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';
import { aStrategy, aStrategyRequest } from './strategy-builders';

type Auth = { Authorization: string };

/** National strategies: per country, a title, a period, priority areas and a reference (DESIGN.md §3). */
describe('national strategies', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;
  let reviewer: Auth;
  let donor: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
    reviewer = (await asRole(t, 'reviewer')).auth;
    donor = (await asRole(t, 'donor')).auth;
  });
  afterAll(() => t.close());

  const written = async () => ({
    strategies: await count(t.db, 'national_strategies'),
    audit: await count(t.db, 'audit_entries'),
  });
  const strategyRow = (id: string) =>
    t.db
      .query(
        `SELECT country_iso3, title, period_from::text, period_to::text, priority_areas, reference, version
         FROM national_strategies WHERE id = $1`,
        [id],
      )
      .then((r) => r.rows[0] as Record<string, unknown> | undefined);

  /** Aligns a new project to the strategy, so the strategy is in use. */
  async function alignTo(strategy: { id: string; countryIso3: string }, priorityArea: string | null = null) {
    const project = await aProject(t, { countries: [strategy.countryIso3] });
    await t.db.query(
      `INSERT INTO alignments (project_id, country_iso3, strategy_id, priority_area, justification)
       VALUES ($1, $2, $3, $4, 'In line with the plan')`,
      [project.id, strategy.countryIso3, strategy.id, priorityArea],
    );
  }

  describe('creating', () => {
    it('creates a strategy for staff, with every field, and writes exactly one audit entry', async () => {
      const request = aStrategyRequest({ countryIso3: 'ken' });
      const response = await t.http().post('/api/v1/national-strategies').set(staff).send(request);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        countryIso3: 'KEN',
        title: request.title,
        periodFrom: '2023-01-01',
        periodTo: '2027-12-31',
        priorityAreas: ['Food and nutrition security', 'Health'],
        reference: 'https://example.org/mtp.pdf',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await expect(count(t.db, 'audit_entries', 'entity_id = $1', [response.body.id])).resolves.toBe(1);
      await expect(
        t.db
          .query<Record<string, unknown>>(
            `SELECT action, entity, before, after FROM audit_entries WHERE entity_id = $1`,
            [response.body.id],
          )
          .then((r) => r.rows[0]),
      ).resolves.toMatchObject({
        action: 'create',
        entity: 'national_strategy',
        before: null,
        after: response.body,
      });
    });

    it('lets admin create a strategy too, with no priority areas and no reference', async () => {
      const response = await t
        .http()
        .post('/api/v1/national-strategies')
        .set(admin)
        .send(aStrategyRequest({ priorityAreas: undefined, reference: undefined }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ priorityAreas: [], reference: null });
    });

    it('accepts a period of a single day (periodTo equal to periodFrom)', async () => {
      const response = await t
        .http()
        .post('/api/v1/national-strategies')
        .set(staff)
        .send(aStrategyRequest({ periodFrom: '2024-05-01', periodTo: '2024-05-01' }));
      expect(response.status).toBe(201);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['an unknown country', { countryIso3: 'XXZ' }, 'countryIso3'],
      ['a country that is not an alpha-3 code', { countryIso3: 'KE' }, 'countryIso3'],
      ['a missing country', { countryIso3: undefined }, 'countryIso3'],
      ['periodTo before periodFrom', { periodFrom: '2024-01-01', periodTo: '2023-12-31' }, 'periodTo'],
      ['a date that does not exist', { periodFrom: '2023-02-30' }, 'periodFrom'],
      ['a date with a time', { periodTo: '2027-12-31T00:00:00Z' }, 'periodTo'],
      ['a missing periodFrom', { periodFrom: undefined }, 'periodFrom'],
      ['a blank title', { title: '   ' }, 'title'],
      ['a missing title', { title: undefined }, 'title'],
      ['priority areas that are not a list', { priorityAreas: 'Health' }, 'priorityAreas'],
      ['a blank priority area', { priorityAreas: ['Health', ' '] }, 'priorityAreas'],
      ['the same priority area twice', { priorityAreas: ['Health', 'health'] }, 'priorityAreas'],
      ['an empty reference', { reference: '' }, 'reference'],
      ['an unknown property', { budget: '100.00' }, 'budget'],
    ];
    it.each(invalid)(
      'refuses %s with 400 problem+json on the field and writes nothing',
      async (_, change, field) => {
        const before = await written();
        const response = await t
          .http()
          .post('/api/v1/national-strategies')
          .set(staff)
          .send(aStrategyRequest(change));
        const problem = expectProblem(response, 400);
        expect(problem.errors?.map((e) => e.field)).toContain(field);
        await expect(written()).resolves.toEqual(before);
      },
    );

    it.each([
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('refuses a %s with 403 and writes nothing', async (_, auth) => {
      const before = await written();
      expectProblem(
        await t.http().post('/api/v1/national-strategies').set(auth()).send(aStrategyRequest()),
        403,
      );
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses a caller without a session with 401', async () => {
      expectProblem(await t.http().post('/api/v1/national-strategies').send(aStrategyRequest()), 401);
    });
  });

  describe('reading', () => {
    it.each([
      ['staff', () => staff],
      ['admin', () => admin],
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('lets %s read a strategy', async (_, auth) => {
      const strategy = await aStrategy(t, {
        countryIso3: 'UGA',
        periodFrom: '2021-07-01',
        periodTo: '2025-06-30',
      });
      const response = await t.http().get(`/api/v1/national-strategies/${strategy.id}`).set(auth());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: strategy.id,
        countryIso3: 'UGA',
        title: strategy.title,
        periodFrom: '2021-07-01',
        periodTo: '2025-06-30',
        priorityAreas: strategy.priorityAreas,
        version: 1,
      });
    });

    it('answers 404 problem+json for an unknown strategy', async () => {
      expectProblem(await t.http().get(`/api/v1/national-strategies/${randomUUID()}`).set(staff), 404);
    });

    it('answers 401 without a session', async () => {
      expectProblem(await t.http().get('/api/v1/national-strategies'), 401);
    });
  });

  describe('listing', () => {
    // Titles carry a token of their own, so rows of other tests never match.
    const token = randomBytes(4).toString('hex');
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const rows: [string, string, string, string, string][] = [
        ['npl1', 'NPL', `Fifteenth Plan ${token}`, '2019-07-16', '2024-07-15'],
        ['npl2', 'NPL', `Sixteenth Plan ${token}`, '2024-07-16', '2029-07-15'],
        ['ken1', 'KEN', `Vision 2030 MTP III ${token}`, '2018-01-01', '2022-12-31'],
        ['ken2', 'KEN', `Vision 2030 MTP IV ${token}`, '2023-01-01', '2027-12-31'],
        ['hti1', 'HTI', `Plan stratégique ${token}`, '2012-01-01', '2030-12-31'],
      ];
      for (const [key, countryIso3, title, periodFrom, periodTo] of rows) {
        ids[key] = (await aStrategy(t, { countryIso3, title, periodFrom, periodTo })).id;
      }
    });

    const list = (query: Record<string, string | number>, auth: Auth = staff) =>
      t
        .http()
        .get('/api/v1/national-strategies')
        .query({ q: token, ...query })
        .set(auth);
    const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

    it('finds strategies by part of the title, ordered by country then period', async () => {
      const response = await list({});
      expect(response.status).toBe(200);
      expect(idsOf(response.body)).toEqual([ids.hti1, ids.ken1, ids.ken2, ids.npl1, ids.npl2]);
      expect(response.body.nextCursor).toBeNull();
      const mtp = await list({ q: `MTP IV ${token}` });
      expect(idsOf(mtp.body)).toEqual([ids.ken2]);
    });

    it('filters by country', async () => {
      const response = await list({ country: 'npl' });
      expect(idsOf(response.body)).toEqual([ids.npl1, ids.npl2]);
    });

    it('filters by a date the period covers, both ends included', async () => {
      await expect(list({ coversDate: '2024-07-15' }).then((r) => idsOf(r.body))).resolves.toEqual([
        ids.hti1,
        ids.ken2,
        ids.npl1,
      ]);
      await expect(list({ coversDate: '2024-07-16' }).then((r) => idsOf(r.body))).resolves.toEqual([
        ids.hti1,
        ids.ken2,
        ids.npl2,
      ]);
      await expect(list({ coversDate: '2011-12-31' }).then((r) => idsOf(r.body))).resolves.toEqual([]);
    });

    it('combines the filters', async () => {
      const response = await list({ country: 'KEN', coversDate: '2020-06-30' });
      expect(idsOf(response.body)).toEqual([ids.ken1]);
    });

    it('pages with the cursor, returning each strategy exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const response = await list(cursor ? { limit: 2, cursor } : { limit: 2 });
        expect(response.status).toBe(200);
        expect(response.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...idsOf(response.body));
        cursor = response.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([ids.hti1, ids.ken1, ids.ken2, ids.npl1, ids.npl2]);
    });

    it('lets reviewers and donors list', async () => {
      await expect(list({}, reviewer).then((r) => idsOf(r.body).length)).resolves.toBe(5);
      await expect(list({}, donor).then((r) => idsOf(r.body).length)).resolves.toBe(5);
    });

    it.each([
      ['a date that does not exist', { coversDate: '2024-02-30' }, 'coversDate'],
      ['a malformed country', { country: 'Kenya' }, 'country'],
      ['a cursor it did not give out', { cursor: 'not-a-cursor' }, 'cursor'],
      ['a limit above 200', { limit: 201 }, 'limit'],
    ])('refuses %s with 400 naming the field', async (_, query, field) => {
      const problem = expectProblem(await list(query), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });
  });

  describe('updating', () => {
    it('updates the fields sent, bumps the version and writes one audit entry with before and after', async () => {
      const strategy = await aStrategy(t);
      const response = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .send({
          version: 1,
          title: 'Renamed plan',
          priorityAreas: ['Health', 'Water'],
          periodTo: '2030-12-31',
        });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        title: 'Renamed plan',
        priorityAreas: ['Health', 'Water'],
        periodFrom: '2024-01-01',
        periodTo: '2030-12-31',
        version: 2,
      });
      const audit = await t.db.query<Record<string, unknown>>(
        `SELECT action, before, after FROM audit_entries WHERE entity_id = $1`,
        [strategy.id],
      );
      expect(audit.rows).toEqual([
        {
          action: 'update',
          before: expect.objectContaining({ title: strategy.title, version: 1 }),
          after: response.body,
        },
      ]);
    });

    it('accepts the version in If-Match', async () => {
      const strategy = await aStrategy(t);
      const response = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(admin)
        .set('If-Match', '"1"')
        .send({ reference: null });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ reference: null, version: 2 });
    });

    it('refuses a stale version with 409 and leaves the row and the audit log as they were', async () => {
      const strategy = await aStrategy(t);
      await t.db.query(`UPDATE national_strategies SET version = 2 WHERE id = $1`, [strategy.id]);
      const row = await strategyRow(strategy.id);
      const before = await written();
      const response = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .send({ version: 1, title: 'A stale rename' });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(strategyRow(strategy.id)).resolves.toEqual(row);
      await expect(written()).resolves.toEqual(before);
    });

    it.each([
      ['a periodTo before the stored periodFrom', { periodTo: '2023-12-31' }, 'periodTo'],
      ['a periodFrom after the stored periodTo', { periodFrom: '2029-01-01' }, 'periodTo'],
      ['an unknown country', { countryIso3: 'XXZ' }, 'countryIso3'],
      ['a null title', { title: null }, 'title'],
      ['null priority areas', { priorityAreas: null }, 'priorityAreas'],
      ['an unknown property', { owner: 'me' }, 'owner'],
    ])('refuses %s with 400 on the field and leaves the row unchanged', async (_, change, field) => {
      const strategy = await aStrategy(t);
      const row = await strategyRow(strategy.id);
      const before = await written();
      const response = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .send({ version: 1, ...change });
      expect(expectProblem(response, 400).errors?.map((e) => e.field)).toContain(field);
      await expect(strategyRow(strategy.id)).resolves.toEqual(row);
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses to move a strategy in use to another country (409) and changes nothing', async () => {
      const strategy = await aStrategy(t, { countryIso3: 'KEN' });
      await alignTo(strategy);
      const row = await strategyRow(strategy.id);
      const response = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .send({ version: 1, countryIso3: 'UGA' });
      expect(expectProblem(response, 409).errors).toEqual([
        { field: 'countryIso3', message: 'cannot change while project alignments refer to it' },
      ]);
      await expect(strategyRow(strategy.id)).resolves.toEqual(row);
    });

    it('refuses to drop a priority area an alignment refers to (409), but lets others go', async () => {
      const strategy = await aStrategy(t, { priorityAreas: ['Health', 'Water', 'Education'] });
      await alignTo(strategy, 'Water');
      const refused = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .send({ version: 1, priorityAreas: ['Health'] });
      expect(expectProblem(refused, 409).errors?.map((e) => e.field)).toEqual(['priorityAreas']);
      const accepted = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .send({ version: 1, priorityAreas: ['Water'] });
      expect(accepted.status).toBe(200);
    });

    it.each([
      ['reviewer', () => reviewer],
      ['donor', () => donor],
    ])('refuses a %s with 403 and leaves the row unchanged', async (_, auth) => {
      const strategy = await aStrategy(t);
      const row = await strategyRow(strategy.id);
      const response = await t
        .http()
        .patch(`/api/v1/national-strategies/${strategy.id}`)
        .set(auth())
        .send({ version: 1, title: 'Not yours to rename' });
      expectProblem(response, 403);
      await expect(strategyRow(strategy.id)).resolves.toEqual(row);
    });
  });

  describe('deleting', () => {
    it('deletes an unused strategy and writes one audit entry', async () => {
      const strategy = await aStrategy(t);
      const response = await t
        .http()
        .delete(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .set('If-Match', '1');
      expect(response.status).toBe(204);
      await expect(strategyRow(strategy.id)).resolves.toBeUndefined();
      await expect(
        t.db
          .query<Record<string, unknown>>(`SELECT action, after FROM audit_entries WHERE entity_id = $1`, [
            strategy.id,
          ])
          .then((r) => r.rows),
      ).resolves.toEqual([{ action: 'delete', after: null }]);
    });

    it('refuses to delete a strategy an alignment uses with 409, and keeps it', async () => {
      const strategy = await aStrategy(t);
      await alignTo(strategy);
      const before = await written();
      const response = await t
        .http()
        .delete(`/api/v1/national-strategies/${strategy.id}`)
        .set(staff)
        .set('If-Match', '1');
      expect(expectProblem(response, 409)).toMatchObject({ alignments: 1 });
      await expect(written()).resolves.toEqual(before);
    });

    it('refuses a stale version with 409 and keeps the strategy', async () => {
      const strategy = await aStrategy(t);
      await t.db.query(`UPDATE national_strategies SET version = 3 WHERE id = $1`, [strategy.id]);
      const response = await t
        .http()
        .delete(`/api/v1/national-strategies/${strategy.id}`)
        .set(admin)
        .set('If-Match', '2');
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 3 });
      await expect(strategyRow(strategy.id)).resolves.toBeDefined();
    });

    it('refuses a donor with 403 and keeps the strategy', async () => {
      const strategy = await aStrategy(t);
      expectProblem(
        await t.http().delete(`/api/v1/national-strategies/${strategy.id}`).set(donor).set('If-Match', '1'),
        403,
      );
      await expect(strategyRow(strategy.id)).resolves.toBeDefined();
    });
  });
});
