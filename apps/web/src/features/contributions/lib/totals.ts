import { compareMoney, sumMoney } from '@hstf/domain';
import type { ContributionTotal } from '../api/get-contribution-totals';

export interface YearFigures {
  year: number;
  pledgedUsd: string;
  receivedUsd: string;
}

export interface DonorFigures {
  donorId: string;
  donorName: string;
  pledgedUsd: string;
  receivedUsd: string;
}

/** One donor's totals by year, oldest first. */
export function yearsOf(totals: ContributionTotal[], donorId: string): YearFigures[] {
  return totals
    .filter((row) => row.donorId === donorId)
    .map((row) => ({ year: row.year, pledgedUsd: row.pledgedUsd, receivedUsd: row.receivedUsd }))
    .sort((a, b) => a.year - b.year);
}

/** Every donor's totals over all years, largest received first; sums are exact (libs/domain money). */
export function donorsOf(totals: ContributionTotal[]): DonorFigures[] {
  const byDonor = new Map<string, ContributionTotal[]>();
  for (const row of totals) byDonor.set(row.donorId, [...(byDonor.get(row.donorId) ?? []), row]);
  return [...byDonor.values()]
    .map((rows) => ({
      donorId: rows[0]!.donorId,
      donorName: rows[0]!.donorName,
      pledgedUsd: sumMoney(rows.map((row) => row.pledgedUsd)),
      receivedUsd: sumMoney(rows.map((row) => row.receivedUsd)),
    }))
    .sort((a, b) => compareMoney(b.receivedUsd, a.receivedUsd) || a.donorName.localeCompare(b.donorName));
}

export function sumOf(rows: { pledgedUsd: string; receivedUsd: string }[]) {
  return {
    pledgedUsd: sumMoney(rows.map((row) => row.pledgedUsd)),
    receivedUsd: sumMoney(rows.map((row) => row.receivedUsd)),
  };
}
