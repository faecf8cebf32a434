import type { Response } from 'supertest';
import { asRole } from '../support/builders';
import { aContribution, aDonorOfKind, cents, money } from '../support/fund-builders';
import {
  aReadyProposal,
  availableBalance,
  availableExactly as setAvailable,
  versionOf,
} from '../support/lifecycle-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * The Fund is never over-committed (DESIGN.md §4.4): a change that lowers what it has received —
 * a cancellation, an un-receipt, a deletion, a lower amount or rate — is refused with 422 when it
 * would take the available balance below zero, and is decided under the lock approvals take, so
 * racing changes that fit one at a time but not together leave exactly one through.
 */
describe('changes that lower what the Fund has received', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let admin: { Authorization: string };
  let donorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    admin = (await asRole(t, 'admin')).auth;
    donorId = await aDonorOfKind(t, 'member_state');
  });
  afterAll(() => t.close());

  const availableExactly = async (usd: string) => {
    await setAvailable(t, usd);
    await expect(availableBalance(t)).resolves.toBe(usd);
  };

  const contribution = (usd: string) => aContribution(t, donorId, { usdAmount: usd });
  const row = async (id: string) =>
    (
      await t.db.query<{ status: string; usd: string; version: number }>(
        `SELECT status, usd_amount::text AS usd, version FROM contributions WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const patch = (id: string, version: number, body: Record<string, unknown>, auth = staff) =>
    t.http().patch(`/api/v1/contributions/${id}`).set(auth).set('If-Match', `"${version}"`).send(body);
  const remove = (id: string, version: number, auth = staff) =>
    t.http().delete(`/api/v1/contributions/${id}`).set(auth).set('If-Match', `"${version}"`);

  /** 422 with the rule's code and facts, the contribution and the audit log untouched. */
  async function expectOverCommitted(
    id: string,
    send: () => Promise<Response>,
    reduction: string,
    available: string,
  ) {
    const before = await row(id);
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await send(), 422);
    expect(problem).toMatchObject({
      type: expect.stringMatching(/fund-over-committed$/),
      code: 'received_reduction_exceeds_available',
      facts: { available, reduction, shortfall: money(cents(reduction) - cents(available)) },
    });
    expect(problem.detail).toContain('committed');
    await expect(row(id)).resolves.toEqual(before);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
    await expect(availableBalance(t)).resolves.toBe(available);
  }

  it('refuses a cancellation that would take available below zero, and lets one to exactly zero through', async () => {
    const big = await contribution('500.01');
    await availableExactly('500.00');
    await expectOverCommitted(
      big.id,
      () => patch(big.id, big.version, { status: 'cancelled', receivedOn: null }),
      '500.01',
      '500.00',
    );

    const exact = await contribution('500.00');
    await availableExactly('500.00');
    const response = await patch(exact.id, exact.version, { status: 'cancelled', receivedOn: null });
    expect(response.status).toBe(200);
    await expect(availableBalance(t)).resolves.toBe('0.00');
  });

  it('refuses an un-receipt back to a pledge and a deletion the same way', async () => {
    const c = await contribution('300.00');
    await availableExactly('299.99');
    await expectOverCommitted(
      c.id,
      () => patch(c.id, c.version, { status: 'pledged', receivedOn: null }),
      '300.00',
      '299.99',
    );
    await expectOverCommitted(c.id, () => remove(c.id, c.version, admin), '300.00', '299.99');
  });

  it('refuses a lower amount, and a lower rate, by what the USD value falls', async () => {
    const c = await contribution('1000.00');
    await availableExactly('100.00');
    await expectOverCommitted(
      c.id,
      () => patch(c.id, c.version, { amount: '899.99', usdAmount: '899.99' }),
      '100.01',
      '100.00',
    );
    const { rows } = await t.db.query<{ id: string; version: number }>(
      `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status)
       VALUES ($1, '2024-01-15', '2024-03-01', 1000, 'EUR', 1100, 1.1, 'received') RETURNING id, version`,
      [donorId],
    );
    const eur = rows[0]!;
    await availableExactly('100.00');
    await expectOverCommitted(
      eur.id,
      () => patch(eur.id, eur.version, { exchangeRate: '0.99', usdAmount: '990.00' }),
      '110.00',
      '100.00',
    );
    const fits = await patch(eur.id, eur.version, { exchangeRate: '1.0', usdAmount: '1000.00' });
    expect(fits.status).toBe(200);
    await expect(availableBalance(t)).resolves.toBe('0.00');
  });

  it('never refuses a change that raises or keeps what was received, even with nothing available', async () => {
    const pledge = await aContribution(t, donorId, { usdAmount: '50.00', status: 'pledged' });
    await availableExactly('0.00');
    const receipt = await patch(pledge.id, pledge.version, { status: 'received', receivedOn: '2024-03-01' });
    expect(receipt.status).toBe(200);
    const reference = await patch(pledge.id, receipt.body.version, { reference: 'UNTFHS/2024/01' });
    expect(reference.status).toBe(200);
  });

  it.each([1, 2, 3, 4])(
    'lets exactly one of two racing cancellations through when each fits alone but not both (round %d)',
    async () => {
      const a = await contribution('600.00');
      const b = await contribution('600.00');
      await availableExactly('900.00');
      const [first, second] = await Promise.all([
        patch(a.id, a.version, { status: 'cancelled', receivedOn: null }, staff),
        remove(b.id, b.version, admin),
      ]);
      // The cancellation answers 200 when it passes, the deletion 204; the other one 422.
      expect([first.status === 200, second.status === 204].filter(Boolean)).toHaveLength(1);
      expect([first.status, second.status].filter((s) => s === 422)).toHaveLength(1);
      const refused = first.status === 422 ? first : second;
      expect(refused.body).toMatchObject({
        code: 'received_reduction_exceeds_available',
        facts: { available: '300.00', reduction: '600.00', shortfall: '300.00' },
      });
      await expect(availableBalance(t)).resolves.toBe('300.00');
    },
  );

  it.each([1, 2, 3])(
    'lets exactly one of a cancellation and an approval through when both together exceed the balance (round %d)',
    async () => {
      const c = await contribution('600.00');
      const proposal = await aReadyProposal(t, { approvedBudget: '600.00', funded: false });
      await availableExactly('1000.00');
      const [cancel, approve] = await Promise.all([
        patch(c.id, c.version, { status: 'cancelled', receivedOn: null }),
        t
          .http()
          .post(`/api/v1/projects/${proposal.id}/transitions`)
          .set(admin)
          .send({ to: 'approved', note: 'Approved.', version: await versionOf(t, proposal.id) }),
      ]);
      expect([cancel.status, approve.status].filter((s) => s === 422)).toHaveLength(1);
      expect([cancel.status, approve.status].filter((s) => s === 200 || s === 201)).toHaveLength(1);
      await expect(availableBalance(t)).resolves.toBe('400.00');
    },
  );
});
