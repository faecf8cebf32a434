import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProjectTitleTranslations } from '../common/translations/translations.dto';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PRINCIPLE_IDS, RECOMMENDATIONS, REVIEW_STATUSES } from '@hstf/domain';
import type { PrincipleId, Recommendation, ReviewStatus } from '@hstf/domain';
import { OptionalText } from '../common/validation/text';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { VersionRead } from '../common/concurrency/expected-version';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { Optional } from '../common/validation/optional';
import { STAGES, type Stage } from '../projects';

export { PRINCIPLE_IDS, RECOMMENDATIONS, REVIEW_STATUSES };
export type { PrincipleId, Recommendation, ReviewStatus };

const upper = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v))
    : value;
const STATUS_MESSAGE = { message: `must be one of ${REVIEW_STATUSES.join(', ')}` };
const SCORE = 'A score 0 (absent) to 4 (exemplary); null clears it';
const JUSTIFICATION = 'Why the score: mandatory before submitting; null clears it';

/** The five scores of a review, keyed by principle id; null where none is given yet. */
export class ReviewScoresDto {
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 4, example: 3 }) people_centred:
    number | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 4 }) comprehensive: number | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 4 }) context_specific: number | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 4 }) prevention_oriented: number | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 4 }) protection_empowerment:
    number | null;
}

export class ReviewJustificationsDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'The most exposed households are named and take part in planning.',
  })
  people_centred: string | null;
  @ApiProperty({ nullable: true, type: String }) comprehensive: string | null;
  @ApiProperty({ nullable: true, type: String }) context_specific: string | null;
  @ApiProperty({ nullable: true, type: String }) prevention_oriented: string | null;
  @ApiProperty({ nullable: true, type: String }) protection_empowerment: string | null;
}

export class ConflictDeclarationDto {
  @ApiProperty({ description: 'true: a conflict was declared and the reviewer is withdrawn' })
  declared: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) organizationIds: string[];
  @ApiProperty({ type: [String], example: ['KEN'] }) countries: string[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) declaredAt: string;
}

/**
 * One review. Scores, justifications and the recommendation are shown to the reviewer who wrote
 * them and, once submitted, to staff, admins and the other reviewers who submitted theirs; until
 * then they are null for everybody else (`contentVisible: false`).
 */
export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0042' }) projectCode: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({
    example: 2,
    description: "The review round it belongs to; only the proposal's latest round counts",
  })
  round: number;
  @ApiProperty({ description: "Whether its round is the proposal's latest, the one that counts" })
  currentRound: boolean;
  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'The day the review is due' })
  dueOn: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ type: ConflictDeclarationDto, nullable: true, description: 'null until declared' })
  conflict: ConflictDeclarationDto | null;
  @ApiProperty({ description: 'Whether the scores, justifications and recommendation are shown' })
  contentVisible: boolean;
  @ApiProperty({ type: ReviewScoresDto, nullable: true }) scores: ReviewScoresDto | null;
  @ApiProperty({ type: ReviewJustificationsDto, nullable: true })
  justifications: ReviewJustificationsDto | null;
  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true }) recommendation: Recommendation | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assignedBy: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReviewPage {
  @ApiProperty({ type: [ReviewDto] }) items: ReviewDto[];
  @NextCursor() nextCursor: string | null;
}

/** A review in a queue, with the proposal it is about. */
export class ReviewSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null until declared' })
  conflictDeclared: boolean | null;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0042' }) code: string;
  @ApiProperty({ example: 'Community resilience to drought in the Karamoja cluster' }) title: string;
  @ApiProperty({ type: ProjectTitleTranslations, description: 'The title in other languages, by language' })
  titleTranslations: ProjectTitleTranslations;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ example: 1, description: 'The review round it belongs to' }) round: number;
  @ApiProperty({
    description: "Whether it belongs to the proposal's latest round, the one that counts",
  })
  currentRound: boolean;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) dueOn: string;
  @ApiProperty({ type: [String], description: 'Recipient countries (alpha-3)' }) countries: string[];
  @ApiProperty({ nullable: true, type: String }) leadOrganization: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReviewSummaryPage {
  @ApiProperty({ type: [ReviewSummaryDto] }) items: ReviewSummaryDto[];
  @NextCursor() nextCursor: string | null;
}

export class ProposalCountryDto {
  @ApiProperty({ example: 'KEN' }) iso3: string;
  @ApiProperty({ example: 'Kenya' }) name: string;
}

export class ProposalOrganizationDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) acronym: string | null;
  @ApiProperty() kind: string;
  @ApiProperty() lead: boolean;
  @ApiPropertyOptional({ example: '600000.00', description: 'Once the proposal is open to the reviewer' })
  budgetShare?: string;
}

export class IndicatorDto {
  @ApiProperty({ enum: PRINCIPLE_IDS }) principle: PrincipleId;
  @ApiProperty({ example: 'several_dimensions' }) code: string;
  @ApiProperty() met: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts: Record<string, unknown>;
  @ApiProperty({ description: 'The indicator in words' }) description: string;
}

export class PrincipleIndicatorsDto {
  @ApiProperty({ enum: PRINCIPLE_IDS }) principle: PrincipleId;
  @ApiProperty({ description: 'Evidence for the reviewer, not a verdict', example: false }) allMet: boolean;
  @ApiProperty({ type: [IndicatorDto] }) indicators: IndicatorDto[];
}

