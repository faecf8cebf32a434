/**
 * The closed vocabularies of a project record (DESIGN.md §3). The database checks the same lists.
 */
export const STAGES = [
  'concept_note',
  'full_proposal',
  'under_review',
  'revision_requested',
  'approved',
  'active',
  'completed',
  'closed',
  'rejected',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages in which the approved budget is committed from the Fund (DESIGN.md §4.4). */
export const COMMITTED_STAGES: readonly Stage[] = ['approved', 'active', 'completed', 'closed'];

export const WINDOWS = ['I', 'II'] as const;
export type Window = (typeof WINDOWS)[number];

/** UNDP 1994, "New Dimensions of Human Security". */
export const DIMENSIONS = [
  'economic',
  'food',
  'health',
  'environmental',
  'personal',
  'community',
  'political',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const VULNERABLE_GROUPS = [
  'women_and_girls',
  'children',
  'youth',
  'older_persons',
  'persons_with_disabilities',
  'refugees',
  'internally_displaced_persons',
  'migrants',
  'indigenous_peoples',
  'minorities',
  'rural_communities',
  'urban_poor',
] as const;
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number];

export const PROJECT_SORTS = ['code', 'title', 'startDate', 'approvedBudget', 'updatedAt'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
