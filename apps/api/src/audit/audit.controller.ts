import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ReadRoute } from '../common/routes/route.decorators';
import { AuditService } from './audit.service';
import { AuditPage, AuditQuery } from './audit.dto';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ReadRoute(AuditPage, {
    summary: 'The audit log: who changed what and when, with the record before and after',
    roles: ['admin', 'staff'],
    description:
      'Staff see the entries of the records they may read (not users), with personal fields redacted',
  })
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQuery): Promise<AuditPage> {
    return this.audit.list(ctx.actor.role, query);
  }
}
