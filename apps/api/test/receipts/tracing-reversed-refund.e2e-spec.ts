import { asRole } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aFundableProject, availableBalance } from '../support/lifecycle-builders';
import { aPledge, aReceipt } from '../support/receipt-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A refund reversed after a later approval spent the money it gave: no donor keeps a refund the
 * project no longer shows, and every donor's figures still add up. The file starts from an empty
 * Fund so every share is known to the cent.
 */
describe('a refund reversed once its money was spent again', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const tracing = async (donorId: string) => {
    const response = await t.http().get(`/api/v1/donors/${donorId}/tracing`).set(staff);
    expect(response.status).toBe(200);
    return response.body as {
      paid: string;
      unallocated: string;
      projects: { projectId: string; proRata: string; refunded: string; net: string }[];
    };
  };
  const entry = (project: { id: string }, organizationId: string, amountUsd: string, kind: string) =>
    t
      .http()
      .post('/api/v1/transfers')
      .set(staff)
      .send({ projectId: project.id, organizationId, amountUsd, transferredOn: '2026-03-01', kind });
  const cents = (v: string) => BigInt(v.replace('.', ''));

  it('takes it back from the approval that spent it, leaving no donor credited with it', async () => {
    await expect(availableBalance(t)).resolves.toBe('0.00');
    const x = await aDonorOfKind(t);
    const y = await aDonorOfKind(t);
    const z = await aDonorOfKind(t);
    await aReceipt(t, staff, await aPledge(t, staff, x, { amount: '1000.00' }), { amount: '1000.00' });
    await aReceipt(t, staff, await aPledge(t, staff, y, { amount: '3000.00' }), { amount: '3000.00' });
    const first = await aFundableProject(t, {
      stage: 'active',
      approvedBudget: '2000.00',
      startDate: '2026-02-01',
    });
    expect((await entry(first, first.leadOrganizationId, '800.00', 'transfer')).status).toBe(201);
    const refund = await entry(first, first.leadOrganizationId, '400.00', 'refund');
    expect(refund.status).toBe(201);
    // Decided after the refund: it draws the whole of both pools, the refund's 400 with them.
    const second = await aFundableProject(t, { approvedBudget: '2400.00', startDate: '2026-04-01' });
    await aReceipt(t, staff, await aPledge(t, staff, z, { amount: '500.00' }), {
      amount: '500.00',
      receivedOn: '2026-05-01',
    });

    const reversal = await t
      .http()
      .post(`/api/v1/transfers/${refund.body.id}/reversal`)
      .set(staff)
      .send({ transferredOn: '2026-06-01', reason: 'The refund never arrived.' });
    expect(reversal.status).toBe(201);
    await expect(availableBalance(t)).resolves.toBe('100.00');

    const figures = (trace: Awaited<ReturnType<typeof tracing>>) =>
      trace.projects.map((p) => [p.projectId, p.proRata, p.refunded, p.net]);
    const xs = await tracing(x);
    expect(figures(xs)).toEqual([
      [first.id, '500.00', '0.00', '500.00'],
      [second.id, '500.00', '0.00', '500.00'],
    ]);
    const ys = await tracing(y);
    expect(figures(ys)).toEqual([
      [first.id, '1500.00', '0.00', '1500.00'],
      [second.id, '1500.00', '0.00', '1500.00'],
    ]);
    for (const trace of [xs, ys, await tracing(z)])
      expect(trace.projects.reduce((s, p) => s + cents(p.net), cents(trace.unallocated))).toBe(
        cents(trace.paid),
      );
  });
});
