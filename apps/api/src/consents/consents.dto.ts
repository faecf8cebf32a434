import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Optional } from '../common/validation/optional';
import { CountryCode } from '../common/validation/country-code';
import { OptionalText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { ExportablePageQuery } from '../common/export/export-format';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { CONSENT_STATUSES, INITIAL_CONSENT_STATUSES } from '@hstf/domain';
import type { ConsentStatus } from '@hstf/domain';
import { NextCursor } from '../common/pagination/pagination';

const BLANK = 'must not be blank (send null for none)';
const STAFF_ONLY = 'Staff and admin only: never sent to reviewers or donors.';

/**
 * The consent of a recipient State to a project. Reviewers and donors receive only id, countryIso3,
 * status and the three dates; the authority, the document, the scope and any withdrawal reason are
 * for staff and admin.
 */
export class ConsentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KEN' }) countryIso3: string;
  @ApiProperty({ enum: CONSENT_STATUSES }) status: ConsentStatus;
  @ApiProperty({ format: 'date', nullable: true, type: String }) requestedOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) grantedOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validUntil: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: STAFF_ONLY }) projectId?: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: STAFF_ONLY })
  withdrawnOn?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY })
  withdrawalReason?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Ministry of Foreign Affairs',
    description: STAFF_ONLY,
  })
  issuingOffice?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY }) signatory?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'MFA/UNTFHS/2015/117',
    description: STAFF_ONLY,
  })
  documentReference?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY }) scope?: string | null;
  @ApiPropertyOptional({ description: STAFF_ONLY }) version?: number;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) updatedAt?: string;
}

export class ConsentPage {
  @ApiProperty({ type: [ConsentDto] }) items: ConsentDto[];
  @NextCursor() nextCursor: string | null;
}

/** One change of a consent record, oldest first. */
export class ConsentEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time', example: '2026-02-10T09:30:00.000Z' }) occurredAt: string;
  @ApiProperty({ enum: CONSENT_STATUSES, description: 'The status after this change' }) status: ConsentStatus;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: STAFF_ONLY })
  actorId?: string | null;
  @ApiPropertyOptional({
    type: ConsentDto,
    description:
      'The record after this change: in full for staff and admin, its status fields for reviewers, never for donors',
  })
  record?: ConsentDto;
}

export class ConsentEventPage {
  @ApiProperty({ type: [ConsentEventDto] }) items: ConsentEventDto[];
  @NextCursor() nextCursor: string | null;
}

export class ConsentQuery extends ExportablePageQuery {
  @ApiPropertyOptional({ enum: CONSENT_STATUSES })
  @IsOptional()
  @IsIn(CONSENT_STATUSES, { message: `must be one of ${CONSENT_STATUSES.join(', ')}` })
  status?: ConsentStatus;

  @CountryCode({ optional: true })
  country?: string;
}

export class CreateConsentRequest {
  @CountryCode({ description: 'A recipient country of the project' })
  countryIso3: string;

  @ApiProperty({
    enum: INITIAL_CONSENT_STATUSES,
    description: 'A record starts as requested, or directly as granted',
  })
  @IsIn(INITIAL_CONSENT_STATUSES, { message: `must be one of ${INITIAL_CONSENT_STATUSES.join(', ')}` })
  status: 'requested' | 'granted';

  @IsOptionalCalendarDate({ nullable: true, description: 'Required when requested' })
  requestedOn?: string | null;

  @IsOptionalCalendarDate({ nullable: true, description: 'Required when granted' })
  grantedOn?: string | null;

  @IsOptionalCalendarDate({ nullable: true, description: 'On or after grantedOn' })
  validUntil?: string | null;

  @OptionalText({ max: 500, tooShort: BLANK, nullable: true, description: 'Required when granted' })
  issuingOffice?: string | null;

  @OptionalText({ max: 500, tooShort: BLANK, nullable: true, description: 'Required when granted' })
  signatory?: string | null;

  @OptionalText({ max: 500, tooShort: BLANK, nullable: true, description: 'Required when granted' })
  documentReference?: string | null;

  @OptionalText({ max: 5000, tooShort: BLANK, nullable: true, description: 'What the consent covers' })
  scope?: string | null;
}

export class UpdateConsentRequest {
  @VersionRead()
  version?: number;

  @ApiPropertyOptional({
    enum: CONSENT_STATUSES,
    description:
      'A status change: requested → granted | refused | expired; granted → withdrawn | expired; ' +
      'refused, expired, withdrawn → requested (a new request). Any other change answers 422.',
  })
  @Optional()
  @IsIn(CONSENT_STATUSES, { message: `must be one of ${CONSENT_STATUSES.join(', ')}` })
  status?: ConsentStatus;

  @IsOptionalCalendarDate({ nullable: true })
  requestedOn?: string | null;

  @IsOptionalCalendarDate({ nullable: true })
  grantedOn?: string | null;

  @IsOptionalCalendarDate({ nullable: true })
  validUntil?: string | null;

  @IsOptionalCalendarDate({ nullable: true, description: 'Required when withdrawn' })
  withdrawnOn?: string | null;

  @OptionalText({ max: 5000, tooShort: BLANK, nullable: true, description: 'Required when withdrawn' })
  withdrawalReason?: string | null;

  @OptionalText({ max: 500, tooShort: BLANK, nullable: true })
  issuingOffice?: string | null;

  @OptionalText({ max: 500, tooShort: BLANK, nullable: true })
  signatory?: string | null;

  @OptionalText({ max: 500, tooShort: BLANK, nullable: true })
  documentReference?: string | null;

  @OptionalText({ max: 5000, tooShort: BLANK, nullable: true })
  scope?: string | null;
}
