import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';
import {
  REVISION_DECISIONS,
  REVISION_KINDS,
  REVISION_STATUSES,
  type RevisionDecision,
  type RevisionKind,
  type RevisionStatus,
} from '@hstf/domain';
import { VersionRead } from '../common/concurrency/expected-version';
import { IsMoney } from '../common/money/money.decorators';
import { Optional } from '../common/validation/optional';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { RequiredText } from '../common/validation/text';
import { NextCursor } from '../common/pagination/pagination';

export class RevisionShareInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId: string;

  @IsMoney({ allowZero: true, description: "The organization's share of the requested budget" })
  budgetShare: string;
}

export class RevisionShareDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: 'United Nations Development Programme' }) organizationName: string;
  @ApiProperty({ example: '600000.00', description: "The organization's share of the requested budget" })
  budgetShare: string;
  @ApiProperty({
    example: '540000.00',
    description: 'Its part of the approved budget: the share applied pro rata, to the cent',
  })
  part: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Amina Diallo' }) name: string;
}

/**
 * A budget revision or a no-cost extension of an approved or active project: what it started from,
 * what it asks for, why, and the decision (by someone other than the requester).
 */
export class RevisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({
    enum: REVISION_KINDS,
    description:
      'budget: the approved budget or its split changes; extension: the end date moves (later, or earlier to shorten the project)',
  })
  kind: RevisionKind;
  @ApiProperty({ enum: REVISION_STATUSES }) status: RevisionStatus;
  @ApiProperty() justification: string;
  @ApiProperty({ nullable: true, type: String, example: '500000.00' }) previousApprovedBudget: string | null;
  @ApiProperty({ nullable: true, type: String, example: '550000.00' }) proposedApprovedBudget: string | null;
  @ApiProperty({ type: [RevisionShareDto], nullable: true }) previousShares: RevisionShareDto[] | null;
  @ApiProperty({ type: [RevisionShareDto], nullable: true }) proposedShares: RevisionShareDto[] | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) previousEndDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) proposedEndDate: string | null;
  @ApiProperty({ type: PersonDto }) requestedBy: PersonDto;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: PersonDto, nullable: true }) decidedBy: PersonDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionComment: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RevisionPage {
  @ApiProperty({ type: [RevisionDto] }) items: RevisionDto[];
  @NextCursor() nextCursor: string | null;
}

export class CreateRevisionRequest {
  @ApiProperty({ enum: REVISION_KINDS })
  @IsIn(REVISION_KINDS, { message: `must be one of ${REVISION_KINDS.join(', ')}` })
  kind: RevisionKind;

  @RequiredText({ max: 4000, example: 'A second drought season doubled the households in need.' })
  justification: string;

  @IsMoney({
    optional: true,
    allowZero: true,
    description: 'A budget revision: the approved budget asked for (a raise is checked against the Fund)',
  })
  approvedBudget?: string;

  @ApiPropertyOptional({
    type: [RevisionShareInput],
    description:
      'A budget revision: every participating organization once, with its share of the requested budget ' +
      '(the shares add up to the requested budget). Absent: the split stays as it is',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RevisionShareInput)
  shares?: RevisionShareInput[];

  @IsOptionalCalendarDate({
    description:
      'An extension: the new end date (each consent valid through a later one; an earlier one stays after the start, the latest transfer and every accepted report period)',
  })
  endDate?: string;
}

export class DecideRevisionRequest {
  @ApiProperty({ enum: REVISION_DECISIONS })
  @IsIn(REVISION_DECISIONS, { message: `must be one of ${REVISION_DECISIONS.join(', ')}` })
  decision: RevisionDecision;

  @RequiredText({ max: 4000, example: 'Within the available balance; the needs assessment supports it.' })
  comment: string;

  @VersionRead('The version of the request read; or send If-Match')
  version?: number;
}
