import { Body, Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_ROLES, Authenticated } from '../common/access/access.decorators';
import { exportLanguage } from '../common/export/export-file';
import { PageQuery } from '../common/pagination/pagination';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { CreateRoute, ReadRoute, UuidParam } from '../common/routes/route.decorators';
import { CreateExportRequest, ExportJobDto, ExportJobPage } from './export-jobs.dto';
import { ExportJobsService } from './export-jobs.service';

@ApiTags('exports')
@Controller('v1/exports')
export class ExportJobsController {
  constructor(private readonly exports: ExportJobsService) {}

  @CreateRoute(ExportJobDto, {
    summary: "Prepare a list's export in the background (who may read the list may export it)",
    roles: ALL_ROLES,
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateExportRequest,
    @Req() request: FastifyRequest,
  ): Promise<ExportJobDto> {
    return this.exports.request(ctx, body, body.lang ?? exportLanguage(request));
  }

  @ReadRoute(ExportJobPage, {
    summary: 'The exports you asked for, newest first: waiting, running, done (with rows) or failed',
    roles: ALL_ROLES,
  })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQuery): Promise<ExportJobPage> {
    return this.exports.list(ctx, query);
  }

  @Get(':id/file')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: "A finished export's file (the user who asked for it, or an admin)" })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: "No such export, expired, or another user's" })
  @ApiConflictResponse({ description: 'The export is not done' })
  async file(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exports.file(ctx, id);
    reply.header('Content-Language', file.language);
    return new StreamableFile(file.content, {
      type: file.type,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}
