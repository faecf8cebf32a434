import { count, createTestApp, TestApp } from '../support/test-app';
import { anOrganizationRequest, asRole } from '../support/builders';

describe('organizations', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

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
});
