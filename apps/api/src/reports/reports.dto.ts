import { REPORT_KINDS, REPORT_STATUSES } from '@hstf/domain';
import type { ReportKind, ReportStatus } from '@hstf/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { VersionRead } from '../common/concurrency/expected-version';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { Optional } from '../common/validation/optional';
import { OptionalText, RequiredText } from '../common/validation/text';

export class ReportDocumentDto {
  @ApiProperty({ example: 'Annual progress report 2026' }) title: string;
  @ApiProperty({
    example: 'HSU/2027/PR-0042',
    description: 'Where the document is kept: a file reference or a URL',
  })
  reference: string;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0042' }) projectCode: string;
  @ApiProperty({
    enum: REPORT_KINDS,
    description:
      'progress: the annual progress report of a project year; final_narrative: the final narrative report ' +
      'on the last period; final_financial: the certified final financial statement on the whole project',
  })
  kind: ReportKind;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'The project year of a progress report; 1 otherwise',
  })
  sequence: number;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({
    description: 'Due date passed (on the UTC calendar day) and the report is not in (due or returned)',
  })
  overdue: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) submittedById: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The staff member who accepted or returned it: never whoever submitted it',
  })
  reviewedById: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedByName: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The reviewer's comments" })
  comments: string | null;
  @ApiProperty({ type: [ReportDocumentDto] }) documents: ReportDocumentDto[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReportPage {
  @ApiProperty({ type: [ReportDto] }) items: ReportDto[];
  @NextCursor() nextCursor: string | null;
}

export class ReportQuery extends PageQuery {
  @IsOptionalCalendarDate({ description: 'The day overdue is judged on (default: today, UTC)' })
  on?: string;
}

export class ReportDocumentInput {
  @RequiredText({ max: 300, example: 'Annual progress report 2026' })
  title: string;

  @RequiredText({ max: 500, example: 'HSU/2027/PR-0042', description: 'A file reference or a URL' })
  reference: string;
}

export class SubmitReportRequest {
  @VersionRead()
  version?: number;

  @ApiProperty({ type: [ReportDocumentInput], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1, { message: 'must list at least one document' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReportDocumentInput)
  documents: ReportDocumentInput[];
}

export const REVIEW_OUTCOMES = ['accepted', 'returned'] as const;

export class ReviewReportRequest {
  @VersionRead()
  version?: number;

  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsIn(REVIEW_OUTCOMES, { message: 'must be accepted or returned' })
  outcome: (typeof REVIEW_OUTCOMES)[number];

  @OptionalText({
    max: 4000,
    nullable: true,
    description: 'Required to return a report: what the organization must change',
  })
  comments?: string | null;
}

export class ReportingSettingsDto {
  @ApiProperty({ type: 'integer', example: 3, description: "Months after a project year's end" })
  progressReportMonths: number;
  @ApiProperty({ type: 'integer', example: 3, description: "Months after the project's end" })
  finalNarrativeMonths: number;
  @ApiProperty({ type: 'integer', example: 6, description: "Months after the project's end" })
  finalFinancialMonths: number;
  @ApiProperty({ description: 'Where the terms come from' }) source: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const MONTHS = (description: string) =>
  ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 24, description });

export class UpdateReportingSettingsRequest {
  @VersionRead()
  version?: number;

  @MONTHS("Months after a project year's end that its progress report is due")
  @Optional()
  @IsInt({ message: 'must be a whole number of months' })
  @Min(0)
  @Max(24)
  progressReportMonths?: number;

  @MONTHS("Months after the project's end that the final narrative report is due")
  @Optional()
  @IsInt({ message: 'must be a whole number of months' })
  @Min(0)
  @Max(24)
  finalNarrativeMonths?: number;

  @MONTHS("Months after the project's end that the certified final financial statement is due")
  @Optional()
  @IsInt({ message: 'must be a whole number of months' })
  @Min(0)
  @Max(24)
  finalFinancialMonths?: number;

  @OptionalText({ max: 1000, description: 'Where the terms come from (a guideline, a decision)' })
  source?: string;
}

/** An alert: a report whose due date has passed and that is not in. */
export class OverdueReportDto {
  @ApiProperty({ enum: ['report_overdue'] }) code: 'report_overdue';
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0042' }) projectCode: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty({ type: 'integer' }) sequence: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: 'integer', example: 12 }) daysOverdue: number;
  @ApiProperty({ example: 'The progress report 1 of HS-2026-0042 was due on 2027-03-31.' }) message: string;
}

export class OverdueReportPage {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ type: 'integer', description: 'Every overdue report on the day, across all pages' })
  total: number;
  @ApiProperty({ type: [OverdueReportDto] }) items: OverdueReportDto[];
  @NextCursor() nextCursor: string | null;
}
