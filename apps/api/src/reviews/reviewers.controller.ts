import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access.decorators';
import { ReviewerCalibrationList, ReviewerPage, ReviewerQuery } from './reviewers.dto';
import { ReviewersService } from './reviewers.service';

/** The reviewers, for the staff who assign and moderate them. Reviewers and donors: 403. */
@ApiTags('reviewers')
@Controller('v1/reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Get()
  @ApiOperation({ summary: 'The reviewers, with their open and submitted reviews' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({
    type: ReviewerPage,
    description: 'The active reviewer accounts by name, with their open and submitted reviews',
  })
  list(@Query() query: ReviewerQuery): Promise<ReviewerPage> {
    return this.reviewers.list(query);
  }

  @Get('calibration')
  @ApiOperation({ summary: "Each reviewer's mean deviation from the panel mean" })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: ReviewerCalibrationList })
  async calibration(): Promise<ReviewerCalibrationList> {
    return { items: await this.reviewers.calibration() };
  }
}
