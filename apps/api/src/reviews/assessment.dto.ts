import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { PRINCIPLE_IDS, RECOMMENDATIONS, REVIEW_STATUSES } from '@hstf/domain';
import type { PrincipleId, Recommendation, ReviewStatus } from '@hstf/domain';
import { RequiredText } from '../common/validation/text';
import { VersionRead } from '../common/concurrency/expected-version';
import { Optional } from '../common/validation/optional';
import { STAGES, type Stage } from '../projects';
import { PrincipleIndicatorsDto } from './reviews.dto';

const FACTS = { type: 'object', additionalProperties: true } as const;

/** A mean kept exact: numerator / denominator; `decimal` is rounded for display only. */
export class ExactMeanDto {
  @ApiProperty({ example: 5 }) numerator: number;
  @ApiProperty({ example: 2 }) denominator: number;
  @ApiProperty({ example: '2.50', description: 'Rounded to two decimals, for display only' }) decimal: string;
}

export class AssessmentThresholdsDto {
  @ApiProperty({ example: 2, description: "Every principle's mean must reach this" })
  minPrincipleMean: number;
  @ApiProperty({ example: 2.5, description: 'The mean of the five principle means must reach this' })
  minOverallMean: number;
  @ApiProperty({ example: 2, description: 'Counted reviews needed' }) minReviews: number;
  @ApiProperty({ example: 2, description: 'max − min at or above this is a disagreement' })
  disagreementSpread: number;
}

export class ReasonDto {
  @ApiProperty({ example: 'principle_mean_below_threshold' }) code: string;
  @ApiProperty(FACTS) facts: Record<string, unknown>;
  @ApiProperty({ description: 'The reason in words' }) message: string;
}

export class ReviewTallyDto {
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty({ example: 'Kenji Watanabe' }) reviewerName: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ description: 'Submitted, without a declared conflict, with all five scores' })
  counted: boolean;
  @ApiProperty({ type: [ReasonDto], description: 'Why it is left out; empty when it counts' })
  exclusions: ReasonDto[];
  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true, description: 'Of counted reviews only' })
  recommendation: Recommendation | null;
}

export class PrincipleAssessmentDto {
  @ApiProperty({ enum: PRINCIPLE_IDS }) principle: PrincipleId;
  @ApiProperty({ example: 'People-centred' }) title: string;
  @ApiProperty({ description: 'Counted reviews scoring it' }) count: number;
  @ApiProperty({ type: [Number] }) scores: number[];
  @ApiProperty({ type: ExactMeanDto, nullable: true }) mean: ExactMeanDto | null;
  @ApiProperty({ nullable: true, type: Number }) min: number | null;
  @ApiProperty({ nullable: true, type: Number }) max: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'max − min' }) spread: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) meetsThreshold: boolean | null;
  @ApiProperty() disagreement: boolean;
  @ApiProperty({ description: 'A moderation note is recorded' }) moderated: boolean;
  @ApiProperty({ nullable: true, type: String }) moderationNote: string | null;
}

export class RecommendationCountsDto {
  @ApiProperty({ example: 2 }) approve: number;
  @ApiProperty({ example: 1 }) revise: number;
  @ApiProperty({ example: 0 }) reject: number;
}

/** A review round of a proposal: opened when it went under review, closed when it left review. */
export class ReviewRoundDto {
  @ApiProperty({ example: 2 }) number: number;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null while open' })
  closedAt: string | null;
  @ApiProperty({ description: 'The latest round: the only one whose reviews count' }) counting: boolean;
}

export class AssessmentQuery {
  @ApiPropertyOptional({
    minimum: 1,
    description:
      'Staff and admin: an earlier round, read-only (default: the latest round, the one that counts)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a round number (1, 2, …)' })
  @Min(1, { message: 'must be a round number (1, 2, …)' })
  @Max(1000, { message: 'must be a round number (1, 2, …)' })
  round?: number;
}

export class ModerationNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 1, description: 'The review round whose disagreement it moderates' }) round: number;
  @ApiProperty({ enum: PRINCIPLE_IDS }) principle: PrincipleId;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorId: string | null;
  @ApiProperty({ nullable: true, type: String }) authorName: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ModerationNoteList {
  @ApiProperty({ type: [ModerationNoteDto] }) items: ModerationNoteDto[];
}

