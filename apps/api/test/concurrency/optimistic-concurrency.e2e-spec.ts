import { anOrganization, asRole, aUser } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/** Updates carry the version they read; a stale one gets 409 and changes nothing (DESIGN.md §6). */
describe('optimistic concurrency', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const organizationRow = (id: string) =>
    t.db
      .query<Record<string, unknown>>(
        'SELECT name, acronym, kind, version FROM organizations WHERE id = $1',
        [id],
      )
      .then((r) => r.rows[0]);
  const userRow = (id: string) =>
    t.db
      .query<Record<string, unknown>>('SELECT name, role, active, version FROM users WHERE id = $1', [id])
      .then((r) => r.rows[0]);

  /** An organization that was already changed once, so it is at version 2. */
  async function anOrganizationAtVersion2() {
    const organization = await anOrganization(t);
    await t.db.query(`UPDATE organizations SET version = 2 WHERE id = $1`, [organization.id]);
    return { ...organization, version: 2 };
  }

  describe('PATCH /organizations/:id', () => {
    it('bumps the version by exactly one on success', async () => {
      const organization = await anOrganization(t);
      const response = await t
        .http()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .send({ version: 1, name: 'A new name for the organization' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ version: 2, name: 'A new name for the organization' });
      await expect(organizationRow(organization.id)).resolves.toMatchObject({ version: 2 });
    });

    it('accepts the version in If-Match instead of the body', async () => {
      const organization = await anOrganization(t);
      const response = await t
        .http()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .set('If-Match', '"1"')
        .send({ kind: 'ngo' });
      expect(response.status).toBe(200);
      await expect(organizationRow(organization.id)).resolves.toMatchObject({ kind: 'ngo', version: 2 });
    });

    it('refuses a stale body version with 409 and the current version, and changes nothing', async () => {
      const organization = await anOrganizationAtVersion2();
      const before = await organizationRow(organization.id);
      const audit = await count(t.db, 'audit_entries');
      const response = await t
        .http()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .send({ version: 1, name: 'A stale rename' });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(organizationRow(organization.id)).resolves.toEqual(before);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    });

    it('refuses a stale If-Match version with 409 and the current version, and changes nothing', async () => {
      const organization = await anOrganizationAtVersion2();
      const before = await organizationRow(organization.id);
      const response = await t
        .http()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .set('If-Match', '"1"')
        .send({ name: 'A stale rename' });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(organizationRow(organization.id)).resolves.toEqual(before);
    });

    it('refuses an update without a version with 428 and changes nothing', async () => {
      const organization = await anOrganization(t);
      const before = await organizationRow(organization.id);
      const response = await t
        .http()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .send({ name: 'A blind rename' });
      expectProblem(response, 428);
      await expect(organizationRow(organization.id)).resolves.toEqual(before);
    });

    it('refuses an If-Match header that contradicts the body version with 400', async () => {
      const organization = await anOrganization(t);
      const response = await t
        .http()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .set('If-Match', '"1"')
        .send({ version: 2, name: 'Contradiction' });
      expectProblem(response, 400);
      await expect(organizationRow(organization.id)).resolves.toMatchObject({ version: 1 });
    });

    it('lets exactly one of two concurrent updates with the same version succeed; the other gets 409', async () => {
      const organization = await anOrganization(t);
      const patch = (name: string) =>
        t.http().patch(`/api/v1/organizations/${organization.id}`).set(admin).send({ version: 1, name });
      const responses = await Promise.all([patch('First concurrent name'), patch('Second concurrent name')]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)!;
      expect(
        expectProblem(
          responses.find((r) => r.status === 409)!,
          409,
        ),
      ).toMatchObject({ currentVersion: 2 });
      await expect(organizationRow(organization.id)).resolves.toMatchObject({
        version: 2,
        name: winner.body.name,
      });
      await expect(count(t.db, 'audit_entries', 'entity_id = $1', [organization.id])).resolves.toBe(1);
    });
  });

  describe('DELETE /organizations/:id', () => {
    it('refuses a stale version with 409 and keeps the row', async () => {
      const organization = await anOrganizationAtVersion2();
      const response = await t
        .http()
        .delete(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .set('If-Match', '"1"');
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(count(t.db, 'organizations', 'id = $1', [organization.id])).resolves.toBe(1);
    });

    it('refuses a delete without a version with 428 and keeps the row', async () => {
      const organization = await anOrganization(t);
      expectProblem(await t.http().delete(`/api/v1/organizations/${organization.id}`).set(admin), 428);
      await expect(count(t.db, 'organizations', 'id = $1', [organization.id])).resolves.toBe(1);
    });

    it('deletes with the current version', async () => {
      const organization = await anOrganizationAtVersion2();
      const response = await t
        .http()
        .delete(`/api/v1/organizations/${organization.id}`)
        .set(admin)
        .set('If-Match', '"2"');
      expect(response.status).toBe(204);
      await expect(count(t.db, 'organizations', 'id = $1', [organization.id])).resolves.toBe(0);
    });
  });

  describe('PATCH /users/:id', () => {
    it('bumps the version by exactly one on success', async () => {
      const user = await aUser(t);
      const response = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin)
        .send({ version: 1, name: 'Renamed' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ version: 2, name: 'Renamed' });
      await expect(userRow(user.id)).resolves.toMatchObject({ version: 2, name: 'Renamed' });
    });

    it('refuses a stale body version with 409 and the current version, and changes nothing', async () => {
      const user = await aUser(t);
      await t.db.query(`UPDATE users SET version = 3 WHERE id = $1`, [user.id]);
      const before = await userRow(user.id);
      const response = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin)
        .send({ version: 2, role: 'reviewer' });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 3 });
      await expect(userRow(user.id)).resolves.toEqual(before);
    });

    it('refuses a stale If-Match version with 409 and changes nothing', async () => {
      const user = await aUser(t);
      await t.db.query(`UPDATE users SET version = 2 WHERE id = $1`, [user.id]);
      const before = await userRow(user.id);
      const response = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin)
        .set('If-Match', '"1"')
        .send({ active: false });
      expect(expectProblem(response, 409)).toMatchObject({ currentVersion: 2 });
      await expect(userRow(user.id)).resolves.toEqual(before);
    });

    it('refuses an update without a version with 428 and changes nothing', async () => {
      const user = await aUser(t);
      const before = await userRow(user.id);
      expectProblem(await t.http().patch(`/api/v1/users/${user.id}`).set(admin).send({ name: 'Blind' }), 428);
      await expect(userRow(user.id)).resolves.toEqual(before);
    });

    it('lets exactly one of two concurrent updates with the same version succeed; the other gets 409', async () => {
      const user = await aUser(t);
      const patch = (name: string) =>
        t.http().patch(`/api/v1/users/${user.id}`).set(admin).send({ version: 1, name });
      const responses = await Promise.all([patch('First'), patch('Second')]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)!;
      await expect(userRow(user.id)).resolves.toMatchObject({ version: 2, name: winner.body.name });
    });
  });
});
