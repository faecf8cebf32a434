import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LANGUAGES, type Language } from '@hstf/domain';
import { OptionalText, RequiredText } from '../common/validation/text';
import { Optional } from '../common/validation/optional';
import { VersionRead } from '../common/concurrency/expected-version';
import { ExportablePageQuery } from '../common/export/export-format';
import { NextCursor } from '../common/pagination/pagination';

/** An address is kept trimmed and lower-cased, so one contact is one address however typed. */
const lowerTrimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const ORGANIZATION_KINDS = ['un_entity', 'government', 'ngo', 'regional_body', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'United Nations Development Programme' }) name: string;
  @ApiProperty({ example: 'UNDP', nullable: true, type: String }) acronym: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty({ example: 'Amina Diallo', nullable: true, type: String }) contactName: string | null;
  @ApiProperty({
    example: 'programme@undp.org',
    nullable: true,
    type: String,
    description: "Told of the lead organization's reports due soon and overdue",
  })
  contactEmail: string | null;
  @ApiProperty({
    enum: LANGUAGES,
    nullable: true,
    type: String,
    description: "The language of the contact's mail; none: the product's default (English)",
  })
  contactLanguage: Language | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OrganizationPage {
  @ApiProperty({ type: [OrganizationDto] }) items: OrganizationDto[];
  @NextCursor() nextCursor: string | null;
}

export class OrganizationQuery extends ExportablePageQuery {
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
  @RequiredText({ max: 300, min: 2, example: 'United Nations Development Programme' })
  name: string;

  @OptionalText({ max: 30, nullable: true, example: 'UNDP' })
  acronym?: string | null;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { message: `must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind: OrganizationKind;

  @OptionalText({ max: 200, nullable: true, example: 'Amina Diallo' })
  contactName?: string | null;

  @ApiPropertyOptional({ example: 'programme@undp.org', nullable: true, type: String, maxLength: 254 })
  @Transform(lowerTrimmed)
  @Optional({ nullable: true })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, type: String })
  @Optional({ nullable: true })
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  contactLanguage?: Language | null;
}

export class UpdateOrganizationRequest {
  @VersionRead()
  version?: number;

  @OptionalText({ max: 300, min: 2, example: 'United Nations Development Programme' })
  name?: string;

  @OptionalText({ max: 30, nullable: true, example: 'UNDP' })
  acronym?: string | null;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @Optional()
  @IsIn(ORGANIZATION_KINDS, { message: `must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind?: OrganizationKind;

  @OptionalText({ max: 200, nullable: true, example: 'Amina Diallo' })
  contactName?: string | null;

  @ApiPropertyOptional({ example: 'programme@undp.org', nullable: true, type: String, maxLength: 254 })
  @Transform(lowerTrimmed)
  @Optional({ nullable: true })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, type: String })
  @Optional({ nullable: true })
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  contactLanguage?: Language | null;
}
