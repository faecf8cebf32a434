import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { calibrateReviewers } from '@hstf/domain';
import type { ProposalReviews, ReviewInput } from '@hstf/domain';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { reviewInputOf, ReviewRow, SELECT_REVIEWS } from './review-rows';
import { ReviewerCalibrationDto, ReviewerDto, ReviewerQuery } from './reviewers.dto';

interface ReviewerRow {
  id: string;
  name: string;
  email: string;
  open_assignments: number;
  submitted_reviews: number;
}

@Injectable()
export class ReviewersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The active reviewer accounts by name, each with its workload, in one statement. Open means the
   * reviewer still has something to do: declare conflicts, or draft and submit, which the review
   * rules allow only while the proposal is under review; a withdrawal for a conflict is done.
   * Reviews of a soft-deleted project count for nothing, as they answer 404 elsewhere.
   */
  async list(query: ReviewerQuery): Promise<Page<ReviewerDto>> {
    const limit = limitOf(query);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`u.role = 'reviewer'`, `u.active`];
    if (query.q) {
      const pattern = param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(u.name, u.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<ReviewerRow[]>(
      `SELECT u.id, u.name, u.email,
              count(r.id) FILTER (WHERE r.status IN ('assigned', 'draft') AND p.stage = 'under_review')::int
                AS open_assignments,
              count(r.id) FILTER (WHERE r.status = 'submitted')::int AS submitted_reviews
       FROM users u
       LEFT JOIN (reviews r JOIN projects p ON p.id = r.project_id AND p.deleted_at IS NULL)
         ON r.reviewer_id = u.id
       WHERE ${where.join(' AND ')}
       GROUP BY u.id
       ORDER BY u.name, u.id
       LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.name, row.id]);
    return {
      ...page,
      items: page.items.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        openAssignments: row.open_assignments,
        submittedReviews: row.submitted_reviews,
      })),
    };
  }

  /**
   * Each reviewer's mean deviation from the panel, by libs/domain over every submitted review of a
   * live project, read in one statement.
   */
  async calibration(): Promise<ReviewerCalibrationDto[]> {
    const rows = await this.dataSource.query<ReviewRow[]>(
      `${SELECT_REVIEWS} WHERE r.status = 'submitted' ORDER BY r.project_id, r.created_at, r.id`,
    );
    const names = new Map<string, string>();
    const byProject = new Map<string, ReviewInput[]>();
    for (const row of rows) {
      names.set(row.reviewer_id, row.reviewer_name);
      const reviews = byProject.get(row.project_id) ?? [];
      reviews.push(reviewInputOf(row));
      byProject.set(row.project_id, reviews);
    }
    const proposals: ProposalReviews[] = [...byProject].map(([proposalId, reviews]) => ({
      proposalId,
      reviews,
    }));
    return calibrateReviewers(proposals).map((c) => ({
      reviewerId: c.reviewerId,
      reviewerName: names.get(c.reviewerId) ?? '',
      reviews: c.reviews,
      meanDeviation: c.meanDeviation,
    }));
  }
}
