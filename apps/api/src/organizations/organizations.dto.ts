import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsOptionalNotNull } from '../common/validation/optional';
import { PageQuery } from '../common/pagination/pagination';

export const ORGANIZATION_KINDS = ['un_entity', 'government', 'ngo', 'regional_body', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'United Nations Development Programme' }) name: string;
  @ApiProperty({ example: 'UNDP', nullable: true, type: String }) acronym: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OrganizationPage {
  @ApiProperty({ type: [OrganizationDto] }) items: OrganizationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OrganizationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS, { message: `must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind?: OrganizationKind;

  @ApiPropertyOptional({ description: 'Part of the name or acronym' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateOrganizationRequest {
  @ApiProperty({ example: 'United Nations Development Programme' })
  @Transform(trimmed)
  @IsString()
  @MinLength(2, { message: 'must be at least 2 characters long' })
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ example: 'UNDP', nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MinLength(1, { message: 'must not be empty (send null for none)' })
  @MaxLength(30)
  acronym?: string | null;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { message: `must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind: OrganizationKind;
}

export class UpdateOrganizationRequest {
  @ApiPropertyOptional({ description: 'The version read; or send If-Match' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(2, { message: 'must be at least 2 characters long' })
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNotNull()
  @Transform(trimmed)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MinLength(1, { message: 'must not be empty (send null for none)' })
  @MaxLength(30)
  acronym?: string | null;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptionalNotNull()
  @IsIn(ORGANIZATION_KINDS, { message: `must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind?: OrganizationKind;
}
