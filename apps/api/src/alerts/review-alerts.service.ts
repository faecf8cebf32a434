import { Injectable } from '@nestjs/common';
import { describeReviewAlert, proposalWaiting, reviewOverdue } from '@hstf/domain';
import type { ReviewAlert } from '@hstf/domain';
import { decodeCursor, encodeCursor, limitOf } from '../common/pagination/pagination';
import { AlertsRepository, ReviewCandidateRow } from './alerts.repository';
import { ReviewAlertDto, ReviewAlertPage, ReviewAlertQuery } from './review-alerts.dto';

/**
 * Waiting too long (DESIGN.md §4.3): proposals under review beyond the configured days, reviews past
 * their due date. SQL narrows the portfolio to the candidates; libs/domain decides and says why.
 */
@Injectable()
export class ReviewAlertsService {
  constructor(private readonly alerts: AlertsRepository) {}

  async list(query: ReviewAlertQuery): Promise<ReviewAlertPage> {
    const on = query.on ?? new Date().toISOString().slice(0, 10);
    const limit = limitOf(query);
    const waitingDays = await this.alerts.reviewWaitingDays();
    const rows = await this.alerts.reviewCandidates(on, waitingDays, decodeCursor(query.cursor, 4), limit);
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

  private raise(row: ReviewCandidateRow, on: string, waitingDays: number): ReviewAlert | null {
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

function toDto(row: ReviewCandidateRow, alert: ReviewAlert): ReviewAlertDto {
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
