import { applyDecorators } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../pagination/pagination';
import { EXPORT_LANGUAGES, type ExportLanguage } from './export-labels';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A list's query that may also ask for the whole list as a file. The format is a query parameter,
 * not an Accept header, so a plain link in the dashboard downloads it. An unknown format is a 400
 * problem from the validation pipe, before anything is read.
 */
export class ExportablePageQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'json',
    description:
      'json: a page at a time. csv (RFC 4180, UTF-8 with BOM) or xlsx: every row matching the filters, ' +
      'all pages, limit and cursor ignored; headers in the language of Accept-Language',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({
    enum: EXPORT_LANGUAGES,
    description:
      "The file's headers in this language (the dashboard sends the reader's); without it, Accept-Language",
  })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, { message: `must be one of ${EXPORT_LANGUAGES.join(', ')}` })
  lang?: ExportLanguage;
}

/** Whether the query asks for a file rather than a page of JSON. */
export function isFileExport(query: { format?: ExportFormat }): query is { format: 'csv' | 'xlsx' } {
  return query.format === 'csv' || query.format === 'xlsx';
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The 200 answer of a list that exports: its page as JSON, or the file named by `format`. Placed
 * above the route decorator, it replaces the route's JSON-only answer in the OpenAPI document.
 */
export const ExportableListResponse = (page: Type<unknown>) =>
  applyDecorators(
    ApiExtraModels(page),
    ApiOkResponse({
      description: 'A page as JSON; with format=csv or format=xlsx, every matching row as a file',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(page) } },
        'text/csv': { schema: { type: 'string' } },
        [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );
