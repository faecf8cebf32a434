import { asRole, aUser, signIn } from '../support/builders';
import { aContribution, aDonorOfKind } from '../support/fund-builders';
import { availableBalance, availableExactly } from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { aPledge, aReceipt, receive, reverseReceipt } from '../support/receipt-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * Pledges and receipts (DESIGN.md §4.4): money arrives against a pledge in one or more receipts,
 * each at its own rate; the ledger counts the receipts; the exchange difference is the Fund's gain or
 * loss; a wrong receipt is corrected by a reversal naming it, never changed, and a reversal that would
 * take the available balance below zero is refused under the ledger lock.
 */
describe('receipts against pledges', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let donorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    donorId = await aDonorOfKind(t, 'member_state');
  });
  afterAll(() => t.close());

  const statement = (id: string, auth = staff) =>
    t.http().get(`/api/v1/contributions/${id}/receipts`).set(auth);
  const addCents = (a: string, b: string) => {
    const c = (v: string) => BigInt(v.replace('.', ''));
    const s = c(a) + c(b);
    return `${s / 100n}.${String(s % 100n).padStart(2, '0')}`;
  };

  it('records a pledge paid in two instalments at two rates: outstanding, gain and loss, and the ledger counts the receipts', async () => {
    const pledge = await aPledge(t, staff, donorId, {
      amount: '1000000.00',
      currency: 'EUR',
      exchangeRate: '1.1',
    });
    const before = await availableBalance(t);

    const first = await receive(t, staff, pledge, { amount: '400000.00', exchangeRate: '1.12' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'receipt',
      amount: '400000.00',
      currency: 'EUR',
      usdAmount: '448000.00',
      exchangeDifference: '8000.00',
      earmarkKind: 'none',
      reverses: null,
    });
    const partial = await statement(pledge);
    expect(partial.body).toMatchObject({
      pledgedUsd: '1100000.00',
      receivedAmount: '400000.00',
      receivedUsd: '448000.00',
      outstanding: '600000.00',
      outstandingUsd: '660000.00',
      exchangeDifference: '8000.00',
    });
    const contribution = await t.http().get(`/api/v1/contributions/${pledge}`).set(staff);
    expect(contribution.body).toMatchObject({
      status: 'received',
      receivedOn: '2026-01-10',
      usdAmount: '1100000.00',
      exchangeRate: '1.10000000',
      receivedUsd: '448000.00',
      outstanding: '600000.00',
      exchangeDifference: '8000.00',
    });

    const second = await receive(t, staff, pledge, {
      amount: '600000.00',
      exchangeRate: '1.05',
      receivedOn: '2026-03-02',
    });
    expect(second.body).toMatchObject({ usdAmount: '630000.00', exchangeDifference: '-30000.00' });
    const paid = await statement(pledge);
    expect(paid.body).toMatchObject({
      receivedAmount: '1000000.00',
      receivedUsd: '1078000.00',
      outstanding: '0.00',
      outstandingUsd: '0.00',
      exchangeDifference: '-22000.00',
    });
    expect(paid.body.items).toHaveLength(2);
    await expect(availableBalance(t)).resolves.toBe(addCents(before, '1078000.00'));
  });

  it('refuses a receipt beyond what is outstanding, and writes nothing', async () => {
    const pledge = await aPledge(t, staff, donorId, { amount: '500.00' });
    await aReceipt(t, staff, pledge, { amount: '499.99' });
    const receipts = await count(t.db, 'contribution_receipts');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await receive(t, staff, pledge, { amount: '0.02' }), 422);
    expect(problem).toMatchObject({
      code: 'receipt_exceeds_outstanding',
      facts: { amount: '0.02', outstanding: '0.01', currency: 'USD' },
    });
    expect(problem.detail).toContain('outstanding');
    await expect(count(t.db, 'contribution_receipts')).resolves.toBe(receipts);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    expect((await receive(t, staff, pledge, { amount: '0.01' })).status).toBe(201);
  });

  it('refuses a receipt before the pledge, a USD receipt at another rate, and an earmark naming nothing known', async () => {
    const pledge = await aPledge(t, staff, donorId, { amount: '500.00', pledgedOn: '2026-01-05' });
    expect(
      expectProblem(await receive(t, staff, pledge, { amount: '1.00', receivedOn: '2026-01-04' }), 422).code,
    ).toBe('receipt_before_pledge');
    expect(
      expectProblem(await receive(t, staff, pledge, { amount: '1.00', exchangeRate: '1.01' }), 422).code,
    ).toBe('receipt_rate_not_one_for_usd');
    const unknown = expectProblem(
      await receive(t, staff, pledge, { amount: '1.00', earmarkKind: 'country', earmarkTarget: 'XXX' }),
      400,
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'earmarkTarget' })]);
    expect(
      expectProblem(await receive(t, staff, pledge, { amount: '1.00', earmarkKind: 'window' }), 422).code,
    ).toBe('receipt_earmark_incomplete');
  });

  it('corrects a wrong receipt by a reversal naming it: both stay, received falls, it is reversed once', async () => {
    const pledge = await aPledge(t, staff, donorId, { amount: '800.00' });
    const wrong = await aReceipt(t, staff, pledge, { amount: '300.00' });
    const kept = await aReceipt(t, staff, pledge, { amount: '200.00' });
    await availableExactly(t, '1000.00');
    const audit = await count(t.db, 'audit_entries');

    const reversal = await reverseReceipt(t, staff, pledge, wrong);
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'reversal',
      reverses: wrong,
      usdAmount: '300.00',
      note: 'Recorded in error.',
    });
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit + 1);
    await expect(availableBalance(t)).resolves.toBe('700.00');
    const after = await statement(pledge);
    expect(after.body).toMatchObject({ receivedUsd: '200.00', outstanding: '600.00' });
    expect(
      after.body.items.map((r: { id: string; reversedBy: string | null }) => [r.id, r.reversedBy]),
    ).toEqual(
      expect.arrayContaining([
        [wrong, reversal.body.id],
        [kept, null],
      ]),
    );
    expect(expectProblem(await reverseReceipt(t, staff, pledge, wrong), 422).code).toBe(
      'receipt_already_reversed',
    );
    expect(expectProblem(await reverseReceipt(t, staff, pledge, reversal.body.id), 422).code).toBe(
      'receipt_reversal_of_reversal',
    );
    await expect(
      t.db.query(`UPDATE contribution_receipts SET amount = 1 WHERE id = $1`, [kept]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM contribution_receipts WHERE id = $1`, [kept])).rejects.toThrow(
      /append-only/,
    );

    // The last receipt reversed, the contribution is a pledge again.
    expect((await reverseReceipt(t, staff, pledge, kept)).status).toBe(201);
    const contribution = await t.http().get(`/api/v1/contributions/${pledge}`).set(staff);
    expect(contribution.body).toMatchObject({ status: 'pledged', receivedOn: null, receivedUsd: '0.00' });
  });

  it('refuses a reversal that would take available below zero, and lets one to exactly zero through', async () => {
    const pledge = await aPledge(t, staff, donorId, { amount: '600.00' });
    const big = await aReceipt(t, staff, pledge, { amount: '300.01' });
    const exact = await aReceipt(t, staff, pledge, { amount: '299.99' });
    await availableExactly(t, '300.00');
    const receipts = await count(t.db, 'contribution_receipts');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await reverseReceipt(t, staff, pledge, big), 422);
    expect(problem).toMatchObject({
      type: expect.stringMatching(/fund-over-committed$/),
      code: 'received_reduction_exceeds_available',
      facts: { available: '300.00', reduction: '300.01', shortfall: '0.01' },
    });
    await expect(count(t.db, 'contribution_receipts')).resolves.toBe(receipts);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    await availableExactly(t, '299.99');
    expect((await reverseReceipt(t, staff, pledge, exact)).status).toBe(201);
    await expect(availableBalance(t)).resolves.toBe('0.00');
  });

  it.each([1, 2, 3])(
    'lets exactly one of two racing receipt reversals through when each fits alone but not both (round %d)',
    async () => {
      const pledge = await aPledge(t, staff, donorId, { amount: '1200.00' });
      const a = await aReceipt(t, staff, pledge, { amount: '600.00' });
      const b = await aReceipt(t, staff, pledge, { amount: '600.00' });
      await availableExactly(t, '900.00');
      const answers = await Promise.all([
        reverseReceipt(t, staff, pledge, a),
        reverseReceipt(t, staff, pledge, b),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 422]);
      const refused = answers.find((r) => r.status === 422)!;
      expect(refused.body).toMatchObject({
        code: 'received_reduction_exceeds_available',
        facts: { available: '300.00', reduction: '600.00', shortfall: '300.00' },
      });
      await expect(availableBalance(t)).resolves.toBe('300.00');
    },
  );

  it('keeps a contribution recorded as received in one receipt, and follows a change of its figures by a reversal', async () => {
    const legacy = await aContribution(t, donorId, { usdAmount: '750.00' });
    const first = await statement(legacy.id);
    expect(first.body).toMatchObject({ receivedUsd: '750.00', outstanding: '0.00' });
    expect(first.body.items).toEqual([
      expect.objectContaining({ kind: 'receipt', usdAmount: '750.00', receivedOn: '2024-03-01' }),
    ]);
    const patched = await t
      .http()
      .patch(`/api/v1/contributions/${legacy.id}`)
      .set(staff)
      .set('If-Match', `"${legacy.version}"`)
      .send({ amount: '800.00', usdAmount: '800.00' });
    expect(patched.status).toBe(200);
    const after = await statement(legacy.id);
    expect(after.body.receivedUsd).toBe('800.00');
    expect(after.body.items.map((r: { kind: string; usdAmount: string }) => [r.kind, r.usdAmount])).toEqual([
      ['receipt', '750.00'],
      ['reversal', '750.00'],
      ['receipt', '800.00'],
    ]);
  });

  it("shows a donor user its own pledges' receipts only, and lets only staff record them", async () => {
    const own = await aDonorOfKind(t);
    const user = await aUser(t, { role: 'donor', donorId: own });
    const donor = { Authorization: `Bearer ${await signIn(t, user)}` };
    const mine = await aPledge(t, staff, own, { amount: '100.00' });
    const theirs = await aPledge(t, staff, donorId, { amount: '100.00' });
    await aReceipt(t, staff, mine, { amount: '40.00' });
    expect((await statement(mine, donor)).body).toMatchObject({ receivedUsd: '40.00', outstanding: '60.00' });
    expectProblem(await statement(theirs, donor), 404);
    expectProblem(await receive(t, donor, mine, { amount: '1.00' }), 403);
  });
});
