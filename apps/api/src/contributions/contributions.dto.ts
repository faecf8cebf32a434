import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { type DecimalShape, IsMoney } from '../common/money/money.decorators';
import { Optional } from '../common/validation/optional';
import { OptionalText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { ExportablePageQuery } from '../common/export/export-format';
import { IsCalendarDate, IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { CONTRIBUTION_STATUSES, type ContributionStatus, CURRENCIES } from './contribution-rules';
import { NextCursor } from '../common/pagination/pagination';

/** numeric(18,8): up to 10 digits before the point, 8 after. */
export const EXCHANGE_RATE: DecimalShape = { integerDigits: 10, decimals: 8, example: '0.00712500' };

const STATUS_MESSAGE = `must be one of ${CONTRIBUTION_STATUSES.join(', ')}`;
const CURRENCY_MESSAGE = 'must be an ISO 4217 currency code in use, such as "EUR"';

const DONOR_COUNTRY = {
  example: 'JPN',
  nullable: true,
  type: String,
  description: "A Member State donor: its country (alpha-3), so it can be named in the reader's language",
} as const;
const RATE_DESCRIPTION = 'US dollars per unit of the currency (1 for USD), at most 8 decimals';
const USD_DESCRIPTION = 'amount × exchangeRate, rounded to the cent (half up)';
const RECEIVED_ON_DESCRIPTION = 'Set exactly when the status is received; on or after pledgedOn';

export class ContributionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty({ example: 'Japan' }) donorName: string;
  @ApiProperty(DONOR_COUNTRY) donorCountryIso3: string | null;
  @ApiProperty({ format: 'date', example: '2024-03-31' }) pledgedOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) receivedOn: string | null;
  @ApiProperty({ example: '500000000.00', description: 'In the contribution currency' }) amount: string;
  @ApiProperty({ example: 'JPY', description: 'ISO 4217' }) currency: string;
  @ApiProperty({ example: '3562500.00', description: USD_DESCRIPTION }) usdAmount: string;
  @ApiProperty({ example: '0.00712500', description: RATE_DESCRIPTION }) exchangeRate: string;
  @ApiProperty({ enum: CONTRIBUTION_STATUSES }) status: ContributionStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Null when not earmarked' }) earmarking:
    string | null;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ description: 'Illustrative demo data, not a real figure of the Fund' })
  illustrative: boolean;
  @ApiProperty({
    example: '250000000.00',
    description: 'Σ receipts − Σ reversals, in the contribution currency',
  })
  receivedAmount: string;
  @ApiProperty({
    example: '1750000.00',
    description: "The same in USD at each receipt's rate: what the Fund's ledger counts (0 once cancelled)",
  })
  receivedUsd: string;
  @ApiProperty({ example: '250000000.00', description: 'amount − receivedAmount, never below zero' })
  outstanding: string;
  @ApiProperty({
    example: '-31250.00',
    description:
      "Σ receipts' USD − their amount at the pledge's rate: the Fund's exchange gain (+) or loss (−)",
  })
  exchangeDifference: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ContributionPage {
  @ApiProperty({ type: [ContributionDto] }) items: ContributionDto[];
  @NextCursor() nextCursor: string | null;
}

export class ContributionQuery extends ExportablePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  donorId?: string;

  @ApiPropertyOptional({ enum: CONTRIBUTION_STATUSES })
  @IsOptional()
  @IsIn(CONTRIBUTION_STATUSES, { message: STATUS_MESSAGE })
  status?: ContributionStatus;

  @ApiPropertyOptional({ type: 'integer', description: 'Pledged in this year or later', example: 2007 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2007' })
  @Min(1900)
  @Max(2999)
  fromYear?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Pledged in this year or earlier', example: 2011 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2011' })
  @Min(1900)
  @Max(2999)
  toYear?: number;
}

export class ContributionTotalsQuery {
  @ApiPropertyOptional({ type: 'integer', example: 2007 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2007' })
  @Min(1900)
  @Max(2999)
  fromYear?: number;

  @ApiPropertyOptional({ type: 'integer', example: 2011 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2011' })
  @Min(1900)
  @Max(2999)
  toYear?: number;
}

export class ContributionTotalDto {
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty({ example: 'Japan' }) donorName: string;
  @ApiProperty(DONOR_COUNTRY) donorCountryIso3: string | null;
  @ApiProperty({ type: 'integer', example: 2007 }) year: number;
  @ApiProperty({
    example: '5000000.00',
    description: 'Σ pledges made in this year and not cancelled, each at its own rate (its usdAmount)',
  })
  pledgedUsd: string;
  @ApiProperty({
    example: '4000000.00',
    description:
      "Σ receipts dated in this year − Σ their reversals, in USD at each receipt's rate, of pledges not cancelled",
  })
  receivedUsd: string;
  @ApiProperty({
    example: '1000000.00',
    description:
      "Of the pledges made in this year and not cancelled, what is still to be paid (pledge less net receipts, in its currency, never below zero) at each pledge's rate",
  })
  outstandingUsd: string;
}

export class ContributionTotals {
  @ApiProperty({ type: [ContributionTotalDto] }) items: ContributionTotalDto[];
}

export class CreateContributionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  donorId: string;

  @IsCalendarDate({ example: '2024-03-31', moneyEvent: true })
  pledgedOn: string;

  @IsOptionalCalendarDate({ nullable: true, moneyEvent: true, description: RECEIVED_ON_DESCRIPTION })
  receivedOn?: string | null;

  @IsMoney({ max: null, description: 'In the contribution currency, at most 2 decimals' })
  amount: string;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217' })
  @IsIn([...CURRENCIES], { message: CURRENCY_MESSAGE })
  currency: string;

  @IsMoney({ description: USD_DESCRIPTION })
  usdAmount: string;

  @IsMoney({ shape: EXCHANGE_RATE, description: RATE_DESCRIPTION })
  exchangeRate: string;

  @ApiProperty({ enum: CONTRIBUTION_STATUSES })
  @IsIn(CONTRIBUTION_STATUSES, { message: STATUS_MESSAGE })
  status: ContributionStatus;

  @OptionalText({ max: 2000, nullable: true, description: 'A note on the earmarking; null for none' })
  earmarking?: string | null;

  @OptionalText({ max: 200, nullable: true, example: 'UNTFHS/2024/JPN-01' })
  reference?: string | null;
}

export class UpdateContributionRequest {
  @VersionRead()
  version?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a UUID' })
  donorId?: string;

  @IsOptionalCalendarDate({ moneyEvent: true })
  pledgedOn?: string;

  @IsOptionalCalendarDate({ nullable: true, moneyEvent: true, description: RECEIVED_ON_DESCRIPTION })
  receivedOn?: string | null;

  @IsMoney({ optional: true, max: null, description: 'In the contribution currency, at most 2 decimals' })
  amount?: string;

  @ApiPropertyOptional({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217' })
  @Optional()
  @IsIn([...CURRENCIES], { message: CURRENCY_MESSAGE })
  currency?: string;

  @IsMoney({ optional: true, description: USD_DESCRIPTION })
  usdAmount?: string;

  @IsMoney({ optional: true, shape: EXCHANGE_RATE, description: RATE_DESCRIPTION })
  exchangeRate?: string;

  @ApiPropertyOptional({ enum: CONTRIBUTION_STATUSES })
  @Optional()
  @IsIn(CONTRIBUTION_STATUSES, { message: STATUS_MESSAGE })
  status?: ContributionStatus;

  @OptionalText({ max: 2000, nullable: true })
  earmarking?: string | null;

  @OptionalText({ max: 200, nullable: true })
  reference?: string | null;
}
