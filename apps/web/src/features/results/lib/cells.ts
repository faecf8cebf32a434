import type { Sex } from '@hstf/domain';
import type { Indicator } from '../api/results';

export interface Cell {
  key: string;
  sex: Sex | null;
  ageGroup: string | null;
}

/** Every cell of an indicator's breakdown: each sex × each age group, or one of them alone. */
export function cellsOf(indicator: Pick<Indicator, 'breakdown'>): Cell[] {
  const sexes: (Sex | null)[] = indicator.breakdown.bySex ? ['female', 'male'] : [null];
  const ages: (string | null)[] = indicator.breakdown.ageGroups.length
    ? indicator.breakdown.ageGroups
    : [null];
  if (sexes[0] === null && ages[0] === null) return [];
  return sexes.flatMap((sex) =>
    ages.map((ageGroup) => ({ key: `${sex ?? ''}|${ageGroup ?? ''}`, sex, ageGroup })),
  );
}
