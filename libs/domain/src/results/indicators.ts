import type { VulnerableGroup } from '../principles/principles';

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

/** How an indicator's actual values are broken down: by sex, by age group, both, or neither. */
export interface IndicatorBreakdown {
  bySex: boolean;
  /** Labels such as "0-17", "18-59", "60+"; empty when not broken down by age. */
  ageGroups: string[];
}

/** One cell of a broken-down actual: the sex and age group it counts, as the indicator defines them. */
export interface BreakdownCell {
  sex?: Sex | null;
  ageGroup?: string | null;
  value: number;
}

export type BreakdownProblem =
  | { code: 'breakdown_not_defined'; facts: { index: number } }
  | { code: 'breakdown_sex_missing'; facts: { index: number } }
  | { code: 'breakdown_sex_not_defined'; facts: { index: number } }
  | { code: 'breakdown_age_group_missing'; facts: { index: number; ageGroups: string[] } }
  | { code: 'breakdown_age_group_unknown'; facts: { index: number; ageGroup: string; ageGroups: string[] } }
  | { code: 'breakdown_cell_repeated'; facts: { index: number } };

export type BeneficiaryProblem = {
  code: 'group_reached_exceeds_people_reached';
  facts: { group: VulnerableGroup; reached: number; peopleReached: number };
};

export type ResultsProblem = BreakdownProblem | BeneficiaryProblem;

export function hasBreakdown(breakdown: IndicatorBreakdown): boolean {
  return breakdown.bySex || breakdown.ageGroups.length > 0;
}

/**
 * The cells of an actual against its indicator's breakdown: each names a sex exactly when the
 * indicator is broken down by sex and an age group of the indicator's exactly when it is broken down
 * by age, and no cell is given twice. Cells need not add up to the value: an indicator in per cent
 * does not add up. An indicator without a breakdown takes no cells.
 */
export function breakdownProblems(
  breakdown: IndicatorBreakdown,
  cells: readonly BreakdownCell[],
): BreakdownProblem[] {
  const problems: BreakdownProblem[] = [];
  const seen = new Set<string>();
  if (!hasBreakdown(breakdown)) {
    return cells.length ? [{ code: 'breakdown_not_defined', facts: { index: 0 } }] : [];
  }
  cells.forEach((cell, index) => {
    const sex = cell.sex ?? null;
    const ageGroup = cell.ageGroup ?? null;
    if (breakdown.bySex && sex === null) problems.push({ code: 'breakdown_sex_missing', facts: { index } });
    if (!breakdown.bySex && sex !== null)
      problems.push({ code: 'breakdown_sex_not_defined', facts: { index } });
    if (breakdown.ageGroups.length && ageGroup === null) {
      problems.push({
        code: 'breakdown_age_group_missing',
        facts: { index, ageGroups: breakdown.ageGroups },
      });
    }
    if (ageGroup !== null && !breakdown.ageGroups.includes(ageGroup)) {
      problems.push({
        code: 'breakdown_age_group_unknown',
        facts: { index, ageGroup, ageGroups: breakdown.ageGroups },
      });
    }
    const key = `${sex}|${ageGroup}`;
    if (seen.has(key)) problems.push({ code: 'breakdown_cell_repeated', facts: { index } });
    seen.add(key);
  });
  return problems;
}

/**
 * People reached in a period and, beside it, those of each vulnerable group: the groups overlap (a
 * displaced girl is in two), so none may exceed the people reached, and their sum may.
 */
export function beneficiaryProblems(
  peopleReached: number,
  groups: readonly { group: VulnerableGroup; reached: number }[],
): BeneficiaryProblem[] {
  return groups
    .filter((g) => g.reached > peopleReached)
    .map((g) => ({
      code: 'group_reached_exceeds_people_reached' as const,
      facts: { group: g.group, reached: g.reached, peopleReached },
    }));
}
