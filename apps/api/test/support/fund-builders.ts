import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

const unique = () => randomBytes(4).toString('hex');

/** "1250.5" → 125050n: money in exact cents, as tests sum it independently of the API. */
export function cents(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(`${whole}${fraction.padEnd(2, '0')}`);
}

/** 125050n → "1250.50". */
export function money(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A valid contribution request body: received, in USD unless overridden. */
export function aContributionRequest(
  donorId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    donorId,
    pledgedOn: '2024-01-15',
    receivedOn: '2024-03-01',
    amount: '100000.00',
    currency: 'USD',
    usdAmount: '100000.00',
    exchangeRate: '1',
    status: 'received',
    earmarking: null,
    reference: `REF-${unique()}`,
    ...overrides,
  };
}

/** A donor of any kind, inserted directly; returns its id. */
export async function aDonorOfKind(
  t: TestApp,
  kind = 'foundation',
  name = `Donor ${unique()}`,
): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO donors (name, kind, country_iso3) VALUES ($1, $2, $3) RETURNING id`,
    [name, kind, kind === 'member_state' ? 'JPN' : null],
  );
  return rows[0]!.id;
}

/** A contribution inserted directly (no audit entry), for tests that read or change one. */
export async function aContribution(
  t: TestApp,
  donorId: string,
  overrides: { pledgedOn?: string; receivedOn?: string | null; usdAmount?: string; status?: string } = {},
): Promise<{ id: string; version: number }> {
  const status = overrides.status ?? 'received';
  const usd = overrides.usdAmount ?? '1000.00';
  const { rows } = await t.db.query<{ id: string; version: number }>(
    `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status)
     VALUES ($1, $2, $3, $4, 'USD', $4, 1, $5) RETURNING id, version`,
    [
      donorId,
      overrides.pledgedOn ?? '2024-01-15',
      overrides.receivedOn === undefined
        ? status === 'received'
          ? '2024-03-01'
          : null
        : overrides.receivedOn,
      usd,
      status,
    ],
  );
  return rows[0]!;
}
