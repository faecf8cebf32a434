import { asRole, aUser, signIn } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aReadyProposal, availableBalance, versionOf } from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { aPledge, aReceipt } from '../support/receipt-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * Earmarking and traceability (DESIGN.md §4.4): an approval may not use money earmarked for
 * something else, and each donor sees, per project, how much of its money went there: earmarked
 * exactly, unearmarked pro rata of the pool at the decision. Each donor's amounts add up to what it
 * paid. The file starts from an empty Fund so the pool is known to the cent.
 */
describe('earmarks and where donors’ money went', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const approve = async (projectId: string) =>
    t
      .http()
      .post(`/api/v1/projects/${projectId}/transitions`)
      .set(admin)
      .send({ to: 'approved', note: 'Approved.', version: await versionOf(t, projectId) });
  const tracing = (donorId: string, auth = staff) =>
    t.http().get(`/api/v1/donors/${donorId}/tracing`).set(auth);

  const cents = (v: string) => BigInt(v.replace('.', ''));
  /** Σ traced + unallocated must be what the donor paid. */
  const expectAddsUp = (body: { paid: string; unallocated: string; projects: { total: string }[] }) =>
    expect(body.projects.reduce((s, p) => s + cents(p.total), cents(body.unallocated))).toBe(
      cents(body.paid),
    );

  let x: string;
  let y: string;

  it("traces each donor's money per project, earmarked exactly and unearmarked pro rata, adding up to what it paid", async () => {
    await expect(availableBalance(t)).resolves.toBe('0.00');
    x = await aDonorOfKind(t);
    y = await aDonorOfKind(t);
    const p1 = await aReadyProposal(t, { approvedBudget: '2000.00', funded: false });
    const p2 = await aReadyProposal(t, { approvedBudget: '1000.00', funded: false });
    const xPledge = await aPledge(t, staff, x, { amount: '1500.00' });
    await aReceipt(t, staff, xPledge, { amount: '1000.00' });
    await aReceipt(t, staff, xPledge, { amount: '500.00', earmarkKind: 'project', earmarkTarget: p2.id });
    await aReceipt(t, staff, await aPledge(t, staff, y, { amount: '3000.00' }), { amount: '3000.00' });

    expect((await approve(p1.id)).status).toBe(201);
    expect((await approve(p2.id)).status).toBe(201);

    const xs = await tracing(x);
    expect(xs.status).toBe(200);
    expect(xs.body).toMatchObject({
      paid: '1500.00',
      unallocated: '375.00',
      method: expect.stringMatching(/pro rata/),
    });
    expect(xs.body.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          projectId: p1.id,
          projectCode: p1.code,
          earmarked: '0.00',
          proRata: '500.00',
          total: '500.00',
        }),
        expect.objectContaining({
          projectId: p2.id,
          earmarked: '500.00',
          proRata: '125.00',
          total: '625.00',
        }),
      ]),
    );
    expectAddsUp(xs.body);
    const ys = await tracing(y);
    expect(ys.body).toMatchObject({ paid: '3000.00', unallocated: '1125.00' });
    expect(ys.body.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ projectId: p1.id, earmarked: '0.00', proRata: '1500.00' }),
        expect.objectContaining({ projectId: p2.id, earmarked: '0.00', proRata: '375.00' }),
      ]),
    );
    expectAddsUp(ys.body);
  });

  it('refuses an approval that would use money earmarked for another country, with the reason in words, and lets the earmarked country have it', async () => {
    const z = await aDonorOfKind(t);
    await aReceipt(t, staff, await aPledge(t, staff, z, { amount: '1000.00' }), {
      amount: '1000.00',
      earmarkKind: 'country',
      earmarkTarget: 'PER',
    });
    // Available: 4500 received − 3000 committed + 1000 = 2500, of which 1000 is for Peru.
    await expect(availableBalance(t)).resolves.toBe('2500.00');
    const kenya = await aReadyProposal(t, { approvedBudget: '1500.01', funded: false });
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await approve(kenya.id), 422);
    expect(problem).toMatchObject({
      type: expect.stringMatching(/earmark-refused$/),
      code: 'approval_uses_earmarked_money',
      facts: {
        approvedBudget: '1500.01',
        available: '2500.00',
        earmarkedElsewhere: '1000.00',
        usable: '1500.00',
        earmarks: [{ kind: 'country', target: 'PER', amount: '1000.00' }],
      },
    });
    expect(problem.detail).toContain('earmarked');
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    const stage = await t.db.query<{ stage: string }>(`SELECT stage FROM projects WHERE id = $1`, [kenya.id]);
    expect(stage.rows[0]!.stage).toBe('under_review');

    const peru = await aReadyProposal(t, { countries: ['PER'], approvedBudget: '1500.01', funded: false });
    expect((await approve(peru.id)).status).toBe(201);
    const zs = await tracing(z);
    expect(zs.body.projects).toEqual([
      expect.objectContaining({ projectId: peru.id, earmarked: '1000.00', proRata: '0.00' }),
    ]);
    expectAddsUp(zs.body);
    expectAddsUp((await tracing(x)).body);
    expectAddsUp((await tracing(y)).body);
  });

  it('lets an approval use money whose earmark is already spent, to the cent, though all ever earmarked elsewhere would not fit', async () => {
    // Peru's 1000 and p2's 500 went to their projects: nothing earmarked is left, all 999.99 is usable.
    await expect(availableBalance(t)).resolves.toBe('999.99');
    const over = await aReadyProposal(t, { approvedBudget: '1000.00', funded: false });
    expect((await approve(over.id)).status).toBe(422);
    const kenya = await aReadyProposal(t, { approvedBudget: '999.99', funded: false });
    expect((await approve(kenya.id)).status).toBe(201);
    await expect(availableBalance(t)).resolves.toBe('0.00');
  });

  it('shows a donor user its own tracing only; staff see any donor', async () => {
    const user = await aUser(t, { role: 'donor', donorId: x });
    const donor = { Authorization: `Bearer ${await signIn(t, user)}` };
    expect((await tracing(x, donor)).body).toMatchObject({ donorId: x, paid: '1500.00' });
    expectProblem(await tracing(y, donor), 404);
    expect((await tracing(y, admin)).status).toBe(200);
    expectProblem(await tracing('00000000-0000-4000-8000-000000000000'), 404);
  });
});
