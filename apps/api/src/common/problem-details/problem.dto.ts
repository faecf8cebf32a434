import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'endDate' }) field: string;
  @ApiProperty({ example: 'must be after the start date (2026-03-01)' }) message: string;
}

/** How every error is answered (RFC 9457), documented once for the whole API. */
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
}
