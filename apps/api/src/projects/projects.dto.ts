import { COMPLIANCE_STATUSES } from '@hstf/domain';
import type { ComplianceStatus } from '@hstf/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { OptionalText, RequiredText } from '../common/validation/text';
import { Optional } from '../common/validation/optional';
import { VersionRead } from '../common/concurrency/expected-version';
import { ExportablePageQuery } from '../common/export/export-format';
import { IsMoney } from '../common/money/money.decorators';
import { DIMENSIONS, PROJECT_SORTS, STAGES, VULNERABLE_GROUPS, WINDOWS } from './project-vocabulary';
import type { Dimension, ProjectSort, Stage, VulnerableGroup, Window } from './project-vocabulary';
import { NextCursor } from '../common/pagination/pagination';
import {
  ProjectSummaryTranslations,
  ProjectTitleTranslations,
} from '../common/translations/translations.dto';

/** What the project list computes only when asked. */
export const PROJECT_LIST_INCLUDES = ['paragraph6'] as const;

const upper = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v))
    : value;
/** Query strings repeat a parameter or separate values with commas: both give an array. */
const list = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
/** Narratives are kept as written, spaces and all; the principle's review judges their content. */
const NARRATIVE = { max: 20000, min: 0, trim: false };

export class ProjectNarratives {
  @RequiredText({
    ...NARRATIVE,
    description: 'People-centred: who is threatened, the most vulnerable first, their participation',
    example:
      'Pastoralist households facing drought and cattle raids, women and youth first, who plan the work.',
  })
  peopleCentred: string;

  @RequiredText({
    ...NARRATIVE,
    description: 'Comprehensive: interconnected threats, multi-sectoral, multi-agency',
  })
  comprehensive: string;

  @RequiredText({ ...NARRATIVE, description: 'Context-specific: the local context and capacities' })
  contextSpecific: string;

  @RequiredText({ ...NARRATIVE, description: 'Prevention-oriented: root causes, early warning, resilience' })
  preventionOriented: string;

  @RequiredText({
    ...NARRATIVE,
    description: 'Protection and empowerment: top-down protection with bottom-up empowerment',
  })
  protectionEmpowerment: string;
}

export class ParagraphThreeDeclarations {
  @ApiProperty({
    description: 'Resolution 66/290 para 3(e): no threat or use of force or coercive measures',
    example: true,
  })
  @IsBoolean()
  noCoercion: boolean;

  @ApiProperty({ description: 'Resolution 66/290 para 3(d): distinct from the responsibility to protect' })
  @IsBoolean()
  distinctFromR2p: boolean;
}

export class ParticipatingOrganizationInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId: string;

  @IsMoney({ allowZero: true, description: "This organization's share of the requested budget (USD)" })
  budgetShare: string;
}

export class ParticipatingOrganizationDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) acronym: string | null;
  @ApiProperty() kind: string;
  @ApiProperty({ example: '600000.00' }) budgetShare: string;
  @ApiProperty() lead: boolean;
}

export class RecipientCountryDto {
  @ApiProperty({ example: 'KEN' }) iso3: string;
  @ApiProperty({ example: 'KE' }) iso2: string;
  @ApiProperty({ example: 'Kenya' }) name: string;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
}

/** The fields staff write, shared by create and update; a create must also carry a title and a window. */
class ProjectFields {
  @OptionalText({ max: 5000, min: 0, trim: false })
  summary?: string;

  @ApiPropertyOptional({
    type: ProjectTitleTranslations,
    description:
      'The title in other languages; replaces the translations held (omit a language to remove it)',
  })
  @Optional()
  @ValidateNested()
  @Type(() => ProjectTitleTranslations)
  titleTranslations?: ProjectTitleTranslations;

  @ApiPropertyOptional({
    type: ProjectSummaryTranslations,
    description:
      'The summary in other languages; replaces the translations held (omit a language to remove it)',
  })
  @Optional()
  @ValidateNested()
  @Type(() => ProjectSummaryTranslations)
  summaryTranslations?: ProjectSummaryTranslations;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  leadOrganizationId?: string | null;

