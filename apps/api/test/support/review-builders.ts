import { PRINCIPLE_IDS } from '@hstf/domain';
import type { PrincipleId, Recommendation } from '@hstf/domain';
import type { TestApp } from './test-app';

/** Scores in principle order: people-centred, comprehensive, context-specific, prevention, protection. */
export type FiveScores = [number, number, number, number, number];

/** Where a review stands: assigned (not declared), open (declared no conflict), draft, submitted, conflict. */
export type ReviewState = 'assigned' | 'open' | 'draft' | 'submitted' | 'declined_conflict';

export interface BuiltReview {
  id: string;
  projectId: string;
  reviewerId: string;
  version: number;
}

export const scoresBody = (scores: FiveScores): Record<PrincipleId, number> =>
  Object.fromEntries(PRINCIPLE_IDS.map((p, i) => [p, scores[i]])) as Record<PrincipleId, number>;

export const justificationsBody = (text = 'Evidence read in the narrative and the indicators.') =>
  Object.fromEntries(PRINCIPLE_IDS.map((p) => [p, `${p}: ${text}`])) as Record<PrincipleId, string>;

/** A complete draft, as a reviewer would PATCH it. */
export const aCompleteDraft = (
  scores: FiveScores = [3, 3, 3, 3, 3],
  recommendation: Recommendation = 'approve',
) => ({
  scores: scoresBody(scores),
  justifications: justificationsBody(),
  recommendation,
});

/**
 * A review inserted directly (no audit entry), in the state asked for. Drafts and submitted reviews
 * carry the scores given (a draft may leave them out), a justification per principle and the
 * recommendation.
 */
export async function aReview(
  t: TestApp,
  projectId: string,
  reviewerId: string,
  state: ReviewState = 'assigned',
  options: { scores?: FiveScores | null; recommendation?: Recommendation | null } = {},
): Promise<BuiltReview> {
  const declared = state === 'assigned' ? null : state === 'declined_conflict';
  const written = state === 'draft' || state === 'submitted';
  const scores = written ? (options.scores === undefined ? [3, 3, 3, 3, 3] : options.scores) : null;
  const recommendation = written
    ? options.recommendation === undefined
      ? 'approve'
      : options.recommendation
    : null;
  const status = state === 'open' ? 'assigned' : state;
  const columns: Record<string, unknown> = {
    project_id: projectId,
    reviewer_id: reviewerId,
    status,
    conflict_declared: declared,
    declared_at: declared === null ? null : new Date(),
    recommendation,
    submitted_at: state === 'submitted' ? new Date() : null,
  };
  for (const [i, p] of PRINCIPLE_IDS.entries()) {
    columns[`score_${p}`] = scores ? scores[i] : null;
    columns[`justification_${p}`] = scores ? `Why ${p} scores ${scores[i]}.` : null;
  }
  const names = Object.keys(columns);
  const { rows } = await t.db.query<{ id: string; version: number }>(
    `INSERT INTO reviews (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
     RETURNING id, version`,
    Object.values(columns),
  );
  return { id: rows[0]!.id, projectId, reviewerId, version: rows[0]!.version };
}

/** The review's row as stored, to check that a refused change left it untouched. */
export async function reviewRow(t: TestApp, id: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await t.db.query<Record<string, unknown>>(`SELECT * FROM reviews WHERE id = $1`, [id]);
  return rows[0];
}

/** A moderation note inserted directly. */
export async function aModerationNote(
  t: TestApp,
  projectId: string,
  principle: PrincipleId,
  note = 'The panel discussed the disagreement; the lower score reflects a gap that the revision closes.',
): Promise<{ id: string; version: number }> {
  const { rows } = await t.db.query<{ id: string; version: number }>(
    `INSERT INTO moderation_notes (project_id, principle, note) VALUES ($1, $2, $3) RETURNING id, version`,
    [projectId, principle, note],
  );
  return rows[0]!;
}
