import { addDays, usdAmountFor } from '@hstf/domain';
import type { Client } from 'pg';

/**
 * Pledges paid by receipts, for the demo: Japan's pledge in yen paid in two instalments (the first
 * at a better rate than pledged, a gain for the Fund; the second at a worse one, a loss), with the
 * rest still outstanding; and Thailand's pledge earmarked to the Fund's window II. Dated in the
 * last year, so the ledger's newest year shows them. Written as staff would record them through the
 * API: the pledge, then each receipt, each with its audit entry.
 */
export async function writeDemoReceipts(client: Client, requestId: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const { rows: staff } = await client.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE role = 'staff' ORDER BY created_at, email LIMIT 1`,
  );
  const actor = staff[0] ?? { id: null, email: null };
  const { rows: donors } = await client.query<{ id: string; name: string }>(
    `SELECT id, name FROM donors WHERE name IN ('Japan', 'Thailand')`,
  );
  const donor = new Map(donors.map((d) => [d.name, d.id]));
  const audit = async (action: string, entity: string, id: string, after: unknown) => {
    await client.query(
      `INSERT INTO audit_entries (actor_id, actor_email, action, entity, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, NULL, $6::jsonb, $7)`,
      [actor.id, actor.email, action, entity, id, JSON.stringify(after), requestId],
    );
  };

  const pledges = [
    {
      donor: 'Japan',
      pledgedOn: addDays(today, -300),
      amount: '300000000.00',
      currency: 'JPY',
      rate: '0.00680000',
      reference: 'UNTFHS/DEMO/JPN-INSTALMENTS',
      earmarking: null,
      receipts: [
        { on: addDays(today, -240), amount: '120000000.00', rate: '0.00710000', earmark: ['none', null] },
        { on: addDays(today, -90), amount: '100000000.00', rate: '0.00650000', earmark: ['none', null] },
      ],
    },
    {
      donor: 'Thailand',
      pledgedOn: addDays(today, -200),
      amount: '250000.00',
      currency: 'USD',
      rate: '1.00000000',
      reference: 'UNTFHS/DEMO/THA-WINDOW-II',
      earmarking: 'For window II (integrated programmes in the field)',
      receipts: [
        { on: addDays(today, -150), amount: '250000.00', rate: '1.00000000', earmark: ['window', 'II'] },
      ],
    },
  ];

  for (const p of pledges) {
    const donorId = donor.get(p.donor);
    if (!donorId) continue;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO contributions (donor_id, pledged_on, amount, currency, usd_amount, exchange_rate, status,
                                  earmarking, reference, illustrative)
       VALUES ($1, $2, $3, $4, $5, $6, 'pledged', $7, $8, true) RETURNING id`,
      [
        donorId,
        p.pledgedOn,
        p.amount,
        p.currency,
        usdAmountFor(p.amount, p.rate),
        p.rate,
        p.earmarking,
        p.reference,
      ],
    );
    const contributionId = rows[0]!.id;
    await audit('create', 'contribution', contributionId, {
      id: contributionId,
      donorId,
      pledgedOn: p.pledgedOn,
      amount: p.amount,
      currency: p.currency,
      exchangeRate: p.rate,
      status: 'pledged',
    });
    for (const r of p.receipts) {
      const usd = usdAmountFor(r.amount, r.rate);
      const { rows: receipt } = await client.query<{ id: string }>(
        `INSERT INTO contribution_receipts (contribution_id, received_on, amount, exchange_rate, usd_amount,
                                            earmark_kind, earmark_target, illustrative)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true) RETURNING id`,
        [contributionId, r.on, r.amount, r.rate, usd, r.earmark[0], r.earmark[1]],
      );
      await audit('create', 'receipt', receipt[0]!.id, {
        id: receipt[0]!.id,
        contributionId,
        donorId,
        receivedOn: r.on,
        amount: r.amount,
        exchangeRate: r.rate,
        usdAmount: usd,
        earmarkKind: r.earmark[0],
        earmarkTarget: r.earmark[1],
      });
    }
    await client.query(`UPDATE contributions SET status = 'received', received_on = $2 WHERE id = $1`, [
      contributionId,
      p.receipts[0]!.on,
    ]);
  }
}