  @ApiPropertyOptional({ type: [ParticipatingOrganizationInput] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ParticipatingOrganizationInput)
  organizations?: ParticipatingOrganizationInput[];

  @ApiPropertyOptional({ type: [String], example: ['KEN', 'UGA'], description: 'ISO 3166-1 alpha-3 codes' })
  @Optional()
  @Transform(upper)
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'must hold ISO 3166-1 alpha-3 codes' })
  recipientCountries?: string[];

  @IsMoney({ optional: true, allowZero: true, description: 'Requested from the Fund (USD)' })
  requestedBudget?: string;

  @IsMoney({
    nullable: true,
    allowZero: true,
    description: 'Approved by the Fund (USD); fixed once approved',
  })
  approvedBudget?: string | null;

  @IsMoney({ optional: true, allowZero: true, description: 'Co-funding from other sources (USD)' })
  coFunding?: string;

  @IsOptionalCalendarDate({ nullable: true })
  startDate?: string | null;

  @IsOptionalCalendarDate({ nullable: true })
  endDate?: string | null;

  @ApiPropertyOptional({ enum: DIMENSIONS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(DIMENSIONS, { each: true, message: `must hold only ${DIMENSIONS.join(', ')}` })
  dimensions?: Dimension[];

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0 })
  @Optional({ nullable: true })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(2_000_000_000)
  targetBeneficiaries?: number | null;

  @ApiPropertyOptional({ enum: VULNERABLE_GROUPS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(VULNERABLE_GROUPS, { each: true, message: 'must hold only the vulnerable groups of the design' })
  vulnerableGroups?: VulnerableGroup[];

  @ApiPropertyOptional({
    type: [Number],
    example: [1, 5, 16],
    description: 'Sustainable Development Goals 1–17',
  })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true, message: 'must hold SDG numbers 1 to 17' })
  @Min(1, { each: true, message: 'must hold SDG numbers 1 to 17' })
  @Max(17, { each: true, message: 'must hold SDG numbers 1 to 17' })
  sdgs?: number[];

  @ApiPropertyOptional({ type: ProjectNarratives })
  @Optional()
  @ValidateNested()
  @Type(() => ProjectNarratives)
  narratives?: ProjectNarratives;

  @OptionalText({
    ...NARRATIVE,
    description: 'Top-down protection measures (norms, institutions, early warning…)',
  })
  protectionMeasures?: string;

  @OptionalText({ ...NARRATIVE, description: 'Bottom-up empowerment measures' })
  empowermentMeasures?: string;

  @ApiPropertyOptional({ type: ParagraphThreeDeclarations })
  @Optional()
  @ValidateNested()
  @Type(() => ParagraphThreeDeclarations)
  declarations?: ParagraphThreeDeclarations;
}

export class CreateProjectRequest extends ProjectFields {
  @ApiPropertyOptional({
    example: 'HS-2026-0042',
    description: 'Generated as HS-<year>-<number> when omitted',
  })
  @Optional()
  @Matches(/^HS-\d{4}-\d{4}$/, { message: 'must look like HS-2026-0042' })
  code?: string;

  @RequiredText({ max: 300, min: 3 })
  title: string;

  @ApiProperty({ enum: WINDOWS, description: 'Funding window I or II' })
  @IsIn(WINDOWS, { message: 'must be I or II' })
  window: Window;
}

export class UpdateProjectRequest extends ProjectFields {
  @VersionRead()
  version?: number;

  @OptionalText({ max: 300, min: 3 })
  title?: string;

  @ApiPropertyOptional({ enum: WINDOWS, description: 'Funding window I or II' })
  @Optional()
  @IsIn(WINDOWS, { message: 'must be I or II' })
  window?: Window;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HS-2026-0042' }) code: string;
  @ApiProperty({ example: 'Community resilience to drought in the Karamoja cluster' }) title: string;
  @ApiProperty({ example: 'Livelihoods and protection for pastoralist households.' }) summary: string;
  @ApiProperty({ type: ProjectTitleTranslations, description: 'The title in other languages, by language' })
  titleTranslations: ProjectTitleTranslations;
  @ApiProperty({
    type: ProjectSummaryTranslations,
    description: 'The summary in other languages, by language',
  })
  summaryTranslations: ProjectSummaryTranslations;
  @ApiProperty({ enum: WINDOWS }) window: Window;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) leadOrganizationId: string | null;
  @ApiProperty({ type: [ParticipatingOrganizationDto] }) organizations: ParticipatingOrganizationDto[];
  @ApiProperty({ type: [RecipientCountryDto] }) recipientCountries: RecipientCountryDto[];
  @ApiProperty({ example: '1000000.00' }) requestedBudget: string;
  @ApiProperty({ nullable: true, type: String }) approvedBudget: string | null;
  @ApiProperty({ example: '0.00' }) coFunding: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ enum: DIMENSIONS, isArray: true }) dimensions: Dimension[];
  @ApiProperty({ nullable: true, type: Number }) targetBeneficiaries: number | null;
  @ApiProperty({ enum: VULNERABLE_GROUPS, isArray: true }) vulnerableGroups: VulnerableGroup[];
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: ProjectNarratives }) narratives: ProjectNarratives;
  @ApiProperty() protectionMeasures: string;
  @ApiProperty() empowermentMeasures: string;
  @ApiProperty({ type: ParagraphThreeDeclarations }) declarations: ParagraphThreeDeclarations;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProjectSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HS-2026-0042' }) code: string;
  @ApiProperty({ example: 'Community resilience to drought in the Karamoja cluster' }) title: string;
  @ApiProperty({ type: ProjectTitleTranslations, description: 'The title in other languages, by language' })
  titleTranslations: ProjectTitleTranslations;
  @ApiProperty({ enum: WINDOWS }) window: Window;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ type: [String], description: 'Recipient countries (alpha-3)', example: ['KEN', 'UGA'] })
  countries: string[];
  @ApiProperty({ nullable: true, type: String, example: 'UNDP' }) leadOrganization: string | null;
  @ApiProperty({ example: '1000000.00' }) requestedBudget: string;
  @ApiProperty({ nullable: true, type: String, example: '950000.00' }) approvedBudget: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ enum: DIMENSIONS, isArray: true }) dimensions: Dimension[];
  @ApiProperty({
    enum: COMPLIANCE_STATUSES,
    nullable: true,
    type: String,
    example: 'compliant',
    description:
      "Resolution 66/290 paragraph 6, judged on the stage's date, as GET /projects/{id}/compliance answers " +
      'without a date; only with include=paragraph6 (null otherwise), since judging costs about 0.3 ms a row',
  })
  paragraph6: ComplianceStatus | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProjectPage {
  @ApiProperty({ type: [ProjectSummaryDto] }) items: ProjectSummaryDto[];
  @NextCursor() nextCursor: string | null;
}

