import { loadDemoDataIfEmpty } from '../../src/demo/demo-data';
import { asRole } from '../support/builders';
import { createTestApp, TestApp } from '../support/test-app';

/** The demo shows a pledge paid in instalments with an exchange gain and a loss, and an earmarked receipt. */
describe('the demo receipts', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    const url = (t.db.options as { connectionString: string }).connectionString;
    await expect(loadDemoDataIfEmpty(url)).resolves.toBe(true);
    auth = (await asRole(t, 'staff')).auth;
  });
  afterAll(() => t.close());

  const byReference = async (
    reference: string,
  ): Promise<Record<string, unknown> & { items: Record<string, unknown>[] }> => {
    const { rows } = await t.db.query<{ id: string }>(`SELECT id FROM contributions WHERE reference = $1`, [
      reference,
    ]);
    const response = await t.http().get(`/api/v1/contributions/${rows[0]!.id}/receipts`).set(auth);
    return response.body as Record<string, unknown> & { items: Record<string, unknown>[] };
  };

  it("has Japan's yen pledge partly paid in two instalments, one at a gain and one at a loss", async () => {
    const statement = await byReference('UNTFHS/DEMO/JPN-INSTALMENTS');
    expect(statement).toMatchObject({
      currency: 'JPY',
      receivedAmount: '220000000.00',
      outstanding: '80000000.00',
      receivedUsd: '1502000.00',
      exchangeDifference: '6000.00',
    });
    expect(statement.items.map((r) => r.exchangeDifference)).toEqual(['36000.00', '-30000.00']);
  });

  it("has Thailand's receipt earmarked to window II, and every demo contribution received in receipts the ledger counts", async () => {
    const statement = await byReference('UNTFHS/DEMO/THA-WINDOW-II');
    expect(statement.items).toEqual([
      expect.objectContaining({ earmarkKind: 'window', earmarkTarget: 'II' }),
    ]);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM contributions c WHERE c.status = 'received'
         AND NOT EXISTS (SELECT 1 FROM contribution_receipts r WHERE r.contribution_id = c.id)`,
    );
    expect(rows[0]!.n).toBe(0);
    const ledger = await t.http().get('/api/v1/fund/ledger').set(auth);
    expect(Number(ledger.body.overall.available)).toBeGreaterThanOrEqual(0);
  });
});
