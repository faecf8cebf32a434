import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { HUMAN_SECURITY_DIMENSIONS, PRINCIPLE_IDS } from '@hstf/domain';
import type { HumanSecurityDimension, PrincipleId } from '@hstf/domain';
import { VersionRead } from '../common/concurrency/expected-version';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { Optional } from '../common/validation/optional';
import { OptionalText, RequiredText } from '../common/validation/text';

const COUNTRY = /^[A-Z]{3}$/;
const upper = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v))
    : typeof value === 'string'
      ? value.trim().toUpperCase()
      : value;
const themes = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class LessonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2015-0042' }) projectCode: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The report the lesson was written from, if any',
  })
  reportId: string | null;
  @ApiProperty({ example: 'Community committees kept early warning running through the rains' })
  title: string;
  @ApiProperty() whatHappened: string;
  @ApiProperty() whatLearned: string;
  @ApiProperty({ enum: PRINCIPLE_IDS, isArray: true }) principles: PrincipleId[];
  @ApiProperty({ enum: HUMAN_SECURITY_DIMENSIONS, isArray: true }) dimensions: HumanSecurityDimension[];
  @ApiProperty({ type: [String], example: ['KEN'] }) countries: string[];
  @ApiProperty({ type: [String], example: ['early warning'] }) themes: string[];
  @ApiProperty({ description: 'Shared with donors' }) public: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class LessonPage {
  @ApiProperty({ type: [LessonDto] }) items: LessonDto[];
  @NextCursor() nextCursor: string | null;
}

export class LessonQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Words to find in the title, what happened and what was learned (web search syntax)',
    example: 'early warning',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  projectId?: string;

  @ApiPropertyOptional({ enum: PRINCIPLE_IDS })
  @IsOptional()
  @IsIn(PRINCIPLE_IDS, { message: `must be one of ${PRINCIPLE_IDS.join(', ')}` })
  principle?: PrincipleId;

  @ApiPropertyOptional({ enum: HUMAN_SECURITY_DIMENSIONS })
  @IsOptional()
  @IsIn(HUMAN_SECURITY_DIMENSIONS, { message: `must be one of ${HUMAN_SECURITY_DIMENSIONS.join(', ')}` })
  dimension?: HumanSecurityDimension;

  @ApiPropertyOptional({ example: 'KEN', description: 'ISO 3166-1 alpha-3' })
  @IsOptional()
  @Transform(upper)
  @Matches(COUNTRY, { message: 'must be an ISO 3166-1 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ example: 'early warning' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  theme?: string;
}

/** The fields of a lesson, shared by create and update. */
class LessonFields {
  @ApiPropertyOptional({ enum: PRINCIPLE_IDS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PRINCIPLE_IDS, { each: true, message: `must hold only ${PRINCIPLE_IDS.join(', ')}` })
  principles?: PrincipleId[];

  @ApiPropertyOptional({ enum: HUMAN_SECURITY_DIMENSIONS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(HUMAN_SECURITY_DIMENSIONS, {
    each: true,
    message: `must hold only ${HUMAN_SECURITY_DIMENSIONS.join(', ')}`,
  })
  dimensions?: HumanSecurityDimension[];

  @ApiPropertyOptional({
    type: [String],
    example: ['KEN'],
    description: "ISO 3166-1 alpha-3 codes among the project's recipient countries",
  })
  @Optional()
  @Transform(upper)
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(60)
  @Matches(COUNTRY, { each: true, message: 'must hold ISO 3166-1 alpha-3 codes' })
  countries?: string[];

  @ApiPropertyOptional({ type: [String], example: ['early warning', 'local governance'] })
  @Optional()
  @Transform(themes)
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'must not hold a blank theme' })
  @MaxLength(60, { each: true })
  themes?: string[];

  @ApiPropertyOptional({ description: 'Shared with donors (false unless given)' })
  @Optional()
  @IsBoolean()
  public?: boolean;
}

export class CreateLessonRequest extends LessonFields {
  @ApiProperty({ format: 'uuid', description: 'A closed project, or one with the report given' })
  @IsUUID('all', { message: 'must be a UUID' })
  projectId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  reportId?: string | null;

  @RequiredText({ max: 200 })
  title: string;

  @RequiredText({ max: 10000 })
  whatHappened: string;

  @RequiredText({ max: 10000 })
  whatLearned: string;
}

export class UpdateLessonRequest extends LessonFields {
  @OptionalText({ max: 200 })
  title?: string;

  @OptionalText({ max: 10000 })
  whatHappened?: string;

  @OptionalText({ max: 10000 })
  whatLearned?: string;

  @VersionRead()
  version?: number;
}
