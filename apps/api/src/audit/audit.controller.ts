import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { AuditService } from './audit.service';
import { AuditPage, AuditQuery } from './audit.dto';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log: who changed what and when, with the record before and after' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({
    type: AuditPage,
    description:
      'Staff see the entries of the records they may read (not users), with personal fields redacted',
  })
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQuery): Promise<AuditPage> {
    return this.audit.list(ctx.actor.role, query);
  }
}
