import { Injectable } from '@nestjs/common';
import { calibrateReviewers, roundCounts } from '@hstf/domain';
import type { ProposalReviews, ReviewInput } from '@hstf/domain';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { reviewInputOf } from './review-rows';
import { ReviewerCalibrationDto, ReviewerDto, ReviewerQuery } from './reviewers.dto';
import { ReviewsRepository, toReviewerDto } from './reviews.repository';

@Injectable()
export class ReviewersService {
  constructor(private readonly repository: ReviewsRepository) {}

  /** The active reviewer accounts by name, each with its workload, in one statement. */
  async list(query: ReviewerQuery): Promise<Page<ReviewerDto>> {
    const rows = await this.repository.reviewers(query, limitOf(query));
    return pageOf(rows, query, (row) => [row.name, row.id], toReviewerDto);
  }

  /**
   * Each reviewer's mean deviation from the panel, by libs/domain over the submitted reviews of the
   * latest round of each live project (earlier rounds never count), read in one statement.
   */
  async calibration(): Promise<ReviewerCalibrationDto[]> {
    const rows = await this.repository.submitted();
    const names = new Map<string, string>();
    const byProject = new Map<string, ReviewInput[]>();
    for (const row of rows) {
      if (!roundCounts(row.round, row.rounds)) continue;
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
