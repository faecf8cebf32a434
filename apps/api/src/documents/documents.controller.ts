import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { ALL_DOCUMENT_KINDS, DOCUMENT_MEDIA_TYPES, DOCUMENT_RECORD_KINDS } from '@hstf/domain';
import { ALL_ROLES, Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ReadRoute, RemoveRoute, UuidParam } from '../common/routes/route.decorators';
import { DocumentDto, DocumentPage, DocumentQuery, UploadDocumentRequest } from './documents.dto';
import { DocumentsService, type UploadedDocumentFile } from './documents.service';

const STAFF = ['admin', 'staff'] as const;

@ApiTags('documents')
@Controller('v1/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @ReadRoute(DocumentPage, {
    summary: 'The documents attached to a consent record, project, report or revision, newest first',
    roles: ALL_ROLES,
    description:
      "Consent letters, reports' and revisions' documents: staff and admin; a project's own: also donors " +
      'and the reviewers assigned to it',
  })
  @ApiNotFoundResponse({ description: 'No such record, or not one the caller may read' })
  list(@Ctx() ctx: RequestContext, @Query() query: DocumentQuery): Promise<DocumentPage> {
    return this.documents.list(ctx, query);
  }

  @Post()
  @Authenticated(...STAFF)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary:
      'Attach a document to a consent record, project, report or revision: its type is read from its ' +
      'content, and the same content is kept once',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['recordKind', 'recordId', 'documentKind', 'file'],
      properties: {
        recordKind: { type: 'string', enum: [...DOCUMENT_RECORD_KINDS] },
        recordId: { type: 'string', format: 'uuid' },
        documentKind: { type: 'string', enum: [...ALL_DOCUMENT_KINDS] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentDto, description: 'The attachment' })
  @ApiNotFoundResponse({ description: 'No such record' })
  @ApiPayloadTooLargeResponse({ description: 'A file over the configured bound (DOCUMENT_MAX_BYTES)' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'Content that is not PDF, PNG, JPEG, DOCX, XLSX, ODT or plain text, whatever its name',
  })
  @ApiUnprocessableEntityResponse({ description: 'An empty file' })
  attach(
    @Ctx() ctx: RequestContext,
    @Body() body: UploadDocumentRequest,
    @UploadedFile() file: UploadedDocumentFile | undefined,
  ): Promise<DocumentDto> {
    return this.documents.attach(ctx, body, file);
  }

  @Get(':id/content')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Download a document, under its original name' })
  @ApiOkResponse({
    description: 'The content, as an attachment with the name it was uploaded under',
    content: Object.fromEntries(
      Object.values(DOCUMENT_MEDIA_TYPES).map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  @ApiNotFoundResponse({ description: 'No such document, or not one the caller may read' })
  async content(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, stream } = await this.documents.content(ctx, id);
    // The name as RFC 6266, with RFC 5987's filename* for names beyond ASCII.
    reply
      .header('Content-Disposition', contentDisposition(document.fileName))
      .header('Content-Type', document.mediaType)
      .header('Content-Length', String(document.sizeBytes))
      .header('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(stream);
  }

  @RemoveRoute({ summary: 'Remove a document from its record', roles: STAFF })
  @ApiNotFoundResponse({ description: 'No such document' })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.documents.remove(ctx, id, version);
  }
}
