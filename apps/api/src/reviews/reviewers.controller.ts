import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReviewerCalibrationList, ReviewerPage, ReviewerQuery } from './reviewers.dto';
import { ReviewersService } from './reviewers.service';
import { ReadRoute } from '../common/routes/route.decorators';

/** The reviewers, for the staff who assign and moderate them. Reviewers and donors: 403. */
@ApiTags('reviewers')
@Controller('v1/reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @ReadRoute(ReviewerPage, {
    summary: 'The reviewers, with their open and submitted reviews',
    roles: ['admin', 'staff'],
    description: 'The active reviewer accounts by name, with their open and submitted reviews',
  })
  list(@Query() query: ReviewerQuery): Promise<ReviewerPage> {
    return this.reviewers.list(query);
  }

  @ReadRoute(ReviewerCalibrationList, {
    path: 'calibration',
    summary: "Each reviewer's mean deviation from the panel mean",
    roles: ['admin', 'staff'],
  })
  async calibration(): Promise<ReviewerCalibrationList> {
    return { round: 'latest', items: await this.reviewers.calibration() };
  }
}
