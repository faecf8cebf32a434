import { count, createTestApp, TestApp } from '../support/test-app';
import { anOrganization, anOrganizationRequest, asRole } from '../support/builders';
import { expectProblem } from '../support/problems';

describe('organizations', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number>, auth = staff) =>
    t.http().get('/api/v1/organizations').query(query).set(auth);

  it('creates an organization and writes exactly one audit entry for it', async () => {
    const response = await t.http().post('/api/v1/organizations').set(staff).send(anOrganizationRequest());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ kind: 'un_entity', version: 1 });
    await expect(count(t.db, 'audit_entries', 'entity_id = $1', [response.body.id])).resolves.toBe(1);
  });

  it('refuses an unknown property with 400 problem+json and writes nothing', async () => {
    const before = await count(t.db, 'organizations');
    const auditBefore = await count(t.db, 'audit_entries');
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(staff)
      .send(anOrganizationRequest({ budget: 1000 }));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'budget', message: 'is not allowed' }]);
    await expect(count(t.db, 'organizations')).resolves.toBe(before);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(auditBefore);
  });

  it('trims the name and acronym', async () => {
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(staff)
      .send({ name: '  Trimmed Organization  ', acronym: ' TRIM ', kind: 'ngo' });
    expect(response.body).toMatchObject({ name: 'Trimmed Organization', acronym: 'TRIM' });
  });

  it('reads one organization by id, and answers 404 for an unknown one', async () => {
    const organization = await anOrganization(t);
    await expect(t.http().get(`/api/v1/organizations/${organization.id}`).set(staff)).resolves.toMatchObject({
      status: 200,
      body: { id: organization.id, name: organization.name },
    });
    expectProblem(
      await t.http().get('/api/v1/organizations/3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b').set(staff),
      404,
    );
  });

  describe('uniqueness', () => {
    it('refuses a duplicate name, whatever its case, with 409 on the field name', async () => {
      const existing = await anOrganization(t);
      const before = await count(t.db, 'organizations');
      const response = await t
        .http()
        .post('/api/v1/organizations')
        .set(staff)
        .send(anOrganizationRequest({ name: existing.name.toUpperCase() }));
      expect(expectProblem(response, 409).errors).toEqual([{ field: 'name', message: expect.any(String) }]);
      await expect(count(t.db, 'organizations')).resolves.toBe(before);
    });

    it('refuses a duplicate acronym with 409 on the field acronym', async () => {
      const existing = await anOrganization(t);
      const response = await t
        .http()
        .post('/api/v1/organizations')
        .set(staff)
        .send(anOrganizationRequest({ acronym: existing.acronym!.toLowerCase() }));
      expect(expectProblem(response, 409).errors).toEqual([
        { field: 'acronym', message: expect.any(String) },
      ]);
    });

    it('names both fields when both are taken', async () => {
      const existing = await anOrganization(t);
      const response = await t
        .http()
        .post('/api/v1/organizations')
        .set(staff)
        .send(anOrganizationRequest({ name: existing.name, acronym: existing.acronym }));
      const fields = expectProblem(response, 409)
        .errors!.map((e) => e.field)
        .sort();
      expect(fields).toEqual(['acronym', 'name']);
    });

    it('refuses renaming to the name of another organization, and keeps the row', async () => {
      const existing = await anOrganization(t);
      const renamed = await anOrganization(t);
      const response = await t
        .http()
        .patch(`/api/v1/organizations/${renamed.id}`)
        .set(staff)
        .send({ version: 1, name: existing.name });
      expect(expectProblem(response, 409).errors).toEqual([{ field: 'name', message: expect.any(String) }]);
      await expect(
        count(t.db, 'organizations', 'id = $1 AND name = $2 AND version = 1', [renamed.id, renamed.name]),
      ).resolves.toBe(1);
    });

    it('lets an organization keep its own name and acronym when it is updated', async () => {
      const organization = await anOrganization(t);
      await expect(
        t
          .http()
          .patch(`/api/v1/organizations/${organization.id}`)
          .set(staff)
          .send({ version: 1, name: organization.name, acronym: organization.acronym, kind: 'other' }),
      ).resolves.toMatchObject({ status: 200, body: { kind: 'other', version: 2 } });
    });

    it('allows several organizations without an acronym', async () => {
      await anOrganization(t, { acronym: null });
      const response = await t
        .http()
        .post('/api/v1/organizations')
        .set(staff)
        .send(anOrganizationRequest({ acronym: null }));
      expect(response.status).toBe(201);
    });
  });

  describe('list', () => {
    it('filters by kind', async () => {
      const ngo = await anOrganization(t, { kind: 'ngo' });
      await anOrganization(t, { kind: 'government' });
      const response = await list({ kind: 'ngo', limit: 200 });
      expect(response.status).toBe(200);
      const items = response.body.items as { id: string; kind: string }[];
      expect(items.every((o) => o.kind === 'ngo')).toBe(true);
      expect(items.map((o) => o.id)).toContain(ngo.id);
      await expect(count(t.db, 'organizations', `kind = 'ngo'`)).resolves.toBe(items.length);
    });

    it('filters by part of the name or the acronym, case-insensitively', async () => {
      const byName = await anOrganization(t, { name: 'Pelican Relief International' });
      const byAcronym = await anOrganization(t, { acronym: 'PELICAN-AID' });
      await anOrganization(t, { name: 'Heron Foundation' });
      const response = await list({ q: 'pelican' });
      expect(response.status).toBe(200);
      expect((response.body.items as { id: string }[]).map((o) => o.id).sort()).toEqual(
        [byName.id, byAcronym.id].sort(),
      );
    });

    it('refuses an unknown kind with 400 on the field kind', async () => {
      expect(expectProblem(await list({ kind: 'company' }), 400).errors).toEqual([
        { field: 'kind', message: expect.any(String) },
      ]);
    });

    it('pages through every organization exactly once, in name order', async () => {
      for (let i = 0; i < 3; i++) await anOrganization(t);
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await list({ limit: 2, ...(cursor ? { cursor } : {}) });
        names.push(...response.body.items.map((o: { name: string }) => o.name));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(new Set(names).size).toBe(names.length);
      await expect(count(t.db, 'organizations')).resolves.toBe(names.length);
    });
  });

  describe('donor', () => {
    let donor: { Authorization: string };
    beforeAll(async () => {
      donor = (await asRole(t, 'donor')).auth;
    });

    it('can read the list and one organization', async () => {
      const organization = await anOrganization(t);
      await expect(list({}, donor)).resolves.toMatchObject({ status: 200 });
      await expect(
        t.http().get(`/api/v1/organizations/${organization.id}`).set(donor),
      ).resolves.toMatchObject({
        status: 200,
      });
    });

    it('cannot create one (403), and nothing is written', async () => {
      const before = await count(t.db, 'organizations');
      expectProblem(
        await t.http().post('/api/v1/organizations').set(donor).send(anOrganizationRequest()),
        403,
      );
      await expect(count(t.db, 'organizations')).resolves.toBe(before);
    });

    it('cannot update or delete one (403)', async () => {
      const organization = await anOrganization(t);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/organizations/${organization.id}`)
          .set(donor)
          .send({ version: 1, kind: 'ngo' }),
        403,
      );
      expectProblem(
        await t.http().delete(`/api/v1/organizations/${organization.id}`).set(donor).set('If-Match', '"1"'),
        403,
      );
      await expect(count(t.db, 'organizations', 'id = $1 AND version = 1', [organization.id])).resolves.toBe(
        1,
      );
    });
  });
});

describe('organizations: null for a required field', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  it('answers 400 on the field, not 500, and changes nothing', async () => {
    const created = await t.http().post('/api/v1/organizations').set(staff).send(anOrganizationRequest());
    const response = await t
      .http()
      .patch(`/api/v1/organizations/${created.body.id}`)
      .set(staff)
      .send({ version: 1, name: null });
    expect(response.status).toBe(400);
    expect(new Set(response.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['name']));
    const { rows } = await t.db.query(`SELECT name, version FROM organizations WHERE id = $1`, [
      created.body.id,
    ]);
    expect(rows[0]).toEqual({ name: created.body.name, version: 1 });
  });
});
