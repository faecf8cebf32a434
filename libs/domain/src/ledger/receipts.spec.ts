import type { Pledge, Receipt } from './receipts';
import { pledgeStatement, receiptProblem, receiptReversalProblem, receivedFromReceipts } from './receipts';

const pledge: Pledge = {
  status: 'pledged',
  amount: '1000000.00',
  currency: 'EUR',
  exchangeRate: '1.10000000',
  pledgedOn: '2026-01-05',
};
const receipt = (
  id: string,
  amount: string,
  rate: string,
  usd: string,
  extra: Partial<Receipt> = {},
): Receipt => ({
  id,
  contributionId: 'c',
  kind: 'receipt',
  on: '2026-02-01',
  amount,
  exchangeRate: rate,
  usdAmount: usd,
  reverses: null,
  earmark: { kind: 'none', target: null },
  ...extra,
});

describe('a pledge paid by receipts', () => {
  it('adds up instalments at their own rates: outstanding, and the exchange gain and loss against the pledge rate', () => {
    const s = pledgeStatement(pledge, [
      receipt('a', '400000.00', '1.12', '448000.00'),
      receipt('b', '600000.00', '1.05', '630000.00'),
    ]);
    expect(s).toMatchObject({
      receivedAmount: '1000000.00',
      receivedUsd: '1078000.00',
      outstanding: '0.00',
      outstandingUsd: '0.00',
      exchangeDifference: '-22000.00',
    });
    expect(s.lines.map((l) => l.exchangeDifference)).toEqual(['8000.00', '-30000.00']);
  });

  it('takes a reversed receipt back, gain included, and marks it reversed', () => {
    const s = pledgeStatement(pledge, [
      receipt('a', '400000.00', '1.12', '448000.00'),
      receipt('v', '400000.00', '1.12', '448000.00', { kind: 'reversal', reverses: 'a' }),
    ]);
    expect(s).toMatchObject({ receivedUsd: '0.00', outstanding: '1000000.00', exchangeDifference: '0.00' });
    expect(s.lines[0]!.reversedBy).toBe('v');
  });

  it('counts nothing received once the pledge is cancelled', () => {
    expect(receivedFromReceipts('cancelled', [receipt('a', '1.00', '1', '1.00')])).toBe('0.00');
    expect(receivedFromReceipts('received', [receipt('a', '1.00', '1', '1.00')])).toBe('1.00');
  });

  const request = {
    on: '2026-02-01',
    amount: '0.01',
    exchangeRate: '1.1',
    earmark: { kind: 'none' as const, target: null },
  };
  it('refuses a receipt past the outstanding amount by a cent, and accepts it to the cent', () => {
    expect(receiptProblem(pledge, { outstanding: '0.01' }, request, '2026-06-30')).toBeNull();
    expect(receiptProblem(pledge, { outstanding: '0.00' }, request, '2026-06-30')?.code).toBe(
      'receipt_exceeds_outstanding',
    );
  });

  it('refuses a receipt before the pledge or after today, on a cancelled pledge, or at a USD rate other than 1', () => {
    const open = { outstanding: '10.00' };
    expect(receiptProblem(pledge, open, { ...request, on: '2026-01-04' }, '2026-06-30')?.code).toBe(
      'receipt_before_pledge',
    );
    expect(receiptProblem(pledge, open, { ...request, on: '2026-07-01' }, '2026-06-30')?.code).toBe(
      'receipt_in_future',
    );
    expect(receiptProblem({ ...pledge, status: 'cancelled' }, open, request, '2026-06-30')?.code).toBe(
      'receipt_on_cancelled_pledge',
    );
    expect(receiptProblem({ ...pledge, currency: 'USD' }, open, request, '2026-06-30')?.code).toBe(
      'receipt_rate_not_one_for_usd',
    );
    expect(
      receiptProblem(pledge, open, { ...request, earmark: { kind: 'country', target: ' ' } }, '2026-06-30')
        ?.code,
    ).toBe('receipt_earmark_incomplete');
  });

  it('reverses a receipt once, never a reversal, never before it', () => {
    const a = receipt('a', '1.00', '1', '1.00');
    expect(receiptReversalProblem(a, null, '2026-02-01', '2026-06-30')).toBeNull();
    expect(receiptReversalProblem(a, { id: 'v' }, '2026-02-01', '2026-06-30')?.code).toBe(
      'receipt_already_reversed',
    );
    expect(receiptReversalProblem(a, null, '2026-01-31', '2026-06-30')?.code).toBe(
      'receipt_reversal_before_receipt',
    );
    expect(receiptReversalProblem({ ...a, kind: 'reversal' }, null, '2026-02-01', '2026-06-30')?.code).toBe(
      'receipt_reversal_of_reversal',
    );
  });
});
