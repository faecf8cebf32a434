import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'endDate' }) field: string;
  @ApiProperty({ example: 'must be after the start date (2026-03-01)' }) message: string;
}

/** A rule that refused, as libs/domain names it: a code and the facts it was judged on. */
export class RuleGapDto {
  @ApiProperty({ example: 'score_missing' }) code: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { principle: 'people_centred' } })
  facts: Record<string, unknown>;
}

export class RuleFailureDto extends RuleGapDto {
  @ApiProperty({ description: 'The reason in words' }) message: string;
}

/**
 * How every error is answered (RFC 9457), documented once for the whole API. Beside the standard
 * members, the extensions a problem type carries (RFC 9457 §3.2) are each declared here, so a
 * client knows them and an undeclared one is caught by the contract test.
 */
export class ProblemDocumentDto {
  @ApiProperty({ example: 'https://hstf-portfolio.org/problems/validation' }) type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional({ example: 'The request has invalid fields.' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/projects' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Validation errors, one per field and rule' })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'On 409 for a stale version: the version the record is at now' })
  currentVersion?: number;
  @ApiPropertyOptional({ description: 'A review action refused (422): the rule that refused' })
  code?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'A review action refused (422): the facts the rule was judged on',
  })
  facts?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: [RuleFailureDto],
    description: 'A transition refused (422): every failed gate',
  })
  failures?: RuleFailureDto[];
  @ApiPropertyOptional({ type: [RuleGapDto], description: 'A review not complete (422): what is missing' })
  missing?: RuleGapDto[];
  @ApiPropertyOptional({ description: 'A transition or consent status change refused (422): the status now' })
  from?: string;
  @ApiPropertyOptional({
    description: 'A transition or consent status change refused (422): the status asked',
  })
  to?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'A consent status change refused (422): the statuses it can go to',
  })
  allowed?: string[];
  @ApiPropertyOptional({ description: 'A transfer to a project that cannot receive one (422): its stage' })
  stage?: string;
  @ApiPropertyOptional({ example: '1000000.00', description: 'A transfer over budget (422)' })
  approvedBudget?: string;
  @ApiPropertyOptional({
    example: '900000.00',
    description: 'A transfer over budget (422): already transferred',
  })
  transferred?: string;
  @ApiPropertyOptional({ example: '100000.00', description: 'A transfer over budget (422): what remains' })
  remaining?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A duplicate consent record (409): the one that exists',
  })
  existingId?: string;
  @ApiPropertyOptional({
    type: [RuleGapDto],
    description: 'A revision, extension or lesson refused: every rule that refused it (the first is code)',
  })
  problems?: RuleGapDto[];
  @ApiPropertyOptional({
    example: '/api/v1/projects/6f1c…/revisions',
    description:
      "An approved project's budget or end date edited directly (422): where to request the revision or extension",
  })
  revisionsRoute?: string;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'Too many sign-in attempts or password-reset requests (429): when to try again',
  })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({
    enum: ['address', 'account', 'email'],
    description:
      'Too many sign-in attempts or password-reset requests (429): from this network address, for this account, or for this email',
  })
  limit?: 'address' | 'account' | 'email';
  @ApiPropertyOptional({ type: 'integer', description: 'A national strategy in use (409): alignments to it' })
  alignments?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'A donor in use (409): its contributions' })
  contributions?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'A donor in use (409): its users' })
  users?: number;
  @ApiPropertyOptional({
    example: 'fk_transfers_organization',
    description: 'A write refused by the database (409): the constraint that refused it',
  })
  constraint?: string;
  @ApiPropertyOptional({ enum: ['down'], description: 'The health check (503)' })
  database?: 'down';
}
