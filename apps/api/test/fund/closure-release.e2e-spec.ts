import { asRole } from '../support/builders';
import { cents, money } from '../support/fund-builders';
import {
  aFundableProject,
  availableBalance,
  availableExactly,
  fund,
  versionOf,
} from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * What a project did not spend goes back to the Fund (DESIGN.md §4.4): completing it releases its
 * untransferred balance to the available balance, shown as "released" in the ledger in the year of
 * the decision; refunds from organizations are money returned, released too.
 */
describe('closure releases what was not spent', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const ledger = async () => {
    const response = await t.http().get('/api/v1/fund/ledger').set(staff);
    expect(response.status).toBe(200);
    return response.body as {
      overall: Record<string, string>;
      byYear: (Record<string, string> & { year: number | null })[];
    };
  };
  const move = async (projectId: string, to: string, decidedOn?: string) =>
    t
      .http()
      .post(`/api/v1/projects/${projectId}/transitions`)
      .set(staff)
      .send({
        to,
        note: `Moved to ${to}.`,
        version: await versionOf(t, projectId),
        ...(decidedOn ? { decidedOn } : {}),
      });
  const send = (project: { id: string }, organizationId: string, amountUsd: string, kind = 'transfer') =>
    t
      .http()
      .post('/api/v1/transfers')
      .set(staff)
      .send({
        projectId: project.id,
        organizationId,
        amountUsd,
        transferredOn: '2026-02-01',
        ...(kind === 'refund' ? { kind } : {}),
      });
  const plus = (a: string, b: string) => money(cents(a) + cents(b));

  it('releases the untransferred balance when the project completes, once (closing adds nothing), in the decision year', async () => {
    await fund(t, '1000000.00');
    const project = await aFundableProject(t, { stage: 'active', approvedBudget: '1000000.00' });
    expect((await send(project, project.leadOrganizationId, '500000.00')).status).toBe(201);
    expect((await send(project, project.organizationIds[1]!, '250000.00')).status).toBe(201);
    const before = await ledger();
    const available = await availableBalance(t);

    const completed = await move(project.id, 'completed', '2026-06-30');
    expect(completed.status).toBe(201);
    const after = await ledger();
    expect(after.overall.released).toBe(plus(before.overall.released!, '250000.00'));
    expect(after.overall.available).toBe(plus(before.overall.available!, '250000.00'));
    expect(after.overall.committed).toBe(before.overall.committed);
    await expect(availableBalance(t)).resolves.toBe(plus(available, '250000.00'));
    const y2026 = (l: typeof after) => l.byYear.find((y) => y.year === 2026)!;
    expect(y2026(after).released).toBe(plus(y2026(before).released ?? '0.00', '250000.00'));

    expect((await move(project.id, 'closed', '2026-07-01')).status).toBe(201);
    expect((await ledger()).overall.released).toBe(after.overall.released);
  });

  it('lets a new approval use the released money', async () => {
    const project = await aFundableProject(t, { stage: 'active', approvedBudget: '300000.00' });
    await availableExactly(t, '0.00');
    await expect(availableBalance(t)).resolves.toBe('0.00');
    expect((await move(project.id, 'completed')).status).toBe(201);
    await expect(availableBalance(t)).resolves.toBe('300000.00');
  });

  describe('refunds', () => {
    it('return money to the Fund: released and available rise, transferred does not fall', async () => {
      const project = await aFundableProject(t, { stage: 'active', approvedBudget: '100000.00' });
      expect((await send(project, project.leadOrganizationId, '40000.00')).status).toBe(201);
      const before = await ledger();
      const refund = await send(project, project.leadOrganizationId, '1500.50', 'refund');
      expect(refund.status).toBe(201);
      expect(refund.body).toMatchObject({ kind: 'refund', amountUsd: '1500.50', tranche: null });
      const after = await ledger();
      expect(after.overall.released).toBe(plus(before.overall.released!, '1500.50'));
      expect(after.overall.available).toBe(plus(before.overall.available!, '1500.50'));
      expect(after.overall.transferred).toBe(before.overall.transferred);
    });

    it('return at most what the organization was sent and has not yet returned, writing nothing otherwise', async () => {
      const project = await aFundableProject(t, { stage: 'active', approvedBudget: '100000.00' });
      await send(project, project.leadOrganizationId, '1000.00');
      expect((await send(project, project.leadOrganizationId, '600.00', 'refund')).status).toBe(201);
      const entries = await count(t.db, 'transfers');
      const problem = expectProblem(await send(project, project.leadOrganizationId, '400.01', 'refund'), 422);
      expect(problem).toMatchObject({
        code: 'refund_exceeds_transferred',
        facts: { transferred: '1000.00', refunded: '600.00', refundable: '400.00' },
      });
      expect(
        expectProblem(await send(project, project.organizationIds[1]!, '0.01', 'refund'), 422).code,
      ).toBe('refund_exceeds_transferred');
      await expect(count(t.db, 'transfers')).resolves.toBe(entries);
    });

    it('come only from projects that reached approval', async () => {
      const project = await aFundableProject(t, { stage: 'under_review' });
      const problem = expectProblem(await send(project, project.leadOrganizationId, '1.00', 'refund'), 422);
      expect(problem.code).toBe('transfer_stage_not_fundable');
    });

    it('reversed, take the money back out of the available balance, refused when it would go below zero', async () => {
      const project = await aFundableProject(t, { stage: 'active', approvedBudget: '100000.00' });
      await send(project, project.leadOrganizationId, '1000.00');
      const refund = await send(project, project.leadOrganizationId, '700.00', 'refund');
      await availableExactly(t, '699.99');
      await expect(availableBalance(t)).resolves.toBe('699.99');
      const reverse = () =>
        t
          .http()
          .post(`/api/v1/transfers/${refund.body.id}/reversal`)
          .set(staff)
          .send({ transferredOn: '2026-02-02', reason: 'The refund was recorded twice.' });
      const problem = expectProblem(await reverse(), 422);
      expect(problem).toMatchObject({
        type: expect.stringContaining('fund-over-committed'),
        code: 'received_reduction_exceeds_available',
        facts: { available: '699.99', reduction: '700.00', shortfall: '0.01' },
      });
      await fund(t, '0.01');
      expect((await reverse()).status).toBe(201);
      await expect(availableBalance(t)).resolves.toBe('0.00');
    });
  });
});
