import { count, createTestApp, TestApp } from '../support/test-app';
import { asRole } from '../support/builders';
import { aProjectRequest } from './project-requests';

describe('projects', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const create = async (overrides: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/v1/projects')
      .set(staff)
      .send(await aProjectRequest(t, overrides));

  it('creates a project with every field, a generated code and one audit entry', async () => {
    const response = await create();
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      code: expect.stringMatching(/^HS-2026-\d{4}$/),
      stage: 'concept_note',
      requestedBudget: '1000000.00',
      coFunding: '250000.00',
      approvedBudget: null,
      startDate: '2026-03-01',
      endDate: '2028-02-29',
      dimensions: ['food', 'economic', 'community'],
      declarations: { noCoercion: true, distinctFromR2p: true },
      version: 1,
    });
    expect(response.body.recipientCountries.map((c: { iso3: string }) => c.iso3)).toEqual(['ETH', 'KEN']);
    expect(response.body.organizations).toHaveLength(2);
    expect(response.body.organizations[0]).toMatchObject({ lead: true, budgetShare: '600000.00' });
    await expect(
      count(t.db, 'audit_entries', `entity = 'project' AND entity_id = $1`, [response.body.id]),
    ).resolves.toBe(1);
  });

  it('numbers generated codes in sequence within the start year', async () => {
    const first = await create({ startDate: '2031-01-01', endDate: '2032-01-01' });
    const second = await create({ startDate: '2031-06-01', endDate: '2032-01-01' });
    expect(first.body.code).toBe('HS-2031-0001');
    expect(second.body.code).toBe('HS-2031-0002');
  });

  it('refuses a duplicate code with 409 on the code field', async () => {
    await create({ code: 'HS-2015-0042' });
    const response = await create({ code: 'HS-2015-0042' });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ field: 'code', message: 'is already used by another project' }]);
  });

  describe('refuses invalid input with 400 problem+json and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an end date before the start', { startDate: '2026-03-01', endDate: '2026-02-01' }, 'endDate'],
      ['an end date equal to the start', { startDate: '2026-03-01', endDate: '2026-03-01' }, 'endDate'],
      ['a date that does not exist', { startDate: '2026-02-30' }, 'startDate'],
      ['negative money', { coFunding: '-1.00' }, 'coFunding'],
      ['money as a JSON number', { requestedBudget: 1000000 }, 'requestedBudget'],
      ['money with three decimals', { coFunding: '10.005' }, 'coFunding'],
      ['an unknown country', { recipientCountries: ['KEN', 'XYZ'] }, 'recipientCountries'],
      ['an unknown dimension', { dimensions: ['spiritual'] }, 'dimensions'],
      ['an SDG outside 1–17', { sdgs: [18] }, 'sdgs'],
      ['a window other than I or II', { window: 'III' }, 'window'],
      ['an unknown property', { colour: 'blue' }, 'colour'],
    ];
    it.each(cases)('%s', async (_label, overrides, field) => {
      const projects = await count(t.db, 'projects');
      const audit = await count(t.db, 'audit_entries');
      const response = await create(overrides);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      await expect(count(t.db, 'projects')).resolves.toBe(projects);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('budget shares that do not sum to the requested budget', async () => {
      const request = await aProjectRequest(t);
      const organizations = request.organizations as { organizationId: string; budgetShare: string }[];
      organizations[1]!.budgetShare = '399999.99';
      const projects = await count(t.db, 'projects');
      const response = await t.http().post('/api/v1/projects').set(staff).send(request);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'organizations',
          message: 'budget shares sum to 999999.99, not to the requested budget of 1000000.00',
        },
      ]);
      await expect(count(t.db, 'projects')).resolves.toBe(projects);
    });

    it('a lead organization that does not participate', async () => {
      const request = await aProjectRequest(t);
      const other = await aProjectRequest(t);
      const response = await t
        .http()
        .post('/api/v1/projects')
        .set(staff)
        .send({ ...request, leadOrganizationId: other.leadOrganizationId });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('leadOrganizationId');
    });
  });

  it('updates with the version read, and refuses a stale version with 409 leaving the row unchanged', async () => {
    const created = (await create()).body;
    const updated = await t
      .http()
      .patch(`/api/v1/projects/${created.id}`)
      .set(staff)
      .send({ version: 1, title: 'Renamed project' });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);

    const stale = await t
      .http()
      .patch(`/api/v1/projects/${created.id}`)
      .set(staff)
      .set('If-Match', '"1"')
      .send({ title: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const { rows } = await t.db.query(`SELECT title, version FROM projects WHERE id = $1`, [created.id]);
    expect(rows[0]).toEqual({ title: 'Renamed project', version: 2 });
  });

  it('re-checks the budget shares against a changed requested budget', async () => {
    const created = (await create()).body;
    const response = await t
      .http()
      .patch(`/api/v1/projects/${created.id}`)
      .set(staff)
      .send({ version: 1, requestedBudget: '1200000.00' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('organizations');
  });

  it('refuses to remove a recipient country that has a consent record', async () => {
    const created = (await create()).body;
    await t.db.query(
      `INSERT INTO consent_records (project_id, country_iso3, status, requested_on) VALUES ($1, 'KEN', 'requested', '2026-01-10')`,
      [created.id],
    );
    const response = await t
      .http()
      .patch(`/api/v1/projects/${created.id}`)
      .set(staff)
      .send({ version: 1, recipientCountries: ['ETH'] });
    expect(response.status).toBe(409);
    await expect(count(t.db, 'consent_records', 'project_id = $1', [created.id])).resolves.toBe(1);
  });

  it('fixes the approved budget once the project is approved', async () => {
    const created = (await create({ approvedBudget: '900000.00' })).body;
    await t.db.query(`UPDATE projects SET stage = 'approved' WHERE id = $1`, [created.id]);
    const response = await t
      .http()
      .patch(`/api/v1/projects/${created.id}`)
      .set(staff)
      .send({ version: 1, approvedBudget: '950000.00' });
    expect(response.status).toBe(422);
    const { rows } = await t.db.query(`SELECT approved_budget FROM projects WHERE id = $1`, [created.id]);
    expect(rows[0].approved_budget).toBe('900000.00');
  });

  it('soft-deletes a concept note: it disappears from reads, its row and audit remain', async () => {
    const created = (await create()).body;
    const deleted = await t.http().delete(`/api/v1/projects/${created.id}`).set(staff).set('If-Match', '1');
    expect(deleted.status).toBe(204);
    await expect(
      t
        .http()
        .get(`/api/v1/projects/${created.id}`)
        .set(staff)
        .then((r) => r.status),
    ).resolves.toBe(404);
    await expect(count(t.db, 'projects', 'id = $1 AND deleted_at IS NOT NULL', [created.id])).resolves.toBe(
      1,
    );
    await expect(
      count(t.db, 'audit_entries', `entity_id = $1 AND action = 'delete'`, [created.id]),
    ).resolves.toBe(1);
  });

  it('answers a project addressed by its code as by its id', async () => {
    const created = (await create({ code: 'HS-2019-0004' })).body;
    const byId = await t.http().get(`/api/v1/projects/${created.id}`).set(staff);
    const byCode = await t.http().get('/api/v1/projects/HS-2019-0004').set(staff);
    expect(byCode.status).toBe(200);
    expect(byCode.body).toEqual(byId.body);
    // People type codes as they read them.
    const lowerCase = await t.http().get('/api/v1/projects/hs-2019-0004').set(staff);
    expect(lowerCase.body.id).toBe(created.id);
  });

  it('answers 404 for an unknown or deleted code, and 400 problem+json for an address that is neither', async () => {
    const created = (await create({ code: 'HS-2019-0005' })).body;
    await t.http().delete(`/api/v1/projects/${created.id}`).set(staff).set('If-Match', '1');
    await expect(
      t
        .http()
        .get('/api/v1/projects/HS-2019-0005')
        .set(staff)
        .then((r) => r.status),
    ).resolves.toBe(404);
    await expect(
      t
        .http()
        .get('/api/v1/projects/HS-2019-0999')
        .set(staff)
        .then((r) => r.status),
    ).resolves.toBe(404);
    const bad = await t.http().get('/api/v1/projects/HS-19-4').set(staff);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([
      { field: 'id', message: 'must be a UUID or a project code such as HS-2026-0042' },
    ]);
  });

  it('refuses to delete an approved project', async () => {
    const created = (await create()).body;
    await t.db.query(`UPDATE projects SET stage = 'approved' WHERE id = $1`, [created.id]);
    const response = await t.http().delete(`/api/v1/projects/${created.id}`).set(staff).set('If-Match', '1');
    expect(response.status).toBe(422);
  });

  it('lets donors read the portfolio but not write it; reviewers read proposals only through reviews', async () => {
    const created = (await create()).body;
    const donor = (await asRole(t, 'donor')).auth;
    const reviewer = (await asRole(t, 'reviewer')).auth;
    await expect(
      t
        .http()
        .get(`/api/v1/projects/${created.id}`)
        .set(donor)
        .then((r) => r.status),
    ).resolves.toBe(200);
    await expect(
      t
        .http()
        .patch(`/api/v1/projects/${created.id}`)
        .set(donor)
        .send({ version: 1, title: 'Donor edit' })
        .then((r) => r.status),
    ).resolves.toBe(403);
    await expect(
      t
        .http()
        .get('/api/v1/projects')
        .set(reviewer)
        .then((r) => r.status),
    ).resolves.toBe(403);
  });
});
