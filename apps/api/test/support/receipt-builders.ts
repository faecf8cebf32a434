import type { TestApp } from './test-app';
import { aContributionRequest } from './fund-builders';

type Auth = { Authorization: string };

/** A pledge recorded through the API (status pledged, nothing received yet); returns its id. */
export async function aPledge(
  t: TestApp,
  auth: Auth,
  donorId: string,
  overrides: { amount?: string; currency?: string; exchangeRate?: string; pledgedOn?: string } = {},
): Promise<string> {
  const amount = overrides.amount ?? '1000.00';
  const exchangeRate = overrides.exchangeRate ?? '1';
  const unit = 10n ** 8n;
  const scaled = (v: string, d: number) => {
    const [w, f = ''] = v.split('.');
    return BigInt(`${w}${f.padEnd(d, '0')}`);
  };
  const usd = (scaled(amount, 2) * scaled(exchangeRate, 8) + unit / 2n) / unit;
  const response = await t
    .http()
    .post('/api/v1/contributions')
    .set(auth)
    .send(
      aContributionRequest(donorId, {
        status: 'pledged',
        receivedOn: null,
        pledgedOn: overrides.pledgedOn ?? '2026-01-05',
        amount,
        currency: overrides.currency ?? 'USD',
        exchangeRate,
        usdAmount: `${usd / 100n}.${String(usd % 100n).padStart(2, '0')}`,
      }),
    );
  if (response.status !== 201) throw new Error(`pledge: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { id: string }).id;
}

/** POST a receipt against the pledge; the raw answer. */
export function receive(
  t: TestApp,
  auth: Auth,
  contributionId: string,
  body: {
    amount: string;
    exchangeRate?: string;
    receivedOn?: string;
    earmarkKind?: string;
    earmarkTarget?: string;
  },
) {
  return t
    .http()
    .post(`/api/v1/contributions/${contributionId}/receipts`)
    .set(auth)
    .send({ receivedOn: '2026-01-10', exchangeRate: '1', ...body });
}

/** A receipt that must be accepted; returns its id. */
export async function aReceipt(...args: Parameters<typeof receive>): Promise<string> {
  const response = await receive(...args);
  if (response.status !== 201)
    throw new Error(`receipt: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { id: string }).id;
}

/** POST the reversal of a receipt; the raw answer. */
export function reverseReceipt(
  t: TestApp,
  auth: Auth,
  contributionId: string,
  receiptId: string,
  reversedOn = '2026-02-01',
) {
  return t
    .http()
    .post(`/api/v1/contributions/${contributionId}/receipts/${receiptId}/reversal`)
    .set(auth)
    .send({ reversedOn, reason: 'Recorded in error.' });
}
