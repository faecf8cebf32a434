import { COMPLIANCE_STATUSES, CONSENT_STATUSES, STAGES } from '@hstf/domain';
import type {
  ComplianceStatus,
  ConsentStatus,
  Paragraph3Item,
  Paragraph3Status,
  Paragraph6Loss,
  Stage,
} from '@hstf/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';

/** Why the project is judged on its date: asked for, today, its approval, or its last decision. */
export const COMPLIANCE_BASES = ['asked', 'today', 'approval', 'last_decision'] as const;
export type ComplianceBasis = (typeof COMPLIANCE_BASES)[number];

const BASIS =
  'Why this date: asked (the `on` parameter); today (proposals, approved and active projects); ' +
  'approval (completed and closed projects, as they stood when approved); last_decision (rejected ' +
  'and withdrawn projects, as they stood at that decision).';

const STAFF_ONLY = 'Staff and admin only: never sent to reviewers or donors.';

/** A reason as the rules state it: a stable code, the facts behind it, and an English sentence. */
export class ComplianceReasonDto {
  @ApiProperty({ example: 'consent_requested' }) code: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { country: 'KEN', recordId: '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b', requestedOn: '2025-01-15' },
  })
  facts: Record<string, unknown>;
  @ApiProperty({ example: 'The consent of KEN was requested on 2025-01-15 and has not been granted yet.' })
  message: string;
}

export class ConsentEvaluationDto {
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ enum: CONSENT_STATUSES, description: 'The status as it stood on the date' })
  status: ConsentStatus;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2025-11-03' }) requestedOn:
    string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-01-15' }) grantedOn:
    string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2028-01-14' }) validUntil:
    string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) withdrawnOn: string | null;
  @ApiProperty({ description: 'Whether this record is a consent that holds on the date' }) counts: boolean;
  @ApiProperty({ type: [ComplianceReasonDto], description: 'Why it does not count; empty when it does' })
  problems: ComplianceReasonDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY }) issuingOffice?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY }) signatory?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY })
  documentReference?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY })
  withdrawalReason?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: STAFF_ONLY }) scope?: string | null;
}

export class ConsentComplianceDto {
  @ApiProperty({ description: 'A consent of the country holds on the date', example: true }) holds: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The record that counts' })
  recordId: string | null;
  @ApiProperty({ type: [ConsentEvaluationDto] }) records: ConsentEvaluationDto[];
}

export class AlignmentEvaluationDto {
  @ApiProperty({ format: 'uuid' }) alignmentId: string;
  @ApiProperty({ format: 'uuid' }) strategyId: string;
  @ApiProperty({ example: 'National Development Plan 2010–2019' }) strategyTitle: string;
  @ApiProperty({ nullable: true, type: String }) priorityArea: string | null;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) periodTo: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: "Whether the strategy period covers the project's start; null without a start date",
  })
  coversStart: boolean | null;
  @ApiProperty() hasJustification: boolean;
  @ApiProperty({ description: 'Whether this alignment satisfies paragraph 6 for its country' })
  counts: boolean;
  @ApiProperty({ type: [ComplianceReasonDto], description: 'Why it does not count; empty when it does' })
  problems: ComplianceReasonDto[];
}

export class AlignmentComplianceDto {
  @ApiProperty({ description: 'An alignment of the country counts', example: true }) holds: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) alignmentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) strategyId: string | null;
  @ApiProperty({ type: [AlignmentEvaluationDto] }) records: AlignmentEvaluationDto[];
}

export class CountryComplianceDto {
  @ApiProperty({ example: 'KEN' }) country: string;
  @ApiProperty({ example: 'Kenya' }) countryName: string;
  @ApiProperty({ enum: COMPLIANCE_STATUSES }) status: ComplianceStatus;
  @ApiProperty({ type: ConsentComplianceDto }) consent: ConsentComplianceDto;
  @ApiProperty({ type: AlignmentComplianceDto }) alignment: AlignmentComplianceDto;
  @ApiProperty({
    type: [ComplianceReasonDto],
    description: 'Why the country is not compliant; empty when it is',
  })
  reasons: ComplianceReasonDto[];
}

export class Paragraph3DeclarationDto {
  @ApiProperty({ enum: ['3(e)', '3(d)'] }) paragraph: Paragraph3Item;
  @ApiProperty({
    description: 'The words of resolution 66/290',
    example: 'Human security does not entail the threat or the use of force or coercive measures',
  })
  quote: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null: not declared yet' }) declared:
    boolean | null;
}

