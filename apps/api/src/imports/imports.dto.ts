import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { VersionRead } from '../common/concurrency/expected-version';
import { NextCursor, PageQuery } from '../common/pagination/pagination';
import { IMPORT_KINDS, type ImportKind } from './import-kinds';

export const IMPORT_STATUSES = ['checking', 'checked', 'importing', 'imported', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const KIND_MESSAGE = `must be one of ${IMPORT_KINDS.join(', ')}`;

export class ImportRowError {
  @ApiProperty({ description: 'The row as a spreadsheet numbers it (the header is row 1)', example: 3 })
  row: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The header of the column at fault, as the file writes it; null for the row as a whole',
    example: 'Currency',
  })
  column: string | null;
  @ApiProperty({ example: 'must be an ISO 4217 currency code in use, such as "EUR"' }) message: string;
}

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export class ImportFieldChange {
  @ApiProperty({ example: 'amount', description: "The field of the API's record" }) field: string;
  @ApiProperty({ example: 'Amount', description: 'The header of its column, as the file writes it' })
  column: string;
  @ApiProperty({ example: '250000.00', description: 'As it is (an empty text for nothing)' }) from: string;
  @ApiProperty({ example: '300000.00', description: 'As the row makes it' }) to: string;
}

export class ImportChange {
  @ApiProperty({ example: 2 }) row: number;
  @ApiProperty({
    enum: IMPORT_ACTIONS,
    description:
      "What the row does: create a record; update the one its kind's key names (the template's notes " +
      'say which key); or nothing, the record already holding what the row says',
  })
  action: ImportAction;
  @ApiProperty({ example: 'Japan: 500000000.00 JPY (received)' }) summary: string;
  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'The record created or changed (null for a record a dry run would create)',
  })
  id: string | null;
  @ApiProperty({
    type: [ImportFieldChange],
    description: 'For an update: each field that changes, from what it is to what the row makes it',
  })
  fields: ImportFieldChange[];
}

export class ImportSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ example: 'contributions.xlsx' }) fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'], description: 'Read from the content, not the name' })
  format: 'csv' | 'xlsx';
  @ApiProperty({
    enum: IMPORT_STATUSES,
    description:
      'checking: the dry run is running; checked: dry run done (see errors); importing: writing; ' +
      'imported: every row written; failed: stopped by an unexpected error, nothing written',
  })
  status: ImportStatus;
  @ApiProperty() totalRows: number;
  @ApiProperty({ description: 'Rows checked or written so far by the running pass' }) processedRows: number;
  @ApiProperty({ description: 'Rows found at fault' }) errorCount: number;
  @ApiProperty({ description: 'Records the rows create or change (in a dry run: would)' })
  changeCount: number;
  @ApiProperty({ description: 'Rows that create a record' }) createCount: number;
  @ApiProperty({ description: 'Rows that change an existing record' }) updateCount: number;
  @ApiProperty({ description: 'Rows naming an existing record that already holds what they say' })
  unchangedCount: number;
  @ApiProperty({ type: String, nullable: true }) failure: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByEmail: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ImportDto extends ImportSummaryDto {
  @ApiProperty({ type: [ImportRowError], description: 'Every error, by row (at most 5,000)' })
  errors: ImportRowError[];
  @ApiProperty({
    type: [ImportChange],
    description: 'What each row creates or changes, or that it changes nothing (the first 1,000 rows)',
  })
  changes: ImportChange[];
}

export class ImportPage {
  @ApiProperty({ type: [ImportSummaryDto] }) items: ImportSummaryDto[];
  @NextCursor() nextCursor: string | null;
}

export class ImportQuery extends PageQuery {}

export class UploadImportRequest {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS, { message: KIND_MESSAGE })
  kind: ImportKind;
}

export class ConfirmImportRequest {
  @VersionRead()
  version?: number;
}

export class TemplateParams {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS, { message: KIND_MESSAGE })
  kind: ImportKind;
}
