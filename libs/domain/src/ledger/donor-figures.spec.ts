import type { DonorPledge } from './donor-figures';
import { donorYears, outstandingUsd, receivedByDonor, shareOfFund } from './donor-figures';

const euroPledge = (extra: Partial<DonorPledge> = {}): DonorPledge => ({
  donorId: 'a',
  status: 'received',
  pledgedOn: '2025-02-01',
  amount: '1000000.00',
  exchangeRate: '1.10000000',
  usdAmount: '1100000.00',
  receipts: [
    { kind: 'receipt', on: '2025-03-01', amount: '400000.00', usdAmount: '448000.00' },
    { kind: 'receipt', on: '2026-01-10', amount: '100000.00', usdAmount: '105000.00' },
    { kind: 'reversal', on: '2026-01-12', amount: '100000.00', usdAmount: '105000.00' },
  ],
  ...extra,
});

describe("a donor's figures from its pledges and receipts", () => {
  it('counts a pledge paid in part only for what arrived, each receipt in its own year, a reversal as nothing', () => {
    expect(donorYears([euroPledge()])).toEqual([
      { donorId: 'a', year: 2025, pledged: '1100000.00', received: '448000.00', outstanding: '660000.00' },
      { donorId: 'a', year: 2026, pledged: '0.00', received: '0.00', outstanding: '0.00' },
    ]);
  });

  it('values what is outstanding at the pledge rate, never below zero', () => {
    expect(outstandingUsd(euroPledge())).toBe('660000.00');
    const overpaid = euroPledge({
      receipts: [{ kind: 'receipt', on: '2025-03-01', amount: '1000000.01', usdAmount: '1120000.01' }],
    });
    expect(outstandingUsd(overpaid)).toBe('0.00');
    expect(outstandingUsd(euroPledge({ receipts: [] }))).toBe('1100000.00');
  });

  it('counts a cancelled pledge for nothing, its receipts included', () => {
    const cancelled = euroPledge({ status: 'cancelled' });
    expect(donorYears([cancelled])).toEqual([]);
    expect(outstandingUsd(cancelled)).toBe('0.00');
    expect(receivedByDonor([cancelled])).toEqual(new Map());
  });

  it('gives each donor its net receipts up to a date, and its share of all received', () => {
    const other = euroPledge({
      donorId: 'b',
      receipts: [{ kind: 'receipt', on: '2025-06-30', amount: '500000.00', usdAmount: '552000.00' }],
    });
    expect(receivedByDonor([euroPledge(), other])).toEqual(
      new Map([
        ['a', '448000.00'],
        ['b', '552000.00'],
      ]),
    );
    expect(receivedByDonor([euroPledge(), other], '2025-06-29')).toEqual(new Map([['a', '448000.00']]));
    expect(shareOfFund([euroPledge(), other], 'a', '2026-12-31')).toBe('0.448000');
    expect(shareOfFund([euroPledge(), other], 'b', '2025-03-01')).toBe('0.000000');
    expect(shareOfFund([], 'a', '2025-03-01')).toBe('0');
  });
});
