import { asRole } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aFundableProject, availableBalance } from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { aPledge, aReceipt } from '../support/receipt-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * A raise of an approved budget draws on the Fund as an approval does (DESIGN.md §4.4, issue 12
 * item 4): the increase may not use money donors earmarked for another project, window, dimension
 * or country, and it is decided under the same ledger lock. The file starts from an empty Fund so
 * the earmarked money is known to the cent.
 */
describe('a budget raise and donors’ earmarks', () => {
  let t: TestApp;
  let asker: { Authorization: string };
  let decider: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    asker = (await asRole(t, 'staff')).auth;
    decider = (await asRole(t, 'staff')).auth;
    await expect(availableBalance(t)).resolves.toBe('0.00');
    // 3000 received, 1000 of it earmarked for Peru.
    const x = await aDonorOfKind(t);
    await aReceipt(t, asker, await aPledge(t, asker, x, { amount: '2000.00' }), { amount: '2000.00' });
    const z = await aDonorOfKind(t);
    await aReceipt(t, asker, await aPledge(t, asker, z, { amount: '1000.00' }), {
      amount: '1000.00',
      earmarkKind: 'country',
      earmarkTarget: 'PER',
    });
  });
  afterAll(() => t.close());

  const request = (projectId: string, approvedBudget: string) =>
    t.http().post(`/api/v1/projects/${projectId}/revisions`).set(asker).send({
      kind: 'budget',
      approvedBudget,
      justification: 'A second drought season doubled the households in need.',
    });
  const decide = (projectId: string, revision: { id: string; version: number }, decision = 'approve') =>
    t.http().post(`/api/v1/projects/${projectId}/revisions/${revision.id}/decision`).set(decider).send({
      decision,
      comment: 'Justified by the mid-term review.',
      version: revision.version,
    });
  const budgetOf = async (id: string) =>
    (await t.db.query<{ b: string }>(`SELECT approved_budget::text AS b FROM projects WHERE id = $1`, [id]))
      .rows[0]!.b;
  const kenyan = () =>
    aFundableProject(t, {
      stage: 'active',
      approvedBudget: '500.00',
      countries: ['KEN'],
      startDate: '2026-02-01',
    });

  let first: Awaited<ReturnType<typeof kenyan>>;
  let second: Awaited<ReturnType<typeof kenyan>>;

  it('refuses a raise that would use money earmarked for another country, with the reason in words, and writes nothing', async () => {
    first = await kenyan();
    second = await kenyan();
    // Available: 3000 − 1000 committed = 2000, of which 1000 is for Peru: 1000 usable in Kenya.
    await expect(availableBalance(t)).resolves.toBe('2000.00');
    const revisions = await count(t.db, 'project_revisions');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await request(first.id, '1500.01'), 422);
    expect(problem).toMatchObject({
      type: expect.stringMatching(/earmark-refused$/),
      title: 'The raise would use money earmarked for something else',
      code: 'raise_uses_earmarked_money',
      facts: {
        increase: '1000.01',
        available: '2000.00',
        earmarkedElsewhere: '1000.00',
        usable: '1000.00',
        earmarks: [{ kind: 'country', target: 'PER', amount: '1000.00' }],
      },
      errors: [{ field: 'approvedBudget', message: expect.stringContaining('earmarked') }],
    });
    expect(problem.detail).toContain('earmarked by donors for other purposes (country PER: USD 1,000.00)');
    await expect(count(t.db, 'project_revisions')).resolves.toBe(revisions);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    await expect(budgetOf(first.id)).resolves.toBe('500.00');
  });

  it('lets a raise use what is not earmarked elsewhere, to the cent', async () => {
    const asked = await request(first.id, '1500.00');
    expect(asked.status).toBe(201);
    expect((await decide(first.id, asked.body, 'reject')).status).toBe(201);
  });

  it('lets a Peruvian project raise its budget with the money earmarked for Peru', async () => {
    const peru = await aFundableProject(t, {
      stage: 'active',
      approvedBudget: '100.00',
      countries: ['PER'],
      startDate: '2026-02-01',
    });
    // Available 1900, of which 900 still for Peru (the project drew 100 of it): all of it fits in Peru.
    const asked = await request(peru.id, '2000.00');
    expect(asked.status).toBe(201);
    expect((await decide(peru.id, asked.body)).status).toBe(201);
    await expect(availableBalance(t)).resolves.toBe('0.00');
    // Put the Fund back as it was for the race below.
    await t.db.query(`UPDATE projects SET approved_budget = '100.00' WHERE id = $1`, [peru.id]);
  });

  it('decides two racing raises that each fit alone but not together: exactly one wins', async () => {
    // Available 1900, 900 of it for Peru: 1000 usable in Kenya. Each raise of 600 fits alone.
    await expect(availableBalance(t)).resolves.toBe('1900.00');
    const a = await request(first.id, '1100.00');
    const b = await request(second.id, '1100.00');
    expect([a.status, b.status]).toEqual([201, 201]);

    const answers = await Promise.all([decide(first.id, a.body), decide(second.id, b.body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422]);
    const loser = answers.find((r) => r.status === 422)!;
    expect(expectProblem(loser, 422)).toMatchObject({
      code: 'raise_uses_earmarked_money',
      facts: { increase: '600.00', available: '1300.00', usable: '400.00', earmarkedElsewhere: '900.00' },
    });
    const budgets = [await budgetOf(first.id), await budgetOf(second.id)].sort();
    expect(budgets).toEqual(['1100.00', '500.00']);
    await expect(availableBalance(t)).resolves.toBe('1300.00');
    const { rows } = await t.db.query<{ status: string }>(
      `SELECT status FROM project_revisions WHERE id = ANY($1::uuid[]) ORDER BY status`,
      [[a.body.id, b.body.id]],
    );
    expect(rows.map((r) => r.status)).toEqual(['approved', 'pending']);
  });
});
