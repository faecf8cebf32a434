import {
  HUMAN_SECURITY_DIMENSIONS,
  PRINCIPLE_IDS,
  REPORT_KINDS,
  REPORT_STATUSES,
  SEXES,
  VULNERABLE_GROUPS,
} from '@hstf/domain';
import type { PrincipleId, ReportKind, ReportStatus, Sex, VulnerableGroup } from '@hstf/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VersionRead } from '../common/concurrency/expected-version';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { Optional } from '../common/validation/optional';
import { OptionalText, RequiredText } from '../common/validation/text';

const NUMBER = { maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false };
const NUMBER_MESSAGE = { message: 'must be a number with at most four decimals' };
const LIMIT = 1e13;

/** A measured value: finite, at most four decimals, within ±10^13. */
function Measure(description: string, required = true): PropertyDecorator {
  return (target, key) => {
    (required ? ApiProperty : ApiPropertyOptional)({ type: Number, description, example: 1200 })(target, key);
    if (!required) Optional()(target, key);
    IsNumber(NUMBER, NUMBER_MESSAGE)(target, key);
    Min(-LIMIT)(target, key);
    Max(LIMIT)(target, key);
  };
}

export class IndicatorBreakdownDto {
  @ApiProperty({ description: 'Actual values are broken down by sex (female, male)' })
  @IsBoolean()
  bySex: boolean;

  @ApiProperty({
    type: [String],
    example: ['0-17', '18-59', '60+'],
    description: 'Age groups the actual values are broken down by; empty for none',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'must not repeat an age group' })
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(20, { each: true })
  ageGroups: string[];
}

export class BreakdownCellDto {
  @ApiPropertyOptional({ enum: SEXES, nullable: true })
  @Optional({ nullable: true })
  @IsIn(SEXES, { message: 'must be female or male' })
  sex?: Sex | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0-17' })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(20)
  ageGroup?: string | null;

  @Measure('The value of this cell')
  value: number;
}

export class ActualDto {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ enum: REPORT_KINDS }) reportKind: ReportKind;
  @ApiProperty({ type: 'integer' }) reportSequence: number;
  @ApiProperty({ enum: REPORT_STATUSES }) reportStatus: ReportStatus;
  @ApiProperty({ format: 'date', example: '2025-12-31' }) periodEnd: string;
  @ApiProperty({ type: Number, example: 1250 }) value: number;
  @ApiProperty({ type: [BreakdownCellDto] }) breakdown: BreakdownCellDto[];
}

export class ResultIndicatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) outcomeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) outputId: string | null;
  @ApiProperty({ example: 'Households with an early-warning plan' }) name: string;
  @ApiProperty({ example: 'households' }) unit: string;
  @ApiProperty({ type: Number }) baseline: number;
  @ApiProperty({ type: Number }) target: number;
  @ApiProperty({ type: IndicatorBreakdownDto }) breakdown: IndicatorBreakdownDto;
  @ApiProperty({
    type: ActualDto,
    nullable: true,
    description: 'The actual of the latest report submitted or accepted that records one (by period end)',
  })
  actual: ActualDto | null;
  @ApiProperty() version: number;
}

export class OutputDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid' }) outcomeId: string;
  @ApiProperty({ example: 'Water points rehabilitated and run by village committees' }) title: string;
  @ApiProperty({ type: [ResultIndicatorDto] }) indicators: ResultIndicatorDto[];
  @ApiProperty() version: number;
}

export class OutcomeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'Households withstand a failed rainy season without selling livestock' })
  title: string;
  @ApiProperty({
    enum: PRINCIPLE_IDS,
    nullable: true,
    description: 'The principle of the human security approach the outcome chiefly advances',
  })
  principle: PrincipleId | null;
  @ApiProperty({ type: [ResultIndicatorDto] }) indicators: ResultIndicatorDto[];
  @ApiProperty({ type: [OutputDto] }) outputs: OutputDto[];
  @ApiProperty() version: number;
}

export class GroupReachDto {
  @ApiProperty({ enum: VULNERABLE_GROUPS }) group: VulnerableGroup;
  @ApiProperty({ description: 'Named among the groups the project targets', example: true })
  targeted: boolean;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Reached in the reports submitted or accepted',
  })
  reached: number | null;
}

export class ProjectResultsDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 24000 }) targetBeneficiaries: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'People reached, summed over the periods of the reports submitted or accepted',
  })
  peopleReached: number | null;
  @ApiProperty({ type: [GroupReachDto] }) groups: GroupReachDto[];
  @ApiProperty({ type: [OutcomeDto] }) outcomes: OutcomeDto[];
}

export class CreateOutcomeRequest {
  @RequiredText({ max: 500, example: 'Communities anticipate and withstand drought' })
  title: string;

  @ApiPropertyOptional({ enum: PRINCIPLE_IDS, nullable: true })
  @Optional({ nullable: true })
  @IsIn(PRINCIPLE_IDS, { message: `must be one of ${PRINCIPLE_IDS.join(', ')}` })
  principle?: PrincipleId | null;
}

export class UpdateOutcomeRequest {
  @VersionRead()
  version?: number;

  @OptionalText({ max: 500 })
  title?: string;

