import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { OptionalText } from '../common/validation/text';
import { IsMoney } from '../common/money/money.decorators';
import { PageQuery } from '../common/pagination/pagination';
import { IsCalendarDate } from '../common/validation/calendar-date';

export class TransferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2015-0042' }) projectCode: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: 'United Nations Development Programme' }) organizationName: string;
  @ApiProperty({ example: '250000.00', description: 'US dollars' }) amountUsd: string;
  @ApiProperty({ format: 'date', example: '2024-03-31' }) transferredOn: string;
  @ApiProperty({ example: 1, description: "The transfer's number within its project: 1, 2, 3…" })
  tranche: number;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TransferPage {
  @ApiProperty({ type: [TransferDto] }) items: TransferDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TransferQuery extends PageQuery {
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
  @ApiProperty({ format: 'uuid', description: 'A project in stage approved, active or completed' })
  @IsUUID('all', { message: 'must be a UUID' })
  projectId: string;

  @ApiProperty({ format: 'uuid', description: 'A participating organization of the project' })
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId: string;

  @IsMoney({
    description: "US dollars; with the project's earlier transfers, at most its approved budget",
  })
  amountUsd: string;

  @IsCalendarDate({ example: '2024-03-31', moneyEvent: true })
  transferredOn: string;

  @OptionalText({ max: 200, nullable: true })
  reference?: string | null;
}
