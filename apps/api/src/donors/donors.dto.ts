import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../common/validation/optional';
import { OptionalText, RequiredText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { PageQuery } from '../common/pagination/pagination';

export const DONOR_KINDS = [
  'member_state',
  'regional_organization',
  'private_sector',
  'foundation',
  'other',
] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

const KIND_MESSAGE = `must be one of ${DONOR_KINDS.join(', ')}`;
const ISO3 = /^[A-Z]{3}$/;
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class DonorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Japan' }) name: string;
  @ApiProperty({ enum: DONOR_KINDS }) kind: DonorKind;
  @ApiProperty({
    example: 'JPN',
    nullable: true,
    type: String,
    description: 'ISO 3166-1 alpha-3; set for a Member State and only for one',
  })
  countryIso3: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DonorPage {
  @ApiProperty({ type: [DonorDto] }) items: DonorDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class DonorQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DONOR_KINDS })
  @IsOptional()
  @IsIn(DONOR_KINDS, { message: KIND_MESSAGE })
  kind?: DonorKind;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateDonorRequest {
  @RequiredText({ max: 300, min: 2, example: 'Japan' })
  name: string;

  @ApiProperty({ enum: DONOR_KINDS })
  @IsIn(DONOR_KINDS, { message: KIND_MESSAGE })
  kind: DonorKind;

  @ApiPropertyOptional({
    example: 'JPN',
    nullable: true,
    type: String,
    description:
      'Required for a Member State (an existing country); must be absent or null for any other kind',
  })
  @Optional({ nullable: true })
  @Transform(upper)
  @IsString()
  @Matches(ISO3, { message: 'must be an ISO 3166-1 alpha-3 code such as "JPN"' })
  countryIso3?: string | null;
}

export class UpdateDonorRequest {
  @VersionRead()
  version?: number;

  @OptionalText({ max: 300, min: 2 })
  name?: string;

  @ApiPropertyOptional({ enum: DONOR_KINDS })
  @Optional()
  @IsIn(DONOR_KINDS, { message: KIND_MESSAGE })
  kind?: DonorKind;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Send null when the donor stops being a Member State',
  })
  @Optional({ nullable: true })
  @Transform(upper)
  @IsString()
  @Matches(ISO3, { message: 'must be an ISO 3166-1 alpha-3 code such as "JPN"' })
  countryIso3?: string | null;
}
