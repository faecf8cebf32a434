import { randomUUID } from 'node:crypto';
import {
  anOrganization,
  anOrganizationRequest,
  asRole,
  aUser,
  aUserRequest,
  BuiltUser,
} from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

interface AuditRow {
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

/** Every change writes exactly one audit entry, in the same transaction; a refused one writes none. */
describe('audit trail of changes', () => {
  let t: TestApp;
  let admin: { user: BuiltUser; auth: { Authorization: string } };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await asRole(t, 'admin');
  });
  afterAll(() => t.close());

  const entriesFor = (entityId: string) =>
    t.db
      .query<AuditRow>(
        `SELECT actor_id, actor_email, action, entity, entity_id, before, after, request_id
         FROM audit_entries WHERE entity_id = $1`,
        [entityId],
      )
      .then((r) => r.rows);
  const requestId = () => `test-${randomUUID()}`;

  it('records an organization create with its actor, the new record and the request id', async () => {
    const id = requestId();
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(admin.auth)
      .set('X-Request-Id', id)
      .send(anOrganizationRequest({ name: 'Audited Create Organization', acronym: 'ACO' }));
    expect(response.status).toBe(201);
    await expect(entriesFor(response.body.id)).resolves.toEqual([
      {
        actor_id: admin.user.id,
        actor_email: admin.user.email,
        action: 'create',
        entity: 'organization',
        entity_id: response.body.id,
        before: null,
        after: response.body,
        request_id: id,
      },
    ]);
  });

  it('records an organization update with the record before and after', async () => {
    const organization = await anOrganization(t, { kind: 'ngo' });
    const id = requestId();
    const response = await t
      .http()
      .patch(`/api/v1/organizations/${organization.id}`)
      .set(admin.auth)
      .set('X-Request-Id', id)
      .send({ version: 1, kind: 'government' });
    expect(response.status).toBe(200);
    const entries = await entriesFor(organization.id);
    expect(entries).toEqual([
      {
        actor_id: admin.user.id,
        actor_email: admin.user.email,
        action: 'update',
        entity: 'organization',
        entity_id: organization.id,
        before: expect.objectContaining({
          id: organization.id,
          kind: 'ngo',
          version: 1,
          name: organization.name,
        }),
        after: response.body,
        request_id: id,
      },
    ]);
    expect(response.body).toMatchObject({ kind: 'government', version: 2 });
  });

  it('records an organization delete with the record as it was', async () => {
    const organization = await anOrganization(t);
    const id = requestId();
    const response = await t
      .http()
      .delete(`/api/v1/organizations/${organization.id}`)
      .set(admin.auth)
      .set('X-Request-Id', id)
      .set('If-Match', '"1"');
    expect(response.status).toBe(204);
    await expect(entriesFor(organization.id)).resolves.toEqual([
      {
        actor_id: admin.user.id,
        actor_email: admin.user.email,
        action: 'delete',
        entity: 'organization',
        entity_id: organization.id,
        before: expect.objectContaining({ id: organization.id, name: organization.name, version: 1 }),
        after: null,
        request_id: id,
      },
    ]);
  });

  it('records a user create without any password material', async () => {
    const id = requestId();
    const response = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .set('X-Request-Id', id)
      .send(aUserRequest());
    expect(response.status).toBe(201);
    const entries = await entriesFor(response.body.id);
    expect(entries).toEqual([
      {
        actor_id: admin.user.id,
        actor_email: admin.user.email,
        action: 'create',
        entity: 'user',
        entity_id: response.body.id,
        before: null,
        after: response.body,
        request_id: id,
      },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/password|argon2/i);
  });

  it('records a user update, including a password change, without any password material', async () => {
    const user = await aUser(t);
    const id = requestId();
    const response = await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set(admin.auth)
      .set('X-Request-Id', id)
      .send({ version: 1, role: 'reviewer', password: 'another long password' });
    expect(response.status).toBe(200);
    const entries = await entriesFor(user.id);
    expect(entries).toEqual([
      {
        actor_id: admin.user.id,
        actor_email: admin.user.email,
        action: 'update',
        entity: 'user',
        entity_id: user.id,
        before: expect.objectContaining({ id: user.id, role: 'staff', version: 1 }),
        after: response.body,
        request_id: id,
      },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/password|argon2/i);
  });

  it('records a generated request id when the caller sends none', async () => {
    const response = await t
      .http()
      .post('/api/v1/organizations')
      .set(admin.auth)
      .send(anOrganizationRequest());
    expect(response.status).toBe(201);
    const [entry] = await entriesFor(response.body.id);
    expect(entry?.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('a refused change writes no audit entry', () => {
    const refusals: [string, () => Promise<{ status: number }>, number][] = [
      [
        'an invalid organization (400)',
        () =>
          t
            .http()
            .post('/api/v1/organizations')
            .set(admin.auth)
            .send(anOrganizationRequest({ kind: 'club' })),
        400,
      ],
      [
        'a duplicate organization name (409)',
        async () => {
          const existing = await anOrganization(t);
          return t
            .http()
            .post('/api/v1/organizations')
            .set(admin.auth)
            .send(anOrganizationRequest({ name: existing.name }));
        },
        409,
      ],
      [
        'a stale organization update (409)',
        async () => {
          const organization = await anOrganization(t);
          await t.db.query(`UPDATE organizations SET version = 2 WHERE id = $1`, [organization.id]);
          return t
            .http()
            .patch(`/api/v1/organizations/${organization.id}`)
            .set(admin.auth)
            .send({ version: 1, kind: 'ngo' });
        },
        409,
      ],
      [
        'a stale organization delete (409)',
        async () => {
          const organization = await anOrganization(t);
          return t
            .http()
            .delete(`/api/v1/organizations/${organization.id}`)
            .set(admin.auth)
            .set('If-Match', '"7"');
        },
        409,
      ],
      [
        'an organization update without a version (428)',
        async () => {
          const organization = await anOrganization(t);
          return t
            .http()
            .patch(`/api/v1/organizations/${organization.id}`)
            .set(admin.auth)
            .send({ kind: 'ngo' });
        },
        428,
      ],
      [
        'a user with a short password (400)',
        () =>
          t
            .http()
            .post('/api/v1/users')
            .set(admin.auth)
            .send(aUserRequest({ password: 'short' })),
        400,
      ],
      [
        'a user with a duplicate email (409)',
        async () => {
          const existing = await aUser(t);
          return t
            .http()
            .post('/api/v1/users')
            .set(admin.auth)
            .send(aUserRequest({ email: existing.email }));
        },
        409,
      ],
      [
        'a stale user update (409)',
        async () => {
          const user = await aUser(t);
          return t
            .http()
            .patch(`/api/v1/users/${user.id}`)
            .set(admin.auth)
            .set('If-Match', '"5"')
            .send({ name: 'Stale' });
        },
        409,
      ],
      [
        'deactivating oneself (409)',
        () =>
          t
            .http()
            .patch(`/api/v1/users/${admin.user.id}`)
            .set(admin.auth)
            .send({ version: 1, active: false }),
        409,
      ],
    ];

    it.each(refusals)('%s', async (_, refuse, status) => {
      const before = await count(t.db, 'audit_entries');
      const response = await refuse();
      expectProblem(response as never, status);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(before);
    });
  });
});
