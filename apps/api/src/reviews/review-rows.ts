import { PRINCIPLE_IDS } from '@hstf/domain';
import type {
  PrincipleId,
  Recommendation,
  ReviewContent,
  ReviewInput,
  ReviewRound,
  ReviewStatus,
} from '@hstf/domain';
import type { RequestContext } from '../common/request-context/request-context';
import { dateOnly } from '../common/validation/calendar-date';
import type { Stage } from '../projects';
import type { ReviewRoundDto } from './assessment.dto';
import type { RoundRow, Timestamp } from './reviews.repository';
import type { ReviewDto, ReviewJustificationsDto, ReviewScoresDto } from './reviews.dto';

/** A review row with its reviewer's name and the proposal's code, title and stage (ReviewsRepository reads it). */
export interface ReviewRow {
  id: string;
  project_id: string;
  reviewer_id: string;
  assigned_by: string | null;
  round: number;
  due_on: string;
  status: ReviewStatus;
  conflict_declared: boolean | null;
  conflict_organization_ids: string[];
  conflict_countries: string[];
  conflict_note: string | null;
  declared_at: Timestamp | null;
  recommendation: Recommendation | null;
  submitted_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  reviewer_name: string;
  project_code: string;
  project_title: string;
  project_stage: Stage;
  /** The proposal's latest round, the one that counts. */
  latest_round: number;
  [column: `score_${string}` | `justification_${string}`]: unknown;
}

export const scoreColumn = (principle: PrincipleId) => `score_${principle}`;
export const justificationColumn = (principle: PrincipleId) => `justification_${principle}`;

/**
 * Who may see what a review says: its author always; anybody else (staff, admins, the other
 * reviewers who submitted theirs) only once it is submitted. Staff never see a draft.
 */
export function contentVisibleTo(ctx: RequestContext, row: Pick<ReviewRow, 'status' | 'reviewer_id'>) {
  return row.status === 'submitted' || row.reviewer_id === ctx.user?.id;
}

export function scoresOf(row: ReviewRow): ReviewScoresDto {
  const scores = {} as Record<PrincipleId, number | null>;
  for (const p of PRINCIPLE_IDS) {
    const value = row[`score_${p}`];
    scores[p] = value === null || value === undefined ? null : Number(value);
  }
  return scores;
}

export function justificationsOf(row: ReviewRow): ReviewJustificationsDto {
  const justifications = {} as Record<PrincipleId, string | null>;
  for (const p of PRINCIPLE_IDS) justifications[p] = (row[`justification_${p}`] as string | null) ?? null;
  return justifications;
}

export function contentOf(row: ReviewRow): ReviewContent {
  return { scores: scoresOf(row), justifications: justificationsOf(row), recommendation: row.recommendation };
}

/** The review as libs/domain's assessment reads it. */
export function reviewInputOf(row: ReviewRow): ReviewInput {
  return {
    reviewerId: row.reviewer_id,
    conflictDeclared: row.conflict_declared === true,
    status: row.status,
    scores: scoresOf(row),
    recommendation: row.recommendation,
  };
}

export function toReviewDto(row: ReviewRow, contentVisible: boolean): ReviewDto {
  return {
    id: row.id,
    projectId: row.project_id,
    projectCode: row.project_code,
    projectTitle: row.project_title,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    round: row.round,
    currentRound: row.round === row.latest_round,
    dueOn: dateOnly(row.due_on)!,
    status: row.status,
    conflict:
      row.conflict_declared === null || row.declared_at === null
        ? null
        : {
            declared: row.conflict_declared,
            organizationIds: row.conflict_organization_ids,
            countries: row.conflict_countries.map((c) => c.trim()),
            note: row.conflict_note,
            declaredAt: new Date(row.declared_at).toISOString(),
          },
    contentVisible,
    scores: contentVisible ? scoresOf(row) : null,
    justifications: contentVisible ? justificationsOf(row) : null,
    recommendation: contentVisible ? row.recommendation : null,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    assignedBy: row.assigned_by,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * What the audit log keeps of a review: the review as staff may read it. Audit entries are read by
 * staff, so a draft's scores and justifications stay out of them until the review is submitted.
 */
export function auditViewOf(row: ReviewRow): ReviewDto {
  return toReviewDto(row, row.status === 'submitted');
}

/** The rounds as libs/domain reads them. */
export function roundsOf(rows: readonly RoundRow[]): ReviewRound[] {
  return rows.map((row) => ({
    number: row.number,
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
  }));
}

/** A round as the API shows it; `latest` is the number of the round that counts. */
export function toRoundDto(row: RoundRow, latest: number | null): ReviewRoundDto {
  return {
    number: row.number,
    openedAt: new Date(row.opened_at).toISOString(),
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    counting: row.number === latest,
  };
}
