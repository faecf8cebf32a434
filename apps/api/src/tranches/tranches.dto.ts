import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { TrancheStatus } from '@hstf/domain';
import { VersionRead } from '../common/concurrency/expected-version';
import { IsMoney } from '../common/money/money.decorators';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { IsCalendarDate, IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { Optional } from '../common/validation/optional';
import { OptionalText, RequiredText } from '../common/validation/text';

const REPORT_STATUSES = ['due', 'submitted', 'accepted', 'returned'] as const;

export class PlannedTrancheDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: 'United Nations Development Programme' }) organizationName: string;
  @ApiProperty({ format: 'date', example: '2026-09-30', description: 'When the tranche is planned to go' })
  plannedOn: string;
  @ApiProperty({ example: '150000.00', description: 'US dollars planned' })
  amountUsd: string;
  @ApiProperty({ example: 'On signature of the agreement', description: 'The release condition, in words' })
  condition: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The report of the project that must be accepted before the tranche is released',
  })
  requiresReportId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'the progress report 1 of HS-2026-0042' })
  requiresReportName: string | null;
  @ApiProperty({ nullable: true, enum: ['progress', 'final_narrative', 'final_financial'] })
  requiresReportKind: 'progress' | 'final_narrative' | 'final_financial' | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'The project year of a progress report' })
  requiresReportSequence: number | null;
  @ApiProperty({ nullable: true, enum: REPORT_STATUSES, description: "The required report's status" })
  requiresReportStatus: (typeof REPORT_STATUSES)[number] | null;
  @ApiProperty({
    enum: ['released', 'overdue', 'planned'],
    description:
      'released: a transfer (not reversed) was recorded against it; overdue: its date has passed ' +
      '(UTC day) without one; planned otherwise',
  })
  status: TrancheStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The transfer that released it' })
  releasedByTransferId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) releasedOn: string | null;
  @ApiProperty({ nullable: true, type: String, example: '150000.00' }) releasedAmountUsd: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PlannedTranchePage {
  @ApiProperty({ type: [PlannedTrancheDto] }) items: PlannedTrancheDto[];
  @NextCursor() nextCursor: string | null;
}

export class PlannedTrancheQuery extends PageQuery {
  @IsOptionalCalendarDate({ description: 'The day overdue is judged on (default: today, UTC)' })
  on?: string;
}

export class CreatePlannedTrancheRequest {
  @ApiProperty({ format: 'uuid', description: 'A participating organization of the project' })
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId: string;

  @IsCalendarDate({ example: '2026-09-30' })
  plannedOn: string;

  @IsMoney({
    description:
      "US dollars. With the organization's other planned tranches, at most its share of the approved budget",
  })
  amountUsd: string;

  @RequiredText({ max: 2000, example: 'On acceptance of the first progress report' })
  condition: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, required: false })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  requiresReportId?: string | null;
}

export class UpdatePlannedTrancheRequest {
  @VersionRead() version?: number;

  @ApiProperty({ format: 'uuid', required: false })
  @Optional()
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId?: string;

  @IsOptionalCalendarDate()
  plannedOn?: string;

  @IsMoney({ optional: true })
  amountUsd?: string;

  @OptionalText({ max: 2000 })
  condition?: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, required: false })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  requiresReportId?: string | null;
}
