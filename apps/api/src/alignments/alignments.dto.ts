import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../common/validation/optional';
import { CountryCode } from '../common/validation/country-code';
import { OptionalText, RequiredText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { NextCursor, PageQuery } from '../common/pagination/pagination';

/** Project × recipient country × national strategy: "in line with national strategies and priorities". */
export class AlignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'KEN', description: 'A recipient country of the project' }) countryIso3: string;
  @ApiProperty({ format: 'uuid' }) strategyId: string;
  @ApiProperty({ example: 'Kenya Vision 2030, Third Medium Term Plan' }) strategyTitle: string;
  @ApiProperty({ format: 'date' }) strategyPeriodFrom: string;
  @ApiProperty({ format: 'date' }) strategyPeriodTo: string;
  @ApiProperty({ nullable: true, type: String, example: 'Food and nutrition security' })
  priorityArea: string | null;
  @ApiProperty({ example: 'The project builds the drought early-warning capacity the plan calls for.' })
  justification: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AlignmentPage {
  @ApiProperty({ type: [AlignmentDto] }) items: AlignmentDto[];
  @NextCursor() nextCursor: string | null;
}

export class AlignmentQuery extends PageQuery {
  @CountryCode({ optional: true, description: 'Only alignments for this recipient country' })
  country?: string;
}

export class CreateAlignmentRequest {
  @CountryCode({ description: 'A recipient country of the project' })
  countryIso3: string;

  @ApiProperty({ format: 'uuid', description: 'A national strategy of that country' })
  @IsUUID('all', { message: 'must be a UUID' })
  strategyId: string;

  @OptionalText({
    max: 300,
    nullable: true,
    description: "One of the strategy's priority areas (matched without regard to case)",
  })
  priorityArea?: string | null;

  @RequiredText({ max: 10000, description: 'Why the project is in line with this strategy' })
  justification: string;
}

export class UpdateAlignmentRequest {
  @VersionRead()
  version?: number;

  @CountryCode({ optional: true })
  countryIso3?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a UUID' })
  strategyId?: string;

  @OptionalText({ max: 300, nullable: true })
  priorityArea?: string | null;

  @OptionalText({ max: 10000 })
  justification?: string;
}
