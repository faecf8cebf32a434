import { aDonor, anOrganization, asRole, aUser } from '../support/builders';
import { aContribution, aDonorOfKind } from '../support/fund-builders';
import { aProject } from '../support/portfolio-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * No change, no version, no entry: a PATCH that sends the values a record already has answers
 * 200 with the record as it is, keeps its version and updated_at, and writes no audit entry, on
 * every kind of record (consents are checked in their own file).
 */
describe('an update that changes nothing', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  interface Case {
    table: string;
    path: string;
    /** The same values as the record has, written as a client may (e.g. '1000' for 1000.00). */
    same: Record<string, unknown>;
  }

  const cases: [string, () => Promise<Case>][] = [
    [
      'an organization',
      async () => {
        const o = await anOrganization(t);
        return {
          table: 'organizations',
          path: `/api/v1/organizations/${o.id}`,
          same: { name: o.name, acronym: o.acronym, kind: o.kind },
        };
      },
    ],
    [
      'a donor',
      async () => {
        const id = await aDonor(t, { name: 'Unchanged donor', country: 'JPN' });
        return {
          table: 'donors',
          path: `/api/v1/donors/${id}`,
          same: { name: 'Unchanged donor', kind: 'member_state', countryIso3: 'JPN' },
        };
      },
    ],
    [
      'a contribution',
      async () => {
        const { id } = await aContribution(t, await aDonorOfKind(t), { usdAmount: '1000.00' });
        return {
          table: 'contributions',
          path: `/api/v1/contributions/${id}`,
          same: { usdAmount: '1000', amount: '1000.0', pledgedOn: '2024-01-15', status: 'received' },
        };
      },
    ],
    [
      'a project, with its countries and organizations',
      async () => {
        const project = await aProject(t, { title: 'Unchanged project', requestedBudget: '1000000.00' });
        const current = await t.http().get(`/api/v1/projects/${project.id}`).set(admin);
        return {
          table: 'projects',
          path: `/api/v1/projects/${project.id}`,
          same: {
            title: 'Unchanged project',
            requestedBudget: '1000000',
            recipientCountries: project.countries,
            organizations: (
              current.body.organizations as { organizationId: string; budgetShare: string }[]
            ).map((o) => ({ organizationId: o.organizationId, budgetShare: o.budgetShare })),
          },
        };
      },
    ],
    [
      'a user',
      async () => {
        const user = await aUser(t, { role: 'staff' });
        return {
          table: 'users',
          path: `/api/v1/users/${user.id}`,
          same: { name: 'Test staff', role: 'staff' },
        };
      },
    ],
  ];

  it.each(cases)('keeps the version of %s and writes no audit entry', async (_, build) => {
    const { table, path, same } = await build();
    const id = path.split('/').pop()!;
    const row = () =>
      t.db
        .query<{ version: number; updated_at: Date }>(
          `SELECT version, updated_at FROM ${table} WHERE id = $1`,
          [id],
        )
        .then((r) => r.rows[0]);
    const before = await row();
    const auditBefore = await count(t.db, 'audit_entries', 'entity_id = $1', [id]);

    const response = await t
      .http()
      .patch(path)
      .set(admin)
      .send({ version: 1, ...same });

    expect(response.status).toBe(200);
    expect(response.body.version).toBe(1);
    await expect(row()).resolves.toEqual(before);
    await expect(count(t.db, 'audit_entries', 'entity_id = $1', [id])).resolves.toBe(auditBefore);
  });

  it('still bumps the version once and writes one audit entry when one value does change', async () => {
    const o = await anOrganization(t);
    const response = await t
      .http()
      .patch(`/api/v1/organizations/${o.id}`)
      .set(admin)
      .send({ version: 1, name: o.name, acronym: o.acronym, kind: 'ngo' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 2, kind: 'ngo' });
    await expect(count(t.db, 'audit_entries', 'entity_id = $1', [o.id])).resolves.toBe(1);
  });
});