export class ProjectCount {
  @ApiProperty({ example: 1234, description: 'How many projects the filters hold' })
  count: number;
  @ApiProperty({
    example: true,
    description:
      'Counted (true), or the database\'s estimate when more than 10,000 match (false): say "about"',
  })
  exact: boolean;
}

export class ProjectQuery extends ExportablePageQuery {
  @ApiPropertyOptional({ enum: PROJECT_SORTS, default: 'code', description: 'Prefix with - for descending' })
  @IsOptional()
  @IsIn([...PROJECT_SORTS, ...PROJECT_SORTS.map((s) => `-${s}`)], {
    message: `must be one of ${PROJECT_SORTS.join(', ')}, optionally prefixed with -`,
  })
  sort?: ProjectSort | `-${ProjectSort}`;

  @ApiPropertyOptional({ enum: STAGES, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsIn(STAGES, { each: true, message: `must hold only ${STAGES.join(', ')}` })
  stage?: Stage[];

  @ApiPropertyOptional({ enum: WINDOWS })
  @IsOptional()
  @IsIn(WINDOWS, { message: 'must be I or II' })
  window?: Window;

  @ApiPropertyOptional({ type: [String], description: 'Recipient country (alpha-3); any of them' })
  @IsOptional()
  @Transform(list)
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'must hold ISO 3166-1 alpha-3 codes' })
  country?: string[];

  @ApiPropertyOptional({ description: 'UN M49 region code or name of a recipient country', example: '002' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  region?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A participating organization' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organization?: string;

  @ApiPropertyOptional({ enum: DIMENSIONS })
  @IsOptional()
  @IsIn(DIMENSIONS, { message: `must be one of ${DIMENSIONS.join(', ')}` })
  dimension?: Dimension;

  @ApiPropertyOptional({ enum: VULNERABLE_GROUPS })
  @IsOptional()
  @IsIn(VULNERABLE_GROUPS, { message: 'must be one of the vulnerable groups of the design' })
  group?: VulnerableGroup;

  @ApiPropertyOptional({ minimum: 1, maximum: 17 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an SDG number from 1 to 17' })
  @Min(1, { message: 'must be an SDG number from 1 to 17' })
  @Max(17, { message: 'must be an SDG number from 1 to 17' })
  sdg?: number;

  @ApiPropertyOptional({ description: 'Start year from (inclusive)', example: 2010 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1999)
  @Max(2200)
  fromYear?: number;

  @ApiPropertyOptional({ description: 'Start year to (inclusive)', example: 2015 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1999)
  @Max(2200)
  toYear?: number;

  @ApiPropertyOptional({
    description: 'Full-text search over code, title and summary, and the title in every language',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: COMPLIANCE_STATUSES,
    isArray: true,
    description:
      "Resolution 66/290 paragraph 6 status, any of them, each project judged on its stage's date " +
      '(proposals, approved, active and suspended projects today; completed and closed ones on their approval)',
    example: ['non_compliant'],
  })
  @IsOptional()
  @Transform(list)
  @IsIn(COMPLIANCE_STATUSES, { each: true, message: `must hold only ${COMPLIANCE_STATUSES.join(', ')}` })
  compliance?: ComplianceStatus[];

  @ApiPropertyOptional({
    enum: PROJECT_LIST_INCLUDES,
    description:
      "paragraph6: each row's paragraph 6 status. Judging it costs about 0.3 ms a row, so a list that " +
      'does not show it does not ask for it',
    example: 'paragraph6',
  })
  @IsOptional()
  @IsIn(PROJECT_LIST_INCLUDES, { message: `must be ${PROJECT_LIST_INCLUDES.join(' or ')}` })
  include?: (typeof PROJECT_LIST_INCLUDES)[number];
}
