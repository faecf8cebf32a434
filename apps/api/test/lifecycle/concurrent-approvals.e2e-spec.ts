import { asRole } from '../support/builders';
import { aReadyProposal, availableBalance, fund, versionOf } from '../support/lifecycle-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Approval is atomic with its checks (issue 4, item 5): two approvals racing for the last of the
 * Fund's available balance cannot both succeed. Each round leaves the Fund 1,000.00 and asks it for
 * 600.00 twice at the same moment; exactly one approval may pass.
 */
describe('concurrent approvals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([1, 2, 3])(
    'leave exactly one approved when both together exceed the balance (round %d)',
    async () => {
      const [one, two] = [(await asRole(t, 'staff')).auth, (await asRole(t, 'admin')).auth];
      const available = await availableBalance(t);
      const topUp = (100000n - BigInt(available.replace('.', ''))).toString();
      await fund(t, `${topUp.slice(0, -2) || '0'}.${topUp.slice(-2).padStart(2, '0')}`);
      await expect(availableBalance(t)).resolves.toBe('1000.00');
      const a = await aReadyProposal(t, { approvedBudget: '600.00', funded: false });
      const b = await aReadyProposal(t, { approvedBudget: '600.00', funded: false });

      const approve = async (projectId: string, auth: { Authorization: string }) =>
        t
          .http()
          .post(`/api/v1/projects/${projectId}/transitions`)
          .set(auth)
          .send({ to: 'approved', note: 'Approved.', version: await versionOf(t, projectId) });
      const [first, second] = await Promise.all([approve(a.id, one), approve(b.id, two)]);

      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([201, 422]);
      const refused = first.status === 422 ? first : second;
      expect(refused.body.failures).toEqual([
        expect.objectContaining({
          code: 'approved_budget_exceeds_available_balance',
          facts: { approvedBudget: '600.00', availableBalance: '400.00', shortfall: '200.00' },
        }),
      ]);
      const { rows } = await t.db.query<{ stage: string }>(
        `SELECT stage FROM projects WHERE id = ANY($1::uuid[]) ORDER BY stage`,
        [[a.id, b.id]],
      );
      expect(rows.map((r) => r.stage)).toEqual(['approved', 'under_review']);
      await expect(availableBalance(t)).resolves.toBe('400.00');
    },
  );
});
