import { ApiProperty } from '@nestjs/swagger';
import { STAGES } from '@hstf/domain';
import type { Stage } from '@hstf/domain';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';

export const REVIEW_ALERT_CODES = ['proposal_review_waiting', 'review_overdue'] as const;

export class ReviewAlertQuery extends PageQuery {
  @IsOptionalCalendarDate({ description: 'The day to raise the alerts on (default: today, UTC)' })
  on?: string;
}

/** A proposal under review too long, or a review past its due date. */
export class ReviewAlertDto {
  @ApiProperty({ enum: REVIEW_ALERT_CODES }) code: (typeof REVIEW_ALERT_CODES)[number];
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0042' }) projectCode: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ example: 2, description: 'The review round concerned (the latest)' }) round: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'review_overdue: the review' })
  reviewId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'review_overdue: its reviewer' })
  reviewerName: string | null;
  @ApiProperty({
    format: 'date',
    example: '2026-03-31',
    description: 'review_overdue: the due date; proposal_review_waiting: the day the round opened',
  })
  since: string;
  @ApiProperty({ example: 12, description: 'Days overdue, or days under review' }) days: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts: Record<string, unknown>;
  @ApiProperty({ example: 'The review was due on 2026-03-31 and is 12 days overdue.' }) message: string;
}

export class ReviewAlertPage {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ example: 60, description: 'Days a proposal may stay under review (assessment settings)' })
  waitingDays: number;
  @ApiProperty({ type: [ReviewAlertDto] }) items: ReviewAlertDto[];
  @NextCursor() nextCursor: string | null;
}
