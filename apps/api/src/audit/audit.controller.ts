import { Controller, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ReadRoute } from '../common/routes/route.decorators';
import { AuditService } from './audit.service';
import { AuditPage, AuditQuery } from './audit.dto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { AUDIT_EXPORT_COLUMNS } from './audit-export';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ExportableListResponse(AuditPage)
  @ReadRoute(AuditPage, {
    summary: 'The audit log: who changed what and when, with the record before and after; or as CSV or Excel',
    roles: ['admin', 'staff'],
    description:
      'Staff see the entries of the records they may read (not users), with personal fields redacted',
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: AuditQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'audit',
        format: query.format,
        columns: AUDIT_EXPORT_COLUMNS,
        page: (cursor, limit) => this.audit.list(ctx.actor.role, { ...query, cursor, limit }),
      });
    }
    return this.audit.list(ctx.actor.role, query);
  }
}
