import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Optional } from '../common/validation/optional';
import { CountryCode } from '../common/validation/country-code';
import { OptionalText, RequiredText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { ExportablePageQuery } from '../common/export/export-format';
import { ValidCalendarDate } from '../common/validation/calendar-date';
import { NextCursor } from '../common/pagination/pagination';

const trimmedEach = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    : value;

export class NationalStrategyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KEN' }) countryIso3: string;
  @ApiProperty({ example: 'Kenya Vision 2030, Third Medium Term Plan' }) title: string;
  @ApiProperty({ format: 'date', example: '2018-01-01' }) periodFrom: string;
  @ApiProperty({ format: 'date', example: '2022-12-31' }) periodTo: string;
  @ApiProperty({ type: [String], example: ['Food and nutrition security', 'Health'] })
  priorityAreas: string[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The document (title, symbol) or a URL',
    example: 'https://example.org/vision2030.pdf',
  })
  reference: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class NationalStrategyPage {
  @ApiProperty({ type: [NationalStrategyDto] }) items: NationalStrategyDto[];
  @NextCursor() nextCursor: string | null;
}

export class NationalStrategyQuery extends ExportablePageQuery {
  @CountryCode({ optional: true, description: 'ISO 3166-1 alpha-3 code of the country' })
  country?: string;

  @ApiPropertyOptional({ description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only strategies whose period covers this date' })
  @IsOptional()
  @ValidCalendarDate()
  coversDate?: string;
}

export class CreateNationalStrategyRequest {
  @CountryCode({ description: 'ISO 3166-1 alpha-3 code of a known country' })
  countryIso3: string;

  @RequiredText({ max: 500, min: 3, example: 'Kenya Vision 2030, Third Medium Term Plan' })
  title: string;

  @ApiProperty({ format: 'date', example: '2018-01-01' })
  @ValidCalendarDate()
  periodFrom: string;

  @ApiProperty({ format: 'date', example: '2022-12-31', description: 'On or after periodFrom' })
  @ValidCalendarDate()
  periodTo: string;

  @ApiPropertyOptional({ type: [String], default: [], example: ['Food and nutrition security', 'Health'] })
  @IsOptional()
  @Transform(trimmedEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'must contain only texts' })
  @MinLength(1, { each: true, message: 'must not contain empty priority areas' })
  @MaxLength(300, { each: true, message: 'must contain priority areas of at most 300 characters' })
  @ArrayUnique((area: unknown) => (typeof area === 'string' ? area.toLowerCase() : area), {
    message: 'must not name the same priority area twice',
  })
  priorityAreas?: string[];

  @OptionalText({ max: 2000, nullable: true, description: 'The document (title, symbol) or a URL' })
  reference?: string | null;
}

export class UpdateNationalStrategyRequest {
  @VersionRead()
  version?: number;

  @CountryCode({ optional: true })
  countryIso3?: string;

  @OptionalText({ max: 500, min: 3 })
  title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @ValidCalendarDate()
  periodFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @ValidCalendarDate()
  periodTo?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @Transform(trimmedEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'must contain only texts' })
  @MinLength(1, { each: true, message: 'must not contain empty priority areas' })
  @MaxLength(300, { each: true, message: 'must contain priority areas of at most 300 characters' })
  @ArrayUnique((area: unknown) => (typeof area === 'string' ? area.toLowerCase() : area), {
    message: 'must not name the same priority area twice',
  })
  priorityAreas?: string[];

  @OptionalText({ max: 2000, nullable: true })
  reference?: string | null;
}
