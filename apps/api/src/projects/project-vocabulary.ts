import { COMMITTED_STAGES, HUMAN_SECURITY_DIMENSIONS, STAGES, VULNERABLE_GROUPS } from '@hstf/domain';
import type { HumanSecurityDimension, Stage, VulnerableGroup } from '@hstf/domain';

/**
 * The closed vocabularies of a project record. The lists live in libs/domain; the database
 * checks the same lists in its constraints.
 */
export { COMMITTED_STAGES, STAGES, VULNERABLE_GROUPS };
export type { Stage, VulnerableGroup };

export const DIMENSIONS = HUMAN_SECURITY_DIMENSIONS;
export type Dimension = HumanSecurityDimension;

export const WINDOWS = ['I', 'II'] as const;
export type Window = (typeof WINDOWS)[number];

export const PROJECT_SORTS = ['code', 'title', 'startDate', 'approvedBudget', 'updatedAt'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