/** The assessment of a proposal against the five principles, as libs/domain computes it. */
export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2026-0042' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({
    type: ReviewRoundDto,
    nullable: true,
    description: 'The round assessed (null before the proposal was first under review)',
  })
  round: ReviewRoundDto | null;
  @ApiProperty({
    type: [ReviewRoundDto],
    description:
      'Every round of the proposal, in order; only the latest counts, the earlier ones are read-only',
  })
  rounds: ReviewRoundDto[];
  @ApiProperty({
    type: [PrincipleIndicatorsDto],
    description: 'Structural indicators: evidence, not a verdict',
  })
  indicators: PrincipleIndicatorsDto[];
  @ApiProperty({ type: AssessmentThresholdsDto, description: 'As configured in the assessment settings' })
  thresholds: AssessmentThresholdsDto;
  @ApiProperty({ description: 'Submitted reviews of reviewers who declared no conflict' })
  countedReviews: number;
  @ApiProperty() enoughReviews: boolean;
  @ApiProperty({
    type: [ReviewTallyDto],
    description: 'Staff and admin: every review; a reviewer: the submitted ones',
  })
  reviews: ReviewTallyDto[];
  @ApiProperty({ type: [PrincipleAssessmentDto] }) principles: PrincipleAssessmentDto[];
  @ApiProperty({ type: ExactMeanDto, nullable: true, description: 'The mean of the five principle means' })
  overallMean: ExactMeanDto | null;
  @ApiProperty() passes: boolean;
  @ApiProperty({ type: [ReasonDto], description: 'Every reason it does not pass; empty when it passes' })
  failures: ReasonDto[];
  @ApiProperty({ enum: PRINCIPLE_IDS, isArray: true }) disagreements: PrincipleId[];
  @ApiProperty({
    enum: PRINCIPLE_IDS,
    isArray: true,
    description: 'Disagreements without a moderation note: they block a decision',
  })
  unmoderatedDisagreements: PrincipleId[];
  @ApiProperty({ type: RecommendationCountsDto, description: 'Of the counted reviews' })
  recommendations: RecommendationCountsDto;
  @ApiProperty({ type: [ModerationNoteDto] }) moderationNotes: ModerationNoteDto[];
}

export class ModerationNoteRequest {
  @VersionRead('Required when the note exists: the version read; or send If-Match')
  version?: number;

  @RequiredText({
    max: 10000,
    description: 'How staff moderated the disagreement',
    example: 'The panel met on 12 March; the outlying score rests on an older budget.',
  })
  note: string;
}

export class AssessmentSettingsDto extends AssessmentThresholdsDto {
  @ApiProperty({
    example: 21,
    description: 'Days a reviewer gets from assignment to the due date, by default',
  })
  reviewDueDays: number;
  @ApiProperty({
    example: 60,
    description: 'Days a proposal may stay under review (in its latest round) before it raises an alert',
  })
  reviewWaitingDays: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const THRESHOLD = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };
const THRESHOLD_MESSAGE = { message: 'must be a number from 0 to 4 with at most two decimals' };

export class UpdateAssessmentSettingsRequest {
  @VersionRead()
  version?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 4, example: 2 })
  @Optional()
  @IsNumber(THRESHOLD, THRESHOLD_MESSAGE)
  @Min(0, THRESHOLD_MESSAGE)
  @Max(4, THRESHOLD_MESSAGE)
  minPrincipleMean?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 4, example: 2.5 })
  @Optional()
  @IsNumber(THRESHOLD, THRESHOLD_MESSAGE)
  @Min(0, THRESHOLD_MESSAGE)
  @Max(4, THRESHOLD_MESSAGE)
  minOverallMean?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, example: 2 })
  @Optional()
  @IsInt({ message: 'must be a whole number from 1 to 20' })
  @Min(1, { message: 'must be a whole number from 1 to 20' })
  @Max(20, { message: 'must be a whole number from 1 to 20' })
  minReviews?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, example: 2 })
  @Optional()
  @IsInt({ message: 'must be a whole number from 1 to 4' })
  @Min(1, { message: 'must be a whole number from 1 to 4' })
  @Max(4, { message: 'must be a whole number from 1 to 4' })
  disagreementSpread?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, example: 21 })
  @Optional()
  @IsInt({ message: 'must be a whole number of days from 1 to 365' })
  @Min(1, { message: 'must be a whole number of days from 1 to 365' })
  @Max(365, { message: 'must be a whole number of days from 1 to 365' })
  reviewDueDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 730, example: 60 })
  @Optional()
  @IsInt({ message: 'must be a whole number of days from 1 to 730' })
  @Min(1, { message: 'must be a whole number of days from 1 to 730' })
  @Max(730, { message: 'must be a whole number of days from 1 to 730' })
  reviewWaitingDays?: number;
}
