import { STAGES } from '@hstf/domain';
import type { Stage } from '@hstf/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalText, RequiredText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { NextCursor } from '../common/pagination/pagination';

const STAFF_ONLY = 'Staff and admin only: never sent to donors.';

export class TransitionRequest {
  @ApiProperty({ enum: STAGES, description: 'The stage to move the project to' })
  @IsIn(STAGES, { message: `must be one of ${STAGES.join(', ')}` })
  to: Stage;

  @RequiredText({ max: 5000, example: 'Approved by the Programme Review Committee on 12 March.' })
  note: string;

  @OptionalText({
    max: 2000,
    example: 'The Government of Kenya withdrew its consent on 2 March pending a review of the project sites.',
    description:
      'Why the project is suspended: required for a move to suspended, and accepted for no other move. ' +
      'Kept in the decision evidence and shown in the history.',
  })
  reason?: string;

  @IsOptionalCalendarDate({
    description:
      'The date of the decision (default: today, UTC); paragraph 6 is judged on it. Not in the future, ' +
      'and not before the previous decision.',
  })
  decidedOn?: string;

  @VersionRead('The version of the project read; or send If-Match')
  version?: number;
}

/** A failed gate of the lifecycle: a stable code, its facts and an English sentence. */
export class TransitionFailureDto {
  @ApiProperty({ example: 'approved_budget_exceeds_available_balance' }) code: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts: Record<string, unknown>;
  @ApiProperty({
    example:
      "The approved budget of US$1,000,000.00 exceeds the Fund's available balance of US$400,000.00 by US$600,000.00.",
  })
  message: string;
}

/** One move of the project's lifecycle, as kept in its history. */
export class TransitionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: STAGES }) from: Stage;
  @ApiProperty({ enum: STAGES }) to: Stage;
  @ApiProperty({ format: 'date', example: '2026-03-12' }) decidedOn: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-12T14:05:00.000Z' }) occurredAt: string;
  @ApiPropertyOptional({ description: STAFF_ONLY, example: 'Approved by the Advisory Board on 12 March.' })
  note?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: STAFF_ONLY })
  actorId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY }) actorName?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: `The facts the gate was checked on (paragraph 6, the assessment, the balance…). ${STAFF_ONLY}`,
  })
  evidence?: Record<string, unknown> | null;
}

export class TransitionPage {
  @ApiProperty({ type: [TransitionDto] }) items: TransitionDto[];
  @NextCursor() nextCursor: string | null;
}

export class TransitionResultDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: STAGES, description: 'The stage now' }) stage: Stage;
  @ApiProperty({ description: 'The version of the project now', example: 8 }) version: number;
  @ApiProperty({ type: TransitionDto }) transition: TransitionDto;
}

export class TransitionOptionDto {
  @ApiProperty({ enum: STAGES }) to: Stage;
  @ApiProperty({ description: 'Whether the move would be accepted now', example: false }) allowed: boolean;
  @ApiProperty({ type: [TransitionFailureDto], description: 'Every gate that fails now' })
  failures: TransitionFailureDto[];
}

export class TransitionOptionsDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty() version: number;
  @ApiProperty({
    format: 'date',
    description: 'The date the gates were checked on (today, UTC)',
    example: '2026-03-31',
  })
  on: string;
  @ApiProperty({ type: [TransitionOptionDto], description: 'Every move open from the current stage' })
  options: TransitionOptionDto[];
}
