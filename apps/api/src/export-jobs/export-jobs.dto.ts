import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../common/export/export-labels';
import { NextCursor } from '../common/pagination/pagination';

/** The lists that can be exported in the background. */
export const EXPORT_LISTS = ['projects'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_JOB_FORMATS = ['csv', 'xlsx'] as const;
export type ExportJobFormat = (typeof EXPORT_JOB_FORMATS)[number];
export const EXPORT_JOB_STATES = ['waiting', 'running', 'done', 'failed'] as const;
export type ExportJobState = (typeof EXPORT_JOB_STATES)[number];

export class CreateExportRequest {
  @ApiProperty({ enum: EXPORT_LISTS }) @IsIn(EXPORT_LISTS) list: ExportList;
  @ApiProperty({ enum: EXPORT_JOB_FORMATS }) @IsIn(EXPORT_JOB_FORMATS) format: ExportJobFormat;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The list's filters and sort, as its query takes them (cursor and limit are ignored)",
    example: { stage: ['active'], country: ['KEN'], sort: '-updatedAt' },
  })
  @IsOptional()
  @IsObject()
  filters?: Record<string, unknown>;

  @ApiPropertyOptional({
    enum: EXPORT_LANGUAGES,
    description: "The file's headers in this language; without it, Accept-Language",
  })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}

export class ExportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EXPORT_LISTS }) list: ExportList;
  @ApiProperty({ enum: EXPORT_JOB_FORMATS }) format: ExportJobFormat;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { stage: ['active'] } })
  filters: Record<string, unknown>;
  @ApiProperty({ enum: EXPORT_JOB_STATES }) state: ExportJobState;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed export failed' })
  error: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Rows written, once done' }) rows: number | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the file is removed (EXPORT_RETENTION_HOURS after it finished)',
  })
  expiresAt: string | null;
}

export class ExportJobPage {
  @ApiProperty({ type: [ExportJobDto] }) items: ExportJobDto[];
  @NextCursor() nextCursor: string | null;
}