  @ApiPropertyOptional({ enum: PRINCIPLE_IDS, nullable: true })
  @Optional({ nullable: true })
  @IsIn(PRINCIPLE_IDS, { message: `must be one of ${PRINCIPLE_IDS.join(', ')}` })
  principle?: PrincipleId | null;
}

export class CreateOutputRequest {
  @ApiProperty({ format: 'uuid', description: 'An outcome of the same project' })
  @IsUUID('all', { message: 'must be a UUID' })
  outcomeId: string;

  @RequiredText({ max: 500, example: 'Early-warning committees trained in 40 villages' })
  title: string;
}

export class CreateIndicatorRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Either an outcome…' })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  outcomeId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '…or an output of the project',
  })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  outputId?: string | null;

  @RequiredText({ max: 500, example: 'Households with an early-warning plan' })
  name: string;

  @RequiredText({ max: 50, example: 'households' })
  unit: string;

  @Measure('Where the project starts from (0 when absent)', false)
  baseline?: number;

  @Measure('What the project aims to reach')
  target: number;

  @ApiPropertyOptional({ type: IndicatorBreakdownDto })
  @Optional()
  @ValidateNested()
  @Type(() => IndicatorBreakdownDto)
  breakdown?: IndicatorBreakdownDto;
}

export class UpdateIndicatorRequest {
  @VersionRead()
  version?: number;

  @OptionalText({ max: 500 })
  name?: string;

  @OptionalText({ max: 50 })
  unit?: string;

  @Measure('Where the project starts from', false)
  baseline?: number;

  @Measure('What the project aims to reach', false)
  target?: number;

  @ApiPropertyOptional({
    type: IndicatorBreakdownDto,
    description: 'Changes only while no report records an actual of the indicator',
  })
  @Optional()
  @ValidateNested()
  @Type(() => IndicatorBreakdownDto)
  breakdown?: IndicatorBreakdownDto;
}

export class ActualInput {
  @ApiProperty({ format: 'uuid', description: "An indicator of the report's project" })
  @IsUUID('all', { message: 'must be a UUID' })
  indicatorId: string;

  @Measure('The actual value at the end of the period')
  value: number;

  @ApiPropertyOptional({
    type: [BreakdownCellDto],
    description: "By the indicator's breakdown, when it has one",
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => BreakdownCellDto)
  breakdown?: BreakdownCellDto[];
}

export class GroupReachedInput {
  @ApiProperty({ enum: VULNERABLE_GROUPS })
  @IsIn(VULNERABLE_GROUPS, { message: 'must be a vulnerable group' })
  group: VulnerableGroup;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3200 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(2_000_000_000)
  reached: number;
}

export class RecordResultsRequest {
  @VersionRead('The version of the report read; or send If-Match')
  version?: number;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    description: "People reached during the report's period (each counted once)",
  })
  @Optional({ nullable: true })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(2_000_000_000)
  peopleReached?: number | null;

  @ApiProperty({ type: [GroupReachedInput], description: 'Of them, per vulnerable group (groups overlap)' })
  @IsArray()
  @ArrayMaxSize(VULNERABLE_GROUPS.length)
  @ValidateNested({ each: true })
  @Type(() => GroupReachedInput)
  beneficiaries: GroupReachedInput[];

  @ApiProperty({ type: [ActualInput] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ActualInput)
  actuals: ActualInput[];
}

export class ReportResultsDto {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 8700 }) peopleReached: number | null;
  @ApiProperty({ type: [GroupReachedInput] }) beneficiaries: GroupReachedInput[];
  @ApiProperty({ type: [ActualInput] }) actuals: ActualInput[];
  @ApiProperty({ description: "The report's version" }) version: number;
}

export class ReachFigureDto {
  @ApiProperty({ example: 'food' }) key: string;
  @ApiProperty({ type: 'integer' }) people: number;
  @ApiProperty({ type: 'integer' }) projects: number;
}

export class ResultsOverviewQuery {
  @IsOptionalCalendarDate({ description: 'The day overdue reports are counted on (default: today, UTC)' })
  on?: string;
}

export class ResultsOverviewDto {
  @ApiProperty({ format: 'date', example: '2026-03-31' }) on: string;
  @ApiProperty({
    type: 'integer',
    description: 'Reports whose due date is before the day and that are not in',
  })
  overdueReports: number;
  @ApiProperty({
    type: 'integer',
    description: 'People reached over the periods of every accepted report, each project counted once',
  })
  peopleReached: number;
  @ApiProperty({
    type: [ReachFigureDto],
    description: `By human-security dimension (${HUMAN_SECURITY_DIMENSIONS.join(', ')}): a project counts under each it addresses`,
  })
  byDimension: ReachFigureDto[];
  @ApiProperty({
    type: [ReachFigureDto],
    description: 'By the principle its outcomes advance: a project counts under each principle named',
  })
  byPrinciple: ReachFigureDto[];
  @ApiProperty({
    type: [ReachFigureDto],
    description: 'By recipient country (ISO alpha-3): a regional project counts in each',
  })
  byCountry: ReachFigureDto[];
  @ApiProperty({
    type: [ReachFigureDto],
    description: "By the year the report's period ends (key: the year)",
  })
  byYear: ReachFigureDto[];
}
