import type { Response } from 'supertest';
import { randomBytes, randomUUID } from 'node:crypto';
import { asRole } from '../support/builders';
import { aContribution, aDonorOfKind } from '../support/fund-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

const unique = () => randomBytes(4).toString('hex');

describe('donors', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const donorRow = (id: string) =>
    t.db
      .query<Record<string, unknown>>('SELECT name, kind, country_iso3, version FROM donors WHERE id = $1', [
        id,
      ])
      .then((r) => r.rows[0]);

  /** Sends the request and proves it answered 400 on `field` and wrote nothing. */
  async function expectRefused(send: () => Promise<Response>, field: string) {
    const donors = await count(t.db, 'donors');
    const audit = await count(t.db, 'audit_entries');
    const response = await send();
    const problem = expectProblem(response, 400);
    expect([...new Set(problem.errors?.map((e) => e.field))]).toEqual([field]);
    await expect(count(t.db, 'donors')).resolves.toBe(donors);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    return problem;
  }

  describe('create', () => {
    it('creates a Member State with its country and writes exactly one audit entry', async () => {
      const name = `Republic ${unique()}`;
      const response = await t
        .http()
        .post('/api/v1/donors')
        .set(staff)
        .send({ name, kind: 'member_state', countryIso3: 'grc' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ name, kind: 'member_state', countryIso3: 'GRC', version: 1 });
      await expect(
        count(t.db, 'audit_entries', `entity = 'donor' AND entity_id = $1`, [response.body.id]),
      ).resolves.toBe(1);
    });

    it('creates a foundation without a country', async () => {
      const response = await t
        .http()
        .post('/api/v1/donors')
        .set(admin)
        .send({ name: `Foundation ${unique()}`, kind: 'foundation' });
      expect(response.status).toBe(201);
      expect(response.body.countryIso3).toBeNull();
    });

    it('refuses a Member State without a country (400 on countryIso3) and writes nothing', async () => {
      await expectRefused(
        () =>
          t
            .http()
            .post('/api/v1/donors')
            .set(staff)
            .send({ name: `State ${unique()}`, kind: 'member_state' }),
        'countryIso3',
      );
    });

    it('refuses a Member State whose country does not exist and writes nothing', async () => {
      const problem = await expectRefused(
        () =>
          t
            .http()
            .post('/api/v1/donors')
            .set(staff)
            .send({ name: `State ${unique()}`, kind: 'member_state', countryIso3: 'XYZ' }),
        'countryIso3',
      );
      expect(problem.errors![0]!.message).toBe('is not a known country');
    });

    it.each(['regional_organization', 'private_sector', 'foundation', 'other'])(
      'refuses a country on a %s donor and writes nothing',
      async (kind) => {
        await expectRefused(
          () =>
            t
              .http()
              .post('/api/v1/donors')
              .set(staff)
              .send({ name: `Donor ${unique()}`, kind, countryIso3: 'JPN' }),
          'countryIso3',
        );
      },
    );

    it('refuses an unknown kind and writes nothing', async () => {
      await expectRefused(
        () =>
          t
            .http()
            .post('/api/v1/donors')
            .set(staff)
            .send({ name: `Donor ${unique()}`, kind: 'government' }),
        'kind',
      );
    });

    it('refuses a second donor with the same name (any case) with 409', async () => {
      const name = `Donor ${unique()}`;
      await aDonorOfKind(t, 'foundation', name);
      const before = await count(t.db, 'donors');
      const response = await t
        .http()
        .post('/api/v1/donors')
        .set(staff)
        .send({ name: name.toUpperCase(), kind: 'other' });
      expect(expectProblem(response, 409).errors).toEqual([
        { field: 'name', message: 'is already used by another donor' },
      ]);
      await expect(count(t.db, 'donors')).resolves.toBe(before);
    });
  });

  describe('list and read', () => {
    it('filters by kind and name and pages with the cursor, each donor exactly once', async () => {
      const tag = unique();
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push(await aDonorOfKind(t, 'private_sector', `Company ${tag} ${i}`));
      await aDonorOfKind(t, 'foundation', `Foundation ${tag}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: Response = await t
          .http()
          .get('/api/v1/donors')
          .query({ kind: 'private_sector', q: tag, limit: 2, ...(cursor ? { cursor } : {}) })
          .set(staff);
        expect(response.status).toBe(200);
        seen.push(...response.body.items.map((d: { id: string }) => d.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
    });

    it("lets a donor user read every donor: the Fund's donors are public", async () => {
      const other = await aDonorOfKind(t, 'foundation');
      const { auth } = await asRole(t, 'donor');
      const list = await t.http().get('/api/v1/donors').query({ limit: 200 }).set(auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).toContain(other);
      await expect(t.http().get(`/api/v1/donors/${other}`).set(auth)).resolves.toMatchObject({ status: 200 });
    });

    it('answers 404 problem+json for an unknown donor', async () => {
      expectProblem(await t.http().get(`/api/v1/donors/${randomUUID()}`).set(staff), 404);
    });

    it('refuses reviewers (403) and writes by donor users (403)', async () => {
      const reviewer = (await asRole(t, 'reviewer')).auth;
      const donor = (await asRole(t, 'donor')).auth;
      const id = await aDonorOfKind(t);
      expectProblem(await t.http().get('/api/v1/donors').set(reviewer), 403);
      expectProblem(await t.http().get(`/api/v1/donors/${id}`).set(reviewer), 403);
      expectProblem(
        await t.http().post('/api/v1/donors').set(donor).send({ name: 'Mine', kind: 'other' }),
        403,
      );
      expectProblem(
        await t.http().patch(`/api/v1/donors/${id}`).set(donor).send({ version: 1, name: 'Mine' }),
        403,
      );
      expectProblem(await t.http().delete(`/api/v1/donors/${id}`).set(donor).set('If-Match', '1'), 403);
    });
  });

  describe('update', () => {
    it('renames with the version read, bumps it and writes one audit entry', async () => {
      const id = await aDonorOfKind(t);
      const name = `Renamed ${unique()}`;
      const response = await t.http().patch(`/api/v1/donors/${id}`).set(staff).send({ version: 1, name });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name, version: 2 });
      await expect(
        count(t.db, 'audit_entries', `entity = 'donor' AND entity_id = $1 AND action = 'update'`, [id]),
      ).resolves.toBe(1);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const id = await aDonorOfKind(t);
      await t.db.query('UPDATE donors SET version = 2 WHERE id = $1', [id]);
      const before = await donorRow(id);
      const audit = await count(t.db, 'audit_entries');
      const response = await t
        .http()
        .patch(`/api/v1/donors/${id}`)
        .set(staff)
        .send({ version: 1, name: `Stale ${unique()}` });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(donorRow(id)).resolves.toEqual(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('refuses turning a Member State into a foundation while it keeps its country, and changes nothing', async () => {
      const id = await aDonorOfKind(t, 'member_state');
      const before = await donorRow(id);
      await expectRefused(
        () => t.http().patch(`/api/v1/donors/${id}`).set(staff).send({ version: 1, kind: 'foundation' }),
        'countryIso3',
      );
      await expect(donorRow(id)).resolves.toEqual(before);
    });

    it('turns a Member State into a foundation when the country is cleared in the same change', async () => {
      const id = await aDonorOfKind(t, 'member_state');
      const response = await t
        .http()
        .patch(`/api/v1/donors/${id}`)
        .set(staff)
        .send({ version: 1, kind: 'foundation', countryIso3: null });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ kind: 'foundation', countryIso3: null });
    });

    it('refuses a null name (400) instead of failing in the database', async () => {
      const id = await aDonorOfKind(t);
      await expectRefused(
        () => t.http().patch(`/api/v1/donors/${id}`).set(staff).send({ version: 1, name: null }),
        'name',
      );
    });
  });

  describe('delete', () => {
    it('deletes a donor without contributions, with its version, and writes one audit entry', async () => {
      const id = await aDonorOfKind(t);
      const response = await t.http().delete(`/api/v1/donors/${id}`).set(staff).set('If-Match', '"1"');
      expect(response.status).toBe(204);
      await expect(count(t.db, 'donors', 'id = $1', [id])).resolves.toBe(0);
      await expect(
        count(t.db, 'audit_entries', `entity = 'donor' AND entity_id = $1 AND action = 'delete'`, [id]),
      ).resolves.toBe(1);
    });

    it('refuses to delete a donor with contributions (409) and deletes nothing', async () => {
      const id = await aDonorOfKind(t);
      await aContribution(t, id);
      const audit = await count(t.db, 'audit_entries');
      const response = await t.http().delete(`/api/v1/donors/${id}`).set(admin).set('If-Match', '"1"');
      expect(expectProblem(response, 409)).toMatchObject({ contributions: 1 });
      await expect(count(t.db, 'donors', 'id = $1', [id])).resolves.toBe(1);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('refuses a stale version with 409 and deletes nothing', async () => {
      const id = await aDonorOfKind(t);
      await t.db.query('UPDATE donors SET version = 3 WHERE id = $1', [id]);
      const response = await t.http().delete(`/api/v1/donors/${id}`).set(staff).set('If-Match', '"2"');
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 3 });
      await expect(count(t.db, 'donors', 'id = $1', [id])).resolves.toBe(1);
    });
  });
});
