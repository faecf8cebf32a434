import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  Res,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { exportLanguage } from '../common/export/export-file';
import { XLSX_MEDIA_TYPE } from '../common/export/export-format';
import { Problem } from '../common/problem-details/problem';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ReadRoute, UuidParam } from '../common/routes/route.decorators';
import { IMPORT_KINDS } from './import-kinds';
import { importTemplate } from './import-template';
import {
  ConfirmImportRequest,
  ImportDto,
  ImportPage,
  ImportQuery,
  TemplateParams,
  UploadImportRequest,
} from './imports.dto';
import { ImportsService, SYNC_ROW_LIMIT } from './imports.service';

/** The largest file accepted; a larger one is refused (413) while it is still arriving. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const STAFF = ['admin', 'staff'] as const;

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @ReadRoute(ImportPage, { summary: 'The imports, newest first', roles: STAFF })
  list(@Query() query: ImportQuery): Promise<ImportPage> {
    return this.imports.list(query);
  }

  @Get('templates/:kind')
  @Authenticated(...STAFF)
  @ApiOperation({ summary: "An import's template: the header row it reads, in the reader's language" })
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'], required: false })
  @ApiQuery({ name: 'lang', enum: ['en', 'fr', 'es', 'ar', 'zh', 'ru'], required: false })
  @ApiOkResponse({
    description: 'The template file (Excel unless format=csv)',
    content: {
      'text/csv': { schema: { type: 'string' } },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiBadRequestResponse({ description: 'Unknown kind or format' })
  template(
    @Param() params: TemplateParams,
    @Query('format') format: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    if (format !== undefined && format !== 'csv' && format !== 'xlsx') {
      throw Problem.validation([{ field: 'format', message: 'must be one of csv, xlsx' }]);
    }
    return importTemplate(request, reply, params.kind, format ?? 'xlsx');
  }

  @Post()
  @Authenticated(...STAFF)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2 } }))
  @ApiOperation({
    summary:
      'Upload a CSV or Excel file and check it (dry run): every error by row and column, and what ' +
      `would be created. Files over ${SYNC_ROW_LIMIT} rows are checked in the background (status checking)`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...IMPORT_KINDS] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportDto, description: 'The import, checked (or being checked)' })
  @ApiBadRequestResponse({
    description: 'No file, an unknown kind, or a header row that is not the template',
  })
  @ApiPayloadTooLargeResponse({ description: `A file over ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` })
  @ApiUnsupportedMediaTypeResponse({
    description: 'The content is neither CSV (UTF-8 text) nor an Excel workbook',
  })
  upload(
    @Ctx() ctx: RequestContext,
    @Body() body: UploadImportRequest,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Req() request: FastifyRequest,
  ): Promise<ImportDto> {
    return this.imports.upload(ctx, body.kind, file, exportLanguage(request));
  }

  @ReadRoute(ImportDto, {
    path: ':id',
    summary: "An import: its status and progress, every row's errors, what it creates",
    roles: STAFF,
  })
  @ApiNotFoundResponse({ description: 'No such import' })
  get(@UuidParam() id: string): Promise<ImportDto> {
    return this.imports.get(id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Authenticated(...STAFF)
  @ApiOperation({
    summary:
      'Write every row of a checked import in one transaction, each record with its audit entry, or none. ' +
      `Files over ${SYNC_ROW_LIMIT} rows are written in the background (status importing)`,
  })
  @ApiOkResponse({ type: ImportDto, description: 'The import, imported (or being imported)' })
  @ApiNotFoundResponse({ description: 'No such import' })
  @ApiConflictResponse({ description: 'A stale version, or an import not in the checked state' })
  @ApiUnprocessableEntityResponse({ description: 'Rows are at fault: nothing was written' })
  confirm(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @Body() _body: ConfirmImportRequest,
    @ExpectedVersion() version: number,
  ): Promise<ImportDto> {
    return this.imports.confirm(ctx, id, version);
  }
}
