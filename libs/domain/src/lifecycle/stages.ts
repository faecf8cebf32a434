/** The stages of a project (DESIGN.md §4.3), in the order of the happy path, then the side exits. */
export const STAGES = [
  'concept_note',
  'full_proposal',
  'under_review',
  'approved',
  'active',
  'completed',
  'closed',
  'suspended',
  'revision_requested',
  'rejected',
  'withdrawn',
] as const;

export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Stages before approval: the project is still a proposal and may be withdrawn. */
export const PROPOSAL_STAGES = [
  'concept_note',
  'full_proposal',
  'under_review',
  'revision_requested',
] as const;

/**
 * Stages whose approved budget is committed against the Fund (DESIGN.md §4.4). A suspension keeps the
 * money committed: the project resumes where it stopped.
 */
export const COMMITTED_STAGES = ['approved', 'active', 'suspended', 'completed', 'closed'] as const;

/**
 * Stages in which money may leave the Fund for the project: the first transfer is what activates it.
 * Never while suspended.
 */
export const TRANSFER_STAGES = ['approved', 'active'] as const;

/** Stages a project may be suspended from, and so the stages a suspension resumes to. */
export const SUSPENDABLE_STAGES = ['approved', 'active'] as const;

/** Stages whose consent still matters: a withdrawal or an expiry there raises an alert. */
export const FUNDED_STAGES = ['approved', 'active'] as const;

export const TERMINAL_STAGES = ['closed', 'rejected', 'withdrawn'] as const;

export function isStageIn(stage: Stage, stages: readonly Stage[]): boolean {
  return stages.includes(stage);
}

/**
 * Every allowed move. A concept note may be turned down before a full proposal is invited, and a
 * proposal under review is approved, sent back for revision or rejected. Withdrawal is open until
 * approval; after it, money is committed and the project runs to closure, unless it is suspended
 * (from approved or active) and later resumed to the stage it was suspended from.
 */
export const TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  concept_note: ['full_proposal', 'rejected', 'withdrawn'],
  full_proposal: ['under_review', 'withdrawn'],
  under_review: ['approved', 'revision_requested', 'rejected', 'withdrawn'],
  revision_requested: ['full_proposal', 'withdrawn'],
  approved: ['active', 'suspended'],
  active: ['completed', 'suspended'],
  suspended: ['approved', 'active'],
  completed: ['closed'],
  closed: [],
  rejected: [],
  withdrawn: [],
};

export function allowedTransitions(from: Stage): readonly Stage[] {
  return TRANSITIONS[from];
}

export function isTransitionAllowed(from: Stage, to: Stage): boolean {
  return TRANSITIONS[from].includes(to);
}

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  concept_note: 'Concept note',
  full_proposal: 'Full proposal',
  under_review: 'Under review',
  approved: 'Approved',
  active: 'Active',
  completed: 'Completed',
  closed: 'Closed',
  suspended: 'Suspended',
  revision_requested: 'Revision requested',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};