export class Paragraph3ScreeningDto {
  @ApiProperty({ enum: ['declared', 'incomplete', 'flagged'], example: 'declared' }) status: Paragraph3Status;
  @ApiProperty({ type: [Paragraph3DeclarationDto] }) declarations: Paragraph3DeclarationDto[];
  @ApiProperty({ type: [ComplianceReasonDto] }) problems: ComplianceReasonDto[];
}

export class ResolutionTextDto {
  @ApiProperty({ example: 'General Assembly resolution 66/290 of 10 September 2012' }) citation: string;
  @ApiProperty() text: string;
}

/** A consent that counted on the date judged and no longer does: history, not a failure. */
export class Paragraph6LossDto {
  @ApiProperty({ example: 'KEN' }) country: string;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ enum: ['withdrawn', 'expired', 'changed'] }) kind: Paragraph6Loss['kind'];
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'The first day it no longer counted; null when the records do not say',
  })
  lostOn: string | null;
  @ApiProperty({ example: 'The consent of KEN was withdrawn on 2021-03-02, after the date judged.' })
  message: string;
}

/** Paragraph 6 of resolution 66/290 for one project on one date, and the paragraph 3 screening. */
export class ProjectComplianceDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0003' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ format: 'date', description: 'The date the consents and alignments are judged on' })
  on: string;
  @ApiProperty({ enum: COMPLIANCE_BASES, description: BASIS }) basis: ComplianceBasis;
  @ApiProperty({ format: 'date', nullable: true, type: String }) projectStart: string | null;
  @ApiProperty({ enum: COMPLIANCE_STATUSES }) status: ComplianceStatus;
  @ApiProperty({ type: ResolutionTextDto }) paragraph6: ResolutionTextDto;
  @ApiProperty({ type: [ComplianceReasonDto], description: 'Reasons about the project as a whole' })
  reasons: ComplianceReasonDto[];
  @ApiProperty({ type: [CountryComplianceDto] }) countries: CountryComplianceDto[];
  @ApiProperty({
    type: [Paragraph6LossDto],
    description:
      'Consents that counted on the date judged and no longer count today; empty when judged on today',
  })
  history: Paragraph6LossDto[];
  @ApiProperty({ type: Paragraph3ScreeningDto }) paragraph3: Paragraph3ScreeningDto;
}

export class ComplianceOnQuery {
  @IsOptionalCalendarDate({
    description:
      'The date to judge on (default: by stage: today, UTC, for proposals and approved or active projects; ' +
      'the approval for completed and closed ones; the last decision for rejected and withdrawn ones)',
  })
  on?: string;
}

export class ComplianceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLIANCE_STATUSES, description: 'Only projects with this status' })
  @IsOptional()
  @IsIn(COMPLIANCE_STATUSES, { message: `must be one of ${COMPLIANCE_STATUSES.join(', ')}` })
  status?: ComplianceStatus;

  @IsOptionalCalendarDate({
    description: "The date to judge every project on (default: each project's own date, by stage)",
  })
  on?: string;
}

export class CountryStatusDto {
  @ApiProperty({ example: 'KEN' }) country: string;
  @ApiProperty({ enum: COMPLIANCE_STATUSES }) status: ComplianceStatus;
}

export class ComplianceSummaryDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0003' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ format: 'date', description: 'The date this project is judged on' }) on: string;
  @ApiProperty({ enum: COMPLIANCE_BASES, description: BASIS }) basis: ComplianceBasis;
  @ApiProperty({ enum: COMPLIANCE_STATUSES }) status: ComplianceStatus;
  @ApiProperty({ type: [CountryStatusDto] }) countries: CountryStatusDto[];
}

export class CompliancePage {
  @ApiProperty({
    format: 'date',
    description: 'The date asked, or today when each project is judged on its own',
  })
  on: string;
  @ApiProperty({ type: [ComplianceSummaryDto] }) items: ComplianceSummaryDto[];
  @NextCursor() nextCursor: string | null;
}

export class ComplianceCountsQuery {
  @IsOptionalCalendarDate({ description: 'The date to judge on (default: today, UTC)' })
  on?: string;
}

export class ComplianceCountDto {
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ enum: COMPLIANCE_STATUSES }) status: ComplianceStatus;
  @ApiProperty({ example: 42 }) projects: number;
}

export class ComplianceCountsDto {
  @ApiProperty({ format: 'date', example: '2026-03-31' }) on: string;
  @ApiProperty({
    type: [ComplianceCountDto],
    description: 'Proposals under review and approved or active projects, by stage and status',
  })
  counts: ComplianceCountDto[];
}
