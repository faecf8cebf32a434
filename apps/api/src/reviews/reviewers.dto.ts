import { ApiProperty } from '@nestjs/swagger';
import { OptionalText } from '../common/validation/text';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { ExactMeanDto } from './assessment.dto';

/** An active reviewer account, with the workload staff weigh when they choose whom to assign. */
export class ReviewerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({
    example: 2,
    description:
      'Reviews still to do: assigned or in draft, on proposals under review (withdrawals for a conflict are not counted)',
  })
  openAssignments: number;
  @ApiProperty({ example: 5, description: 'Reviews submitted, on proposals not deleted' })
  submittedReviews: number;
}

export class ReviewerPage {
  @ApiProperty({ type: [ReviewerDto] }) items: ReviewerDto[];
  @NextCursor() nextCursor: string | null;
}

export class ReviewerQuery extends PageQuery {
  @OptionalText({ max: 100, min: 0, description: 'Part of the name or email (case-insensitive)' })
  q?: string;
}

export class ReviewerCalibrationDto {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty({ example: 'Kenji Watanabe' }) reviewerName: string;
  @ApiProperty({ description: 'Counted reviews on proposals with a panel of two or more', example: 7 })
  reviews: number;
  @ApiProperty({
    type: ExactMeanDto,
    description: 'Signed mean of (score − panel mean): positive scores more generously than the panel',
  })
  meanDeviation: ExactMeanDto;
}

export class ReviewerCalibrationList {
  @ApiProperty({
    enum: ['latest'],
    example: 'latest',
    description: "The rounds measured: each proposal's latest review round; earlier rounds never count",
  })
  round: 'latest';
  @ApiProperty({ type: [ReviewerCalibrationDto] }) items: ReviewerCalibrationDto[];
}
