import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import { usdAmountFor } from '../money/exchange';
import type { MoneyString } from '../money/money';
import { centsToMoney, toCents } from '../money/money';
import type { ContributionStatus } from './ledger';
import type { Receipt } from './receipts';

/**
 * What each donor gave, from its pledges and their receipts (DESIGN.md §4.4), defined once: the
 * donor's yearly totals, the overview's "received by donor", the public page and the statement's
 * share of the Fund all read these figures (in SQL, fund/ledger.sql.ts, kept equal by a parity test).
 *
 * - pledged: the pledge at its own rate (its USD amount), in the year it was pledged;
 * - received: Σ receipts − Σ reversals in USD at each receipt's rate, in the year of each receipt's
 *   date, so a pledge paid in part counts only what arrived and a reversed receipt counts nothing;
 * - outstanding: what is still to be paid on the pledge (its amount less the net amount received,
 *   never below zero) at the pledge's rate, in the pledge's year.
 *
 * A cancelled pledge counts for nothing, its receipts included (as in the Fund's ledger).
 */

export interface DonorPledge {
  donorId: string;
  status: ContributionStatus;
  pledgedOn: IsoDate;
  /** In the pledge's currency. */
  amount: MoneyString;
  exchangeRate: string;
  /** The pledge at its rate. */
  usdAmount: MoneyString;
  receipts: readonly Pick<Receipt, 'kind' | 'amount' | 'usdAmount' | 'on'>[];
}

export interface DonorYear {
  donorId: string;
  year: number;
  pledged: MoneyString;
  received: MoneyString;
  outstanding: MoneyString;
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
const signOf = (kind: Receipt['kind']) => (kind === 'receipt' ? 1n : -1n);

/** What is still to be paid on a pledge, at the pledge's rate (zero once cancelled). */
export function outstandingUsd(pledge: DonorPledge): MoneyString {
  if (pledge.status === 'cancelled') return '0.00';
  const received = pledge.receipts.reduce((sum, r) => sum + signOf(r.kind) * toCents(r.amount), 0n);
  const left = toCents(pledge.amount) - received;
  return left > 0n ? usdAmountFor(centsToMoney(left), pledge.exchangeRate) : '0.00';
}

/** Per donor and year, the pledged, received and outstanding figures; oldest first, then by donor id. */
export function donorYears(pledges: readonly DonorPledge[]): DonorYear[] {
  const rows = new Map<string, { donorId: string; year: number; p: bigint; r: bigint; o: bigint }>();
  const row = (donorId: string, year: number) => {
    const key = `${year}|${donorId}`;
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { donorId, year, p: 0n, r: 0n, o: 0n }));
    return found;
  };
  for (const pledge of pledges) {
    if (pledge.status === 'cancelled') continue;
    const own = row(pledge.donorId, yearOf(pledge.pledgedOn));
    own.p += toCents(pledge.usdAmount);
    own.o += toCents(outstandingUsd(pledge));
    for (const r of pledge.receipts) {
      row(pledge.donorId, yearOf(r.on)).r += signOf(r.kind) * toCents(r.usdAmount);
    }
  }
  return [...rows.values()]
    .sort((a, b) => a.year - b.year || (a.donorId < b.donorId ? -1 : a.donorId > b.donorId ? 1 : 0))
    .map(({ donorId, year, p, r, o }) => ({
      donorId,
      year,
      pledged: centsToMoney(p),
      received: centsToMoney(r),
      outstanding: centsToMoney(o),
    }));
}

/**
 * What each donor has given the Fund: its net receipts in USD dated on or before `upTo` (all when
 * null), donors whose receipts add up to zero left out.
 */
export function receivedByDonor(
  pledges: readonly DonorPledge[],
  upTo: IsoDate | null = null,
): Map<string, MoneyString> {
  const totals = new Map<string, bigint>();
  for (const pledge of pledges) {
    if (pledge.status === 'cancelled') continue;
    for (const r of pledge.receipts) {
      if (upTo !== null && compareIsoDates(r.on, upTo) > 0) continue;
      totals.set(pledge.donorId, (totals.get(pledge.donorId) ?? 0n) + signOf(r.kind) * toCents(r.usdAmount));
    }
  }
  return new Map([...totals].filter(([, cents]) => cents !== 0n).map(([id, c]) => [id, centsToMoney(c)]));
}

/**
 * The donor's received money over all the Fund's received, both up to `upTo` (0–1, six decimals,
 * rounded half up; "0" when the Fund has received nothing).
 */
export function shareOfFund(pledges: readonly DonorPledge[], donorId: string, upTo: IsoDate): string {
  const all = receivedByDonor(pledges, upTo);
  const total = [...all.values()].reduce((sum, v) => sum + toCents(v), 0n);
  if (total === 0n) return '0';
  const own = toCents(all.get(donorId) ?? '0.00');
  const scaled = (own * 2_000_000n + total) / (2n * total);
  return `${scaled / 1_000_000n}.${String(scaled % 1_000_000n).padStart(6, '0')}`;
}
