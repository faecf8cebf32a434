import type { Role } from '@hstf/domain';
import { asRole, aUser, BuiltUser, signIn } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { aReview, ReviewState } from '../support/review-builders';
import { createTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/**
 * The reviewers staff choose from when they assign one: active reviewer accounts only, by name,
 * with their workload. This file's database holds only the accounts and reviews below.
 */
describe('the list of reviewers', () => {
  let t: TestApp;
  let staff: Auth;
  let admin: Auth;
  let ana: BuiltUser;
  let bruno: BuiltUser;
  let chidi: BuiltUser;

  /** The builders name every user "Test <role>"; the list is sorted and searched by name. */
  const aNamedUser = async (
    name: string,
    email: string,
    overrides: { role?: Role; active?: boolean } = {},
  ): Promise<BuiltUser> => {
    const user = await aUser(t, { role: 'reviewer', email, ...overrides });
    await t.db.query(`UPDATE users SET name = $1 WHERE id = $2`, [name, user.id]);
    return user;
  };

  const reviews = async (stage: string, ...work: [BuiltUser, ReviewState][]) => {
    const project = await aProject(t, { stage });
    for (const [reviewer, state] of work) await aReview(t, project.id, reviewer.id, state);
    return project;
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Created out of name order, so that the order of the list is the query's doing.
    chidi = await aNamedUser('Chidi Okafor', 'c.okafor@example.org');
    ana = await aNamedUser('Ana Ortiz', 'ana.ortiz@example.org');
    bruno = await aNamedUser('Bruno Keller', 'bkeller@unhs.example');
    const dora = await aNamedUser('Dora Inactive', 'dora@example.org', { active: false });
    await aNamedUser('Ana Staff', 'ana.staff@example.org', { role: 'staff' });
    await aNamedUser('Ana Admin', 'ana.admin@example.org', { role: 'admin' });
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;

    // Ana: open work on two proposals under review (one not yet declared, one in draft).
    await reviews('under_review', [ana, 'assigned'], [chidi, 'open'], [dora, 'draft']);
    await reviews('under_review', [ana, 'draft'], [bruno, 'declined_conflict']);
    // Submitted reviews count whatever the proposal's stage now.
    await reviews('under_review', [ana, 'submitted']);
    await reviews('approved', [ana, 'submitted'], [chidi, 'submitted']);
    // A draft left on a proposal no longer under review cannot be worked on: not open.
    await reviews('rejected', [ana, 'draft']);
    // A deleted project's reviews count for nothing.
    const deleted = await reviews('under_review', [ana, 'assigned'], [bruno, 'submitted']);
    await t.db.query(`UPDATE projects SET deleted_at = now() WHERE id = $1`, [deleted.id]);
  });
  afterAll(() => t.close());

  const list = (auth: Auth, query: Record<string, string | number> = {}) =>
    t.http().get('/api/v1/reviewers').query(query).set(auth);
  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

  it('gives staff the active reviewers by name, each with open and submitted reviews', async () => {
    const response = await list(staff);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          id: ana.id,
          name: 'Ana Ortiz',
          email: 'ana.ortiz@example.org',
          openAssignments: 2,
          submittedReviews: 2,
        },
        {
          id: bruno.id,
          name: 'Bruno Keller',
          email: 'bkeller@unhs.example',
          openAssignments: 0,
          submittedReviews: 0,
        },
        {
          id: chidi.id,
          name: 'Chidi Okafor',
          email: 'c.okafor@example.org',
          openAssignments: 1,
          submittedReviews: 1,
        },
      ],
      nextCursor: null,
    });
  });

  it('gives admins the same list', async () => {
    const response = await list(admin);
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(['Ana Ortiz', 'Bruno Keller', 'Chidi Okafor']);
  });

  it.each([
    ['part of a name, in any case', 'OKAF', ['Chidi Okafor']],
    ['part of an email', 'unhs', ['Bruno Keller']],
    ['a part shared by several', 'or', ['Ana Ortiz', 'Chidi Okafor']],
    ['the name of an inactive reviewer', 'Dora', []],
    ['the name of staff and admin accounts', 'Ana', ['Ana Ortiz']],
    ['a wildcard, taken literally', '%', []],
  ])('filters on q: %s', async (_, q, expected) => {
    const response = await list(staff, { q });
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(expected);
  });

  it('pages by name with the cursor it gives out', async () => {
    const first = await list(staff, { limit: 2 });
    expect(names(first.body)).toEqual(['Ana Ortiz', 'Bruno Keller']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(staff, { limit: 2, cursor: first.body.nextCursor });
    expect(second.body).toMatchObject({ items: [{ name: 'Chidi Okafor' }], nextCursor: null });
  });

  it('refuses a cursor it did not give out and an overlong q with 400', async () => {
    expectProblem(await list(staff, { cursor: 'not a cursor' }), 400);
    const problem = expectProblem(await list(staff, { q: 'x'.repeat(101) }), 400);
    expect(problem.errors).toEqual([{ field: 'q', message: expect.any(String) }]);
  });

  it('is closed to reviewers and donors with 403, and to anonymous callers with 401', async () => {
    const reviewer = { Authorization: `Bearer ${await signIn(t, ana)}` };
    expectProblem(await list(reviewer), 403);
    expectProblem(await list((await asRole(t, 'donor')).auth), 403);
    expectProblem(await t.http().get('/api/v1/reviewers'), 401);
  });
});
