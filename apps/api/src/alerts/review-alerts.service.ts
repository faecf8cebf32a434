import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { describeReviewAlert, proposalWaiting, reviewOverdue } from '@hstf/domain';
import type { ReviewAlert, ReviewStatus, Stage } from '@hstf/domain';
import { decodeCursor, encodeCursor, limitOf } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import { ReviewAlertDto, ReviewAlertPage, ReviewAlertQuery } from './review-alerts.dto';

interface CandidateRow {
  code: ReviewAlert['code'];
  project_id: string;
  project_code: string;
  project_title: string;
  stage: Stage;
  round: number;
  review_id: string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  status: ReviewStatus | null;
  /** The due date, or the day the round opened. */
  since: string;
  /** The key after the code: the review id, or '' for the proposal's own alert. */
  key: string;
}

/**
 * The candidates on `$1`, waiting beyond `$2` days: a superset of what libs/domain raises (exactly it,
 * as the conditions are the same), in keyset order (project code, project id, alert code, review).
 * The latest round is the one that counts; a proposal under review without a round is judged from
 * its last move into review.
 */
const CANDIDATES = `
  WITH latest AS (
    SELECT p.id, p.code, p.title, p.stage, rr.number AS round,
           coalesce((rr.opened_at AT TIME ZONE 'UTC')::date,
                    (SELECT max(t.decided_on) FROM project_transitions t
                      WHERE t.project_id = p.id AND t.to_stage = 'under_review')) AS opened_on
    FROM projects p
    LEFT JOIN LATERAL (SELECT number, opened_at FROM review_rounds
                       WHERE project_id = p.id ORDER BY number DESC LIMIT 1) rr ON true
    WHERE p.deleted_at IS NULL AND p.stage = 'under_review'
  ), raised AS (
    SELECT 'proposal_review_waiting' AS code, l.id AS project_id, l.code AS project_code,
           l.title AS project_title, l.stage, coalesce(l.round, 1) AS round, NULL::uuid AS review_id,
           NULL::uuid AS reviewer_id, NULL::text AS reviewer_name, NULL::text AS status,
           l.opened_on::text AS since, '' AS key
    FROM latest l WHERE l.opened_on < $1::date - $2::int
    UNION ALL
    SELECT 'review_overdue', l.id, l.code, l.title, l.stage, r.round, r.id, r.reviewer_id, u.name,
           r.status, r.due_on::text, r.id::text
    FROM latest l
    JOIN reviews r ON r.project_id = l.id AND r.round = l.round
    JOIN users u ON u.id = r.reviewer_id
    WHERE r.status IN ('assigned', 'draft') AND r.due_on < $1::date
  )
  SELECT * FROM raised`;

/**
 * Waiting too long (DESIGN.md §4.3): proposals under review beyond the configured days, reviews past
 * their due date. SQL narrows the portfolio to the candidates; libs/domain decides and says why.
 */
@Injectable()
export class ReviewAlertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ReviewAlertQuery): Promise<ReviewAlertPage> {
    const on = query.on ?? new Date().toISOString().slice(0, 10);
    const limit = limitOf(query);
    const [settings] = await preparedQuery<{ review_waiting_days: number }>(
      this.dataSource,
      `SELECT review_waiting_days FROM assessment_settings WHERE id`,
    );
    const waitingDays = settings!.review_waiting_days;
    const params: unknown[] = [on, waitingDays];
    const param = (value: unknown) => `$${params.push(value)}`;
    const cursor = decodeCursor(query.cursor, 4);
    const keyset = cursor
      ? `WHERE (project_code, project_id, code, key) > (${param(cursor[0])}, ${param(cursor[1])}::uuid, ${param(cursor[2])}, ${param(cursor[3])})`
      : '';
    const rows = await preparedQuery<CandidateRow>(
      this.dataSource,
      `SELECT * FROM (${CANDIDATES}) c ${keyset}
       ORDER BY project_code, project_id, code, key LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      on,
      waitingDays,
      items: page.flatMap((row) => {
        const alert = this.raise(row, on, waitingDays);
        return alert ? [toDto(row, alert)] : [];
      }),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.project_code, last.project_id, last.code, last.key])
          : null,
    };
  }

  private raise(row: CandidateRow, on: string, waitingDays: number): ReviewAlert | null {
    if (row.code === 'review_overdue') {
      return reviewOverdue(
        {
          reviewId: row.review_id!,
          projectId: row.project_id,
          reviewerId: row.reviewer_id!,
          status: row.status!,
          dueOn: row.since,
          stage: row.stage,
          currentRound: true,
        },
        on,
      );
    }
    return proposalWaiting(
      { projectId: row.project_id, stage: row.stage, round: row.round, underReviewSince: row.since },
      on,
      waitingDays,
    );
  }
}

function toDto(row: CandidateRow, alert: ReviewAlert): ReviewAlertDto {
  return {
    code: alert.code,
    projectId: row.project_id,
    projectCode: row.project_code,
    projectTitle: row.project_title,
    stage: row.stage,
    round: row.round,
    reviewId: row.review_id,
    reviewerName: row.reviewer_name,
    since: row.since,
    days: alert.code === 'review_overdue' ? alert.facts.daysOverdue : alert.facts.daysWaiting,
    facts: alert.facts,
    message: describeReviewAlert(alert),
  };
}
