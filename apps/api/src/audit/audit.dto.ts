import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ExportablePageQuery } from '../common/export/export-format';
import { NextCursor } from '../common/pagination/pagination';

/**
 * ISO 8601 as a person or a client writes an instant: a four-digit year, then optionally the time
 * and its offset. The validator's ISO check also takes expanded years such as "-73231119", which
 * PostgreSQL then reads as a time zone and refuses.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const INSTANT_MESSAGE = '$property must be an ISO 8601 date or date-time, such as 2026-01-31T12:00:00Z';

export class AuditQuery extends ExportablePageQuery {
  @ApiPropertyOptional({ example: 'organization' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entity?: string;

  @ApiPropertyOptional({ description: 'The id of the changed record' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The project the entries belong to: the project itself and every record of it',
  })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'update' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this instant' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this instant' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'officer@hstf.example.org' }) actorEmail:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Amina Diallo',
    description: 'The name of who made the change; null for changes by the system',
  })
  actorName: string | null;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ example: 'donor' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The project the changed record belongs to, if any',
  })
  projectId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'HS-2026-0004', description: "That project's code" })
  projectCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: "That project's title" })
  projectTitle: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, example: '9b2c7e1a-4d0f-4a53-8f1e-2d6b5c3a7e90' })
  requestId: string | null;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @NextCursor() nextCursor: string | null;
}
