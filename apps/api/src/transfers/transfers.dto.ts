import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MONEY_ENTRY_KINDS, type MoneyEntryKind } from '@hstf/domain';
import { OptionalText, RequiredText } from '../common/validation/text';
import { IsMoney } from '../common/money/money.decorators';
import { ExportablePageQuery } from '../common/export/export-format';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { Optional } from '../common/validation/optional';
import { NextCursor } from '../common/pagination/pagination';

export class TransferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2015-0042' }) projectCode: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: 'United Nations Development Programme' }) organizationName: string;
  @ApiProperty({
    enum: MONEY_ENTRY_KINDS,
    description:
      'transfer: money sent to the organization; refund: money it returned to the Fund; reversal: the ' +
      'correction of the entry named by reversesId (entries are never changed or deleted)',
  })
  kind: MoneyEntryKind;
  @ApiProperty({ example: '250000.00', description: 'US dollars, always positive: the kind says which way' })
  amountUsd: string;
  @ApiProperty({ format: 'date', example: '2024-03-31', description: 'When the money moved' })
  transferredOn: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 1,
    description: "A transfer's number within its project: 1, 2, 3…; null for refunds and reversals",
  })
  tranche: number | null;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'A reversal: the entry it reverses',
  })
  reversesId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The reversal of this entry, if it was reversed',
  })
  reversedById: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A reversal: why the entry was wrong' })
  reason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'A transfer made although paragraph 6 did not hold on its date: the justification staff recorded ' +
      '(shown to admins and staff only)',
  })
  overrideJustification: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'A tranche conditional on a report: the report that had to be accepted before it was released',
  })
  requiresReportId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The planned tranche this transfer released, if it was recorded against one',
  })
  plannedTrancheId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TransferPage {
  @ApiProperty({ type: [TransferDto] }) items: TransferDto[];
  @NextCursor() nextCursor: string | null;
}

export class TransferQuery extends ExportablePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Transferred in this year', example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2024' })
  @Min(1900)
  @Max(2999)
  year?: number;
}

export class CreateTransferRequest {
  @ApiPropertyOptional({
    enum: ['transfer', 'refund'],
    description:
      'transfer (when absent): money sent to the organization; refund: money it returns to the Fund',
  })
  @IsOptional()
  @IsIn(['transfer', 'refund'], { message: 'must be transfer or refund' })
  kind?: 'transfer' | 'refund';

  @ApiProperty({
    format: 'uuid',
    description:
      'A transfer: a project in stage approved or active. A refund: a project that reached approval',
  })
  @IsUUID('all', { message: 'must be a UUID' })
  projectId: string;

  @ApiProperty({ format: 'uuid', description: 'A participating organization of the project' })
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId: string;

  @IsMoney({
    description:
      "US dollars. A transfer: with the organization's earlier transfers, at most its share of the " +
      'approved budget (its budget share × approved ÷ requested), and in total at most the approved ' +
      'budget. A refund: at most what the organization was sent and has not returned',
  })
  amountUsd: string;

  @IsCalendarDate({ example: '2024-03-31', moneyEvent: true })
  transferredOn: string;

  @OptionalText({ max: 200, nullable: true })
  reference?: string | null;

  @OptionalText({
    max: 2000,
    nullable: true,
    description:
      'A transfer while paragraph 6 does not hold for the project on its date is refused unless staff ' +
      'record why it must go ahead; the justification is kept with the transfer and in the audit log',
  })
  overrideJustification?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'A tranche conditional on a report of the project: refused (422, tranche-report-not-accepted) until ' +
      'that report is accepted',
  })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  requiresReportId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      "A planned tranche of the project this transfer releases: for the same organization, not yet released; the tranche's report condition applies",
  })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  plannedTrancheId?: string | null;
}

export class ReverseTransferRequest {
  @IsCalendarDate({ example: '2024-04-02', moneyEvent: true })
  transferredOn: string;

  @RequiredText({ max: 2000, example: 'Sent to the wrong organization; corrected by tranche 3.' })
  reason: string;

  @OptionalText({ max: 200, nullable: true })
  reference?: string | null;
}
