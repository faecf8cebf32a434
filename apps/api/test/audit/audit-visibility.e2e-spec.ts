import { randomUUID } from 'node:crypto';
import { anOrganizationRequest, asRole, aUserRequest } from '../support/builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Entry {
  id: string;
  entity: string;
  entityId: string;
  actorEmail: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Each role reads the audit entries of the records it may read, and personal fields only if it may read users. */
describe('audit log visibility by role', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let staff: { Authorization: string };
  let staffEmail: string;
  let createdUser: { id: string; email: string };
  let organizationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await asRole(t, 'admin')).auth;
    const signedInStaff = await asRole(t, 'staff');
    staff = signedInStaff.auth;
    staffEmail = signedInStaff.user.email;
    const user = await t.http().post('/api/v1/users').set(admin).send(aUserRequest());
    expect(user.status).toBe(201);
    createdUser = user.body as { id: string; email: string };
    const organization = await t
      .http()
      .post('/api/v1/organizations')
      .set(staff)
      .send(anOrganizationRequest());
    expect(organization.status).toBe(201);
    organizationId = (organization.body as { id: string }).id;
  });
  afterAll(() => t.close());

  async function entries(
    auth: { Authorization: string },
    query: Record<string, string> = {},
  ): Promise<Entry[]> {
    const response = await t
      .http()
      .get('/api/v1/audit')
      .query({ limit: 200, ...query })
      .set(auth);
    expect(response.status).toBe(200);
    return (response.body as { items: Entry[] }).items;
  }

  /** An entry of a record staff may read that carries a person's details, inserted directly. */
  async function seedEntryWithPersonalFields(): Promise<string> {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO audit_entries (action, entity, entity_id, before, after, request_id)
       VALUES ('update', 'consent_record', $1, $2::jsonb, $3::jsonb, 'seed') RETURNING id`,
      [
        randomUUID(),
        JSON.stringify({ status: 'requested', contact: null }),
        JSON.stringify({
          status: 'granted',
          issuingAuthority: { office: 'Ministry of Foreign Affairs', signatory: 'A. Minister' },
          contact: {
            name: 'Private Person',
            email: 'private.person@example.org',
            lastSignInAt: '2026-01-01',
          },
          reviewers: [{ name: 'Reviewer One', email: 'reviewer.one@example.org' }],
          passwordHash: '$argon2id$v=19$secret',
        }),
      ],
    );
    return rows[0]!.id;
  }

  it("shows admin the users' entries with their emails and sign-in fields", async () => {
    const items = await entries(admin, { entity: 'user' });
    const entry = items.find((item) => item.entityId === createdUser.id);
    expect(entry?.after).toMatchObject({ email: createdUser.email, lastSignInAt: null });
    expect(entry?.after).not.toHaveProperty('passwordHash');
  });

  it("hides users' entries from staff, asked for or not", async () => {
    await expect(entries(staff, { entity: 'user' })).resolves.toEqual([]);
    await expect(entries(staff, { entityId: createdUser.id })).resolves.toEqual([]);
    const all = await entries(staff);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((item) => item.entity === 'user')).toEqual([]);
    expect(JSON.stringify(all)).not.toContain(createdUser.email);
  });

  it('shows staff the entries of records they may read, with who made them', async () => {
    const items = await entries(staff, { entity: 'organization' });
    expect(items.find((item) => item.entityId === organizationId)).toMatchObject({
      actorEmail: staffEmail,
      after: expect.objectContaining({ id: organizationId }),
    });
  });

  it('redacts personal fields for staff, at any depth, and keeps the rest', async () => {
    const id = await seedEntryWithPersonalFields();
    const entry = (await entries(staff, { entity: 'consent_record' })).find((item) => item.id === id);
    expect(entry?.after).toEqual({
      status: 'granted',
      issuingAuthority: { office: 'Ministry of Foreign Affairs', signatory: 'A. Minister' },
      contact: { name: '[redacted]', email: '[redacted]', lastSignInAt: '[redacted]' },
      reviewers: [{ name: '[redacted]', email: '[redacted]' }],
    });
    expect(entry?.before).toEqual({ status: 'requested', contact: null });
  });

  it('shows admin the personal fields of the same entry, but never a password hash', async () => {
    const id = await seedEntryWithPersonalFields();
    const entry = (await entries(admin, { entity: 'consent_record' })).find((item) => item.id === id);
    expect(entry?.after).toMatchObject({
      contact: { name: 'Private Person', email: 'private.person@example.org' },
    });
    expect(entry?.after).not.toHaveProperty('passwordHash');
  });

  it.each(['reviewer', 'donor'] as const)('refuses the audit log to %s', async (role) => {
    const { auth } = await asRole(t, role);
    expectProblem(await t.http().get('/api/v1/audit').query({ entity: 'user' }).set(auth), 403);
  });
});
