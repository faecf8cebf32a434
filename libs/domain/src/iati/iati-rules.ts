import { addDays, compareIsoDates, daysBetween, IsoDate } from '../calendar/iso-date';
import type { Stage } from '../lifecycle/stages';
import { centsToMoney, MoneyString, toCents } from '../money/money';
import { HUMAN_SECURITY_DIMENSIONS, HumanSecurityDimension } from '../principles/principles';

/**
 * How the Fund's records become IATI 2.03 codes (docs/iati.md). Pure, so the rules that the IATI
 * Standard states but its schema cannot check (percentages adding up to 100, budgets no longer than
 * a year) are decided once and tested at their boundaries.
 */

/** IATI ActivityStatus codes by stage; stages before approval are never published. */
export const IATI_ACTIVITY_STATUS: Readonly<Partial<Record<Stage | 'suspended', string>>> = {
  approved: '2',
  active: '2',
  completed: '3',
  closed: '4',
  suspended: '6',
};

export function iatiActivityStatus(stage: string): string | null {
  return IATI_ACTIVITY_STATUS[stage as Stage] ?? null;
}

/**
 * Splits 100 % evenly among `count` shares, in hundredths, so the shares add up to exactly 100:
 * each gets 100 / count rounded down to two decimals, and the hundredths left over go one each to
 * the first shares in the order given (the caller orders countries by code). 3 → 33.34, 33.33, 33.33.
 */
export function evenPercentages(count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count: ${count}`);
  if (count === 0) return [];
  const base = Math.floor(10000 / count);
  const leftOver = 10000 - base * count;
  return Array.from({ length: count }, (_, index) => {
    const hundredths = base + (index < leftOver ? 1 : 0);
    return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  });
}

/** IATI PolicySignificance: 0 not targeted, 1 significant objective, 2 principal objective. */
export type IatiSignificance = '0' | '1' | '2';

/**
 * The panel's mean score of a principle (0–4, over `count` counted reviews totalling `sum`) as an
 * IATI policy significance: below 1.5 (absent or weak) not targeted; from 1.5 to below 2.5
 * (partial) a significant objective; 2.5 and above (strong or exemplary) a principal objective.
 * Compared exactly (2·sum against 3·count), never as a rounded float. No counted review: null, and
 * the marker is left out rather than published as "not targeted".
 */
export function principleSignificance(sum: number, count: number): IatiSignificance | null {
  if (count <= 0) return null;
  if (2 * sum < 3 * count) return '0';
  if (2 * sum < 5 * count) return '1';
  return '2';
}

export interface IatiBudgetPeriod {
  start: IsoDate;
  end: IsoDate;
  value: MoneyString;
}

/**
 * A budget over [start, end] cut into calendar years (the IATI Standard wants each budget period no
 * longer than a year), each year's part in proportion to its days. Amounts are rounded on the running
 * total (each year gets round(total × days so far / all days) minus what earlier years got), so the
 * parts add up to the budget to the cent.
 */
export function annualBudgetPeriods(start: IsoDate, end: IsoDate, budget: MoneyString): IatiBudgetPeriod[] {
  if (compareIsoDates(end, start) < 0) return [];
  const total = toCents(budget);
  const allDays = BigInt(daysBetween(start, end) + 1);
  const periods: IatiBudgetPeriod[] = [];
  let periodStart = start;
  let daysSoFar = 0n;
  let allocated = 0n;
  while (compareIsoDates(periodStart, end) <= 0) {
    const yearEnd = `${periodStart.slice(0, 4)}-12-31`;
    const periodEnd = compareIsoDates(yearEnd, end) < 0 ? yearEnd : end;
    daysSoFar += BigInt(daysBetween(periodStart, periodEnd) + 1);
    const upToHere = (2n * total * daysSoFar + allDays) / (2n * allDays);
    periods.push({ start: periodStart, end: periodEnd, value: centsToMoney(upToHere - allocated) });
    allocated = upToHere;
    periodStart = addDays(periodEnd, 1);
  }
  return periods;
}

/**
 * The OECD DAC 5-digit purpose code (IATI sector vocabulary 1) read for each human security dimension
 * a project addresses. The product records dimensions, not DAC sectors, so this is the Fund's own
 * reading of the UNDP 1994 dimensions, documented in docs/iati.md.
 */
export const IATI_SECTOR_BY_DIMENSION: Readonly<Record<HumanSecurityDimension, string>> = {
  economic: '16020', // Employment creation
  food: '52010', // Food assistance
  health: '12220', // Basic health care
  environmental: '41010', // Environmental policy and administrative management
  personal: '15220', // Civilian peace-building, conflict prevention and resolution
  community: '15150', // Democratic participation and civil society
  political: '15160', // Human rights
};

/** Multisector aid: a project that names no dimension. */
export const IATI_MULTISECTOR = '43010';

/**
 * A project's sectors with percentages adding up to exactly 100: one per dimension addressed (in the
 * order of HUMAN_SECURITY_DIMENSIONS), split evenly, or multisector aid at 100 when none is named.
 */
export function iatiSectors(dimensions: readonly string[]): { code: string; percentage: string }[] {
  const codes = HUMAN_SECURITY_DIMENSIONS.filter((d) => dimensions.includes(d)).map(
    (d) => IATI_SECTOR_BY_DIMENSION[d],
  );
  const sectors = codes.length > 0 ? codes : [IATI_MULTISECTOR];
  const percentages = evenPercentages(sectors.length);
  return sectors.map((code, index) => ({ code, percentage: percentages[index]! }));
}

/**
 * IATI OrganisationType by the kind the product records. The product does not record whether an NGO
 * works internationally or in one country, so every NGO is published as an international NGO.
 */
export const IATI_ORGANISATION_TYPE: Readonly<Record<string, string>> = {
  un_entity: '40', // Multilateral
  regional_body: '40', // Multilateral
  government: '10', // Government
  ngo: '21', // International NGO
  other: '90', // Other
};
