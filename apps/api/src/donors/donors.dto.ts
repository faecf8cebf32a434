import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Optional } from '../common/validation/optional';
import { CountryCode } from '../common/validation/country-code';
import { OptionalText, RequiredText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { ExportablePageQuery } from '../common/export/export-format';
import { NextCursor } from '../common/pagination/pagination';

export const DONOR_KINDS = [
  'member_state',
  'regional_organization',
  'private_sector',
  'foundation',
  'other',
] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

const KIND_MESSAGE = `must be one of ${DONOR_KINDS.join(', ')}`;

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
  @NextCursor() nextCursor: string | null;
}

export class DonorQuery extends ExportablePageQuery {
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

  @CountryCode({
    nullable: true,
    example: 'JPN',
    description:
      'Required for a Member State (an existing country); must be absent or null for any other kind',
  })
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

  @CountryCode({
    nullable: true,
    example: 'JPN',
    description: 'Send null when the donor stops being a Member State',
  })
  countryIso3?: string | null;
}
