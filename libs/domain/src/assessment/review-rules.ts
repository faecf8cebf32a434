import type { Stage } from '../lifecycle/stages';
import type { PrincipleId } from '../principles/principles';
import { isScore, PRINCIPLE_IDS, principle as principleById } from '../principles/principles';
import type { Recommendation, ReviewStatus } from './assessment';

/**
 * The life of one review (DESIGN.md §4.1): a reviewer first declares conflicts of interest; a
 * declared conflict withdraws them from the proposal; otherwise they draft and then submit a score
 * 0–4 with a written justification per principle and a recommendation; a submitted review is final.
 * Reviews are blind: a reviewer sees the others only once their own is submitted.
 */

/** What a reviewer or staff member asks to do with a review. */
export type ReviewAction = 'declare_conflicts' | 'edit_draft' | 'submit' | 'unassign';

export interface ReviewState {
  status: ReviewStatus;
  /** null until the reviewer has declared; true when they declared a conflict. */
  conflictDeclared: boolean | null;
  /** The stage of the proposal reviewed: reviewers work on it while it is under review. */
  proposalStage: Stage;
  /**
   * The review's round when it is not the proposal's latest: an earlier round is closed and its
   * reviews stay as they were, for the record.
   */
  earlierRound?: number;
}

export type ReviewRefusal =
  | { code: 'withdrawn_for_conflict'; facts: Record<string, never> }
  | { code: 'review_submitted'; facts: Record<string, never> }
  | { code: 'conflicts_not_declared'; facts: Record<string, never> }
  | { code: 'conflicts_already_declared'; facts: { conflictDeclared: boolean } }
  | { code: 'proposal_not_under_review'; facts: { stage: Stage } }
  | { code: 'review_round_closed'; facts: { round: number } };

export type ReviewRefusalCode = ReviewRefusal['code'];

const REVIEWABLE_STAGE: Stage = 'under_review';

/** Why the action is refused in this state, or null when it is allowed. */
export function reviewActionRefusal(state: ReviewState, action: ReviewAction): ReviewRefusal | null {
  if (state.earlierRound !== undefined)
    return { code: 'review_round_closed', facts: { round: state.earlierRound } };
  const withdrawn = state.status === 'declined_conflict' || state.conflictDeclared === true;
  if (action === 'unassign') {
    // A submitted review is part of the record of the decision; anything else may be taken back.
    return state.status === 'submitted' ? { code: 'review_submitted', facts: {} } : null;
  }
  if (action === 'declare_conflicts') {
    if (state.status === 'submitted') return { code: 'review_submitted', facts: {} };
    if (withdrawn || state.conflictDeclared !== null) {
      return { code: 'conflicts_already_declared', facts: { conflictDeclared: withdrawn } };
    }
  } else {
    if (withdrawn) return { code: 'withdrawn_for_conflict', facts: {} };
    if (state.status === 'submitted') return { code: 'review_submitted', facts: {} };
    if (state.conflictDeclared === null) return { code: 'conflicts_not_declared', facts: {} };
  }
  if (state.proposalStage !== REVIEWABLE_STAGE) {
    return { code: 'proposal_not_under_review', facts: { stage: state.proposalStage } };
  }
  return null;
}

/** Staff assign reviewers to a proposal while it is under review. */
export function assignmentRefusal(proposalStage: Stage): ReviewRefusal | null {
  return proposalStage === REVIEWABLE_STAGE
    ? null
    : { code: 'proposal_not_under_review', facts: { stage: proposalStage } };
}

export function describeReviewRefusal(refusal: ReviewRefusal): string {
  switch (refusal.code) {
    case 'withdrawn_for_conflict':
      return 'The reviewer declared a conflict of interest and is withdrawn from this proposal: the review can no longer be scored.';
    case 'review_submitted':
      return 'A submitted review is final: it can no longer change.';
    case 'conflicts_not_declared':
      return 'Declare conflicts of interest first: the proposal opens once the declaration is made.';
    case 'conflicts_already_declared':
      return refusal.facts.conflictDeclared
        ? 'A conflict of interest was already declared for this review.'
        : 'Conflicts of interest were already declared (none) for this review.';
    case 'proposal_not_under_review':
      return `The proposal is ${refusal.facts.stage.replace(/_/g, ' ')}, not under review: its reviews cannot change.`;
    case 'review_round_closed':
      return `Review round ${refusal.facts.round} is closed: its reviews stay as they were, for the record.`;
  }
}

/** What a reviewer has written so far. */
export interface ReviewContent {
  scores: Partial<Record<PrincipleId, number | null>>;
  justifications: Partial<Record<PrincipleId, string | null>>;
  recommendation: Recommendation | null;
}

