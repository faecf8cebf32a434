import { aUser, asRole, signIn } from '../support/builders';
import { aDonorOfKind } from '../support/fund-builders';
import { aFundableProject, availableBalance, versionOf } from '../support/lifecycle-builders';
import { aPledge, aReceipt } from '../support/receipt-builders';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Money returned to the Fund is traced back to the donors who paid for the project (issue 12 items
 * 4 and 6): a completed project's released balance and the refunds of its organizations go back to
 * each donor in the proportions its money funded the project, and are available again. Each donor
 * sees per project what its money paid for, what came back and the net; Σ net + unallocated = paid.
 * The file starts from an empty Fund so every share is known to the cent.
 */
describe('money returned to the Fund, traced back to donors', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const tracing = (donorId: string, auth = staff) =>
    t.http().get(`/api/v1/donors/${donorId}/tracing`).set(auth);
  const send = (project: { id: string }, organizationId: string, amountUsd: string, kind = 'transfer') =>
    t
      .http()
      .post('/api/v1/transfers')
      .set(staff)
      .send({
        projectId: project.id,
        organizationId,
        amountUsd,
        transferredOn: '2026-03-01',
        ...(kind === 'refund' ? { kind } : {}),
      });
  const cents = (v: string) => BigInt(v.replace('.', ''));
  const expectAddsUp = (body: { paid: string; unallocated: string; projects: { net: string }[] }) =>
    expect(body.projects.reduce((s, p) => s + cents(p.net), cents(body.unallocated))).toBe(cents(body.paid));

  let x: string;

  it('gives each donor its share of a refund and of the balance released at completion, and shows the net', async () => {
    await expect(availableBalance(t)).resolves.toBe('0.00');
    x = await aDonorOfKind(t);
    const y = await aDonorOfKind(t);
    await aReceipt(t, staff, await aPledge(t, staff, x, { amount: '1000.00' }), { amount: '1000.00' });
    await aReceipt(t, staff, await aPledge(t, staff, y, { amount: '3000.00' }), { amount: '3000.00' });
    // Decided after the receipts: x's money pays a quarter of it, y's three quarters.
    const project = await aFundableProject(t, {
      stage: 'active',
      approvedBudget: '2000.00',
      startDate: '2026-02-01',
    });
    expect((await send(project, project.leadOrganizationId, '800.00')).status).toBe(201);
    expect((await send(project, project.organizationIds[1]!, '400.00')).status).toBe(201);

    const paidFor = await tracing(x);
    expect(paidFor.status).toBe(200);
    expect(paidFor.body).toMatchObject({ paid: '1000.00', unallocated: '500.00', returned: '0.00' });
    expect(paidFor.body.projects).toEqual([
      expect.objectContaining({ projectId: project.id, total: '500.00', released: '0.00', net: '500.00' }),
    ]);

    expect((await send(project, project.leadOrganizationId, '200.01', 'refund')).status).toBe(201);
    const completed = await t
      .http()
      .post(`/api/v1/projects/${project.id}/transitions`)
      .set(staff)
      .send({ to: 'completed', note: 'Completed.', version: await versionOf(t, project.id) });
    expect(completed.status).toBe(201);

    // Released 2000 − 1200 = 800 and refunded 200.01, a quarter and three quarters each.
    const xs = await tracing(x);
    expect(xs.body).toMatchObject({
      paid: '1000.00',
      unallocated: '750.00',
      returned: '250.00',
      method: expect.stringMatching(/returns to the Fund|same proportions/),
    });
    expect(xs.body.projects).toEqual([
      expect.objectContaining({
        projectId: project.id,
        projectCode: project.code,
        earmarked: '0.00',
        proRata: '500.00',
        total: '500.00',
        released: '200.00',
        refunded: '50.00',
        net: '250.00',
      }),
    ]);
    expectAddsUp(xs.body);
    const ys = await tracing(y);
    expect(ys.body).toMatchObject({ paid: '3000.00', unallocated: '2250.01', returned: '750.01' });
    expect(ys.body.projects).toEqual([
      expect.objectContaining({ total: '1500.00', released: '600.00', refunded: '150.01', net: '749.99' }),
    ]);
    expectAddsUp(ys.body);
    // Every dollar either paid for what the project kept or is available again.
    await expect(availableBalance(t)).resolves.toBe('3000.01');
  });

  it('lets a later approval draw on the returned money, as on any unspent money of the donor', async () => {
    const later = await aFundableProject(t, {
      stage: 'approved',
      approvedBudget: '3000.01',
      startDate: '2027-01-01',
    });
    const xs = await tracing(x);
    expect(xs.body.unallocated).toBe('0.00');
    expect(xs.body.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ projectId: later.id, proRata: '750.00', net: '750.00' }),
      ]),
    );
    expectAddsUp(xs.body);
  });

  it('shows a donor user its own returns', async () => {
    const user = await aUser(t, { role: 'donor', donorId: x });
    const donor = { Authorization: `Bearer ${await signIn(t, user)}` };
    const own = await tracing(x, donor);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ returned: '250.00' });
  });
});