/** A principle as the reviewer scores it: what to look for, the proposal's narrative, the indicators. */
export class ProposalPrincipleDto {
  @ApiProperty({ enum: PRINCIPLE_IDS }) principle: PrincipleId;
  @ApiProperty({ example: 'People-centred' }) title: string;
  @ApiProperty() looksFor: string;
  @ApiProperty({ type: [String] }) guidingQuestions: string[];
  @ApiProperty({ description: "The proposal's narrative for this principle" }) narrative: string;
  @ApiProperty({ type: PrincipleIndicatorsDto }) indicators: PrincipleIndicatorsDto;
}

export class RubricLevelDto {
  @ApiProperty({ minimum: 0, maximum: 4 }) score: number;
  @ApiProperty({ example: 'partial' }) label: string;
  @ApiProperty() description: string;
}

/**
 * The proposal as its reviewer needs it. Until conflicts are declared (and after a conflict was
 * declared) only what is needed to declare is sent: code, title, countries and organizations.
 */
export class ReviewProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HS-2026-0042' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ProposalCountryDto] }) countries: ProposalCountryDto[];
  @ApiProperty({ type: [ProposalOrganizationDto] }) organizations: ProposalOrganizationDto[];
  @ApiProperty({ description: 'false: only what is needed to declare conflicts is sent' }) open: boolean;

  @ApiPropertyOptional({ enum: STAGES }) stage?: Stage;
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional({ enum: ['I', 'II'] }) window?: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) startDate?: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) endDate?: string | null;
  @ApiPropertyOptional({ example: '1000000.00' }) requestedBudget?: string;
  @ApiPropertyOptional({ example: '0.00' }) coFunding?: string;
  @ApiPropertyOptional({ type: [String] }) dimensions?: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) targetBeneficiaries?: number | null;
  @ApiPropertyOptional({ type: [String] }) vulnerableGroups?: string[];
  @ApiPropertyOptional({ type: [Number] }) sdgs?: number[];
  @ApiPropertyOptional() protectionMeasures?: string;
  @ApiPropertyOptional() empowermentMeasures?: string;
  @ApiPropertyOptional({ type: [ProposalPrincipleDto] }) principles?: ProposalPrincipleDto[];
  @ApiPropertyOptional({ type: [RubricLevelDto] }) rubric?: RubricLevelDto[];
}

export class ReviewDetailDto {
  @ApiProperty({ type: ReviewDto }) review: ReviewDto;
  @ApiProperty({ type: ReviewProposalDto }) proposal: ReviewProposalDto;
}

export class MyReviewsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES, STATUS_MESSAGE)
  status?: ReviewStatus;
}

export class ReviewQuery extends MyReviewsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  reviewerId?: string;
}

export class ProjectReviewsQuery extends MyReviewsQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Only the reviews of this round (default: every round)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a round number (1, 2, …)' })
  @Min(1, { message: 'must be a round number (1, 2, …)' })
  @Max(1000, { message: 'must be a round number (1, 2, …)' })
  round?: number;
}

export class AssignReviewerRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'An active user with the reviewer role',
    example: '5d1f3a2b-7c84-4e0a-9b6d-1e2f3a4b5c6d',
  })
  @IsUUID('all', { message: 'must be a UUID' })
  reviewerId: string;

  @IsOptionalCalendarDate({
    description:
      'The day the review is due, not before today (default: today plus the review days of the assessment settings)',
  })
  dueOn?: string;
}

export class ConflictDeclarationRequest {
  @VersionRead('The version read (optional here); or send If-Match')
  version?: number;

  @ApiProperty({ description: 'true declares a conflict and withdraws the reviewer from the proposal' })
  @IsBoolean()
  declared: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Organizations of the proposal the conflict is with',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must hold UUIDs' })
  organizationIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['KEN'], description: 'Recipient countries (alpha-3)' })
  @Optional()
  @Transform(upper)
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'must hold ISO 3166-1 alpha-3 codes' })
  countries?: string[];

  @OptionalText({ max: 5000, min: 0, nullable: true })
  note?: string | null;
}

const ScoreField = () =>
  applyDecorators(
    ApiPropertyOptional({
      nullable: true,
      type: Number,
      minimum: 0,
      maximum: 4,
      description: SCORE,
      example: 3,
    }),
    IsOptional(),
    IsInt({ message: 'must be a whole score from 0 to 4' }),
    Min(0, { message: 'must be a whole score from 0 to 4' }),
    Max(4, { message: 'must be a whole score from 0 to 4' }),
  );

const JustificationField = () =>
  OptionalText({
    max: 10000,
    min: 0,
    nullable: true,
    description: JUSTIFICATION,
    example: 'The most exposed households are named and take part in planning.',
  });

export class ScoresInput {
  @ScoreField() people_centred?: number | null;
  @ScoreField() comprehensive?: number | null;
  @ScoreField() context_specific?: number | null;
  @ScoreField() prevention_oriented?: number | null;
  @ScoreField() protection_empowerment?: number | null;
}

export class JustificationsInput {
  @JustificationField() people_centred?: string | null;
  @JustificationField() comprehensive?: string | null;
  @JustificationField() context_specific?: string | null;
  @JustificationField() prevention_oriented?: string | null;
  @JustificationField() protection_empowerment?: string | null;
}

/** A draft: any subset of the scores, justifications and the recommendation; absent keeps, null clears. */
export class UpdateReviewRequest {
  @VersionRead()
  version?: number;

  @ApiPropertyOptional({ type: ScoresInput })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScoresInput)
  scores?: ScoresInput;

  @ApiPropertyOptional({ type: JustificationsInput })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => JustificationsInput)
  justifications?: JustificationsInput;

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, nullable: true, example: 'approve' })
  @IsOptional()
  @IsIn(RECOMMENDATIONS, { message: `must be one of ${RECOMMENDATIONS.join(', ')}` })
  recommendation?: Recommendation | null;
}

export class SubmitReviewRequest {
  @VersionRead()
  version?: number;
}