export type SubmissionGap =
  | { code: 'score_missing'; facts: { principle: PrincipleId } }
  | { code: 'justification_missing'; facts: { principle: PrincipleId } }
  | { code: 'recommendation_missing'; facts: Record<string, never> };

/**
 * Everything still missing before the review can be submitted, in principle order: a score 0–4 and
 * a justification that is not blank for each of the five principles, and a recommendation.
 */
export function submissionGaps(content: ReviewContent): SubmissionGap[] {
  const gaps: SubmissionGap[] = [];
  for (const principle of PRINCIPLE_IDS) {
    if (!isScore(content.scores[principle])) gaps.push({ code: 'score_missing', facts: { principle } });
    const justification = content.justifications[principle];
    if (typeof justification !== 'string' || justification.trim() === '') {
      gaps.push({ code: 'justification_missing', facts: { principle } });
    }
  }
  if (content.recommendation === null) gaps.push({ code: 'recommendation_missing', facts: {} });
  return gaps;
}

export function describeSubmissionGap(gap: SubmissionGap): string {
  switch (gap.code) {
    case 'score_missing':
      return `${principleById(gap.facts.principle).title} has no score (0–4).`;
    case 'justification_missing':
      return `${principleById(gap.facts.principle).title} has no written justification.`;
    case 'recommendation_missing':
      return 'No recommendation (approve, revise or reject) is given.';
  }
}

/** A reviewer's declaration of conflicts of interest with the proposal. */
export interface ConflictDeclaration {
  declared: boolean;
  organizationIds: readonly string[];
  countries: readonly string[];
  note: string | null;
}

/** The organizations and recipient countries of the proposal, the only things a conflict can be with. */
export interface ProposalParties {
  organizationIds: readonly string[];
  countries: readonly string[];
}

export type ConflictDeclarationProblem =
  | { code: 'organization_not_in_proposal'; field: 'organizationIds'; facts: { organizationIds: string[] } }
  | { code: 'country_not_in_proposal'; field: 'countries'; facts: { countries: string[] } }
  | { code: 'conflict_without_subject'; field: 'declared'; facts: Record<string, never> }
  | {
      code: 'subject_without_conflict';
      field: 'organizationIds' | 'countries';
      facts: Record<string, never>;
    };

/**
 * A conflict is with an organization or a recipient country of the proposal (or explained in a note);
 * naming parties while declaring no conflict is contradictory.
 */
export function conflictDeclarationProblems(
  declaration: ConflictDeclaration,
  proposal: ProposalParties,
): ConflictDeclarationProblem[] {
  const problems: ConflictDeclarationProblem[] = [];
  const strangers = [...new Set(declaration.organizationIds)].filter(
    (id) => !proposal.organizationIds.includes(id),
  );
  if (strangers.length) {
    problems.push({
      code: 'organization_not_in_proposal',
      field: 'organizationIds',
      facts: { organizationIds: strangers },
    });
  }
  const elsewhere = [...new Set(declaration.countries)].filter((c) => !proposal.countries.includes(c));
  if (elsewhere.length) {
    problems.push({ code: 'country_not_in_proposal', field: 'countries', facts: { countries: elsewhere } });
  }
  const named = declaration.organizationIds.length > 0 || declaration.countries.length > 0;
  const noted = typeof declaration.note === 'string' && declaration.note.trim() !== '';
  if (declaration.declared && !named && !noted) {
    problems.push({ code: 'conflict_without_subject', field: 'declared', facts: {} });
  }
  if (!declaration.declared) {
    if (declaration.organizationIds.length) {
      problems.push({ code: 'subject_without_conflict', field: 'organizationIds', facts: {} });
    }
    if (declaration.countries.length) {
      problems.push({ code: 'subject_without_conflict', field: 'countries', facts: {} });
    }
  }
  return problems;
}

export function describeConflictDeclarationProblem(problem: ConflictDeclarationProblem): string {
  switch (problem.code) {
    case 'organization_not_in_proposal':
      return `names organizations that do not take part in the proposal: ${problem.facts.organizationIds.join(', ')}`;
    case 'country_not_in_proposal':
      return `names countries that are not recipients of the proposal: ${problem.facts.countries.join(', ')}`;
    case 'conflict_without_subject':
      return 'a declared conflict names the organizations or countries of the proposal it is with, or explains itself in a note';
    case 'subject_without_conflict':
      return 'can only be named when a conflict is declared (declared: true)';
  }
}

/**
 * Blind review: a reviewer sees the other reviews of a proposal, their scores and even their number,
 * only once their own review is submitted. `own` is the caller's review of the proposal, if any.
 */
export function seesOtherReviews(own: ReviewStatus | null): boolean {
  return own === 'submitted';
}
