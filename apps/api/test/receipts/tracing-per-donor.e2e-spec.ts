import { asRole } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aFundableProject, availableBalance } from '../support/lifecycle-builders';
import { aPledge, aReceipt, reverseReceipt } from '../support/receipt-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Unearmarked money is traced per donor (issue 12 item 4): each approval's unearmarked part is shared
 * among the donors pro rata of the unearmarked money each still had unspent at the decision, however
 * many receipts brought it. A reversed receipt leaves its donor's pool from what is unspent first,
 * then from the projects the pool paid for, pro rata. The file starts from an empty Fund so every
 * share is known to the cent.
 */
describe('unearmarked money traced per donor', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const tracing = (donorId: string) => t.http().get(`/api/v1/donors/${donorId}/tracing`).set(staff);

  it('shares approvals among donors by their unspent pools, and takes a reversed receipt from its donor’s unspent money before its projects', async () => {
    await expect(availableBalance(t)).resolves.toBe('0.00');
    const x = await aDonorOfKind(t);
    const y = await aDonorOfKind(t);
    const xPledge = await aPledge(t, staff, x, { amount: '2000.00' });
    await aReceipt(t, staff, xPledge, { amount: '1000.00' });
    const second = await aReceipt(t, staff, xPledge, { amount: '1000.00', receivedOn: '2026-01-20' });
    await aReceipt(t, staff, await aPledge(t, staff, y, { amount: '2000.00' }), { amount: '2000.00' });
    // Decided after the receipts: x's pool and y's are 2000 each, so each pays half of p1, then half of p2.
    const p1 = await aFundableProject(t, {
      stage: 'active',
      approvedBudget: '1000.00',
      startDate: '2026-02-01',
    });
    const p2 = await aFundableProject(t, {
      stage: 'active',
      approvedBudget: '2000.00',
      startDate: '2026-03-01',
    });
    await expect(availableBalance(t)).resolves.toBe('1000.00');

    const reversal = await reverseReceipt(t, staff, xPledge, second, '2026-04-01');
    expect(reversal.status).toBe(201);

    // x had 500 unspent: the reversal takes it, then 500 from p1 (500) and p2 (1000) pro rata.
    const xs = await tracing(x);
    expect(xs.status).toBe(200);
    expect(xs.body).toMatchObject({ paid: '1000.00', unallocated: '0.00', returned: '0.00' });
    expect(xs.body.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ projectId: p1.id, earmarked: '0.00', proRata: '333.33', net: '333.33' }),
        expect.objectContaining({ projectId: p2.id, earmarked: '0.00', proRata: '666.67', net: '666.67' }),
      ]),
    );
    expect(xs.body.projects).toHaveLength(2);
    const ys = await tracing(y);
    expect(ys.body).toMatchObject({ paid: '2000.00', unallocated: '500.00' });
    expect(ys.body.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ projectId: p1.id, proRata: '500.00' }),
        expect.objectContaining({ projectId: p2.id, proRata: '1000.00' }),
      ]),
    );
  });
});
