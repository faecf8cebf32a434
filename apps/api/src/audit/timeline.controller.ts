import { Controller, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../common/pagination/pagination';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ReadRoute, UuidParam } from '../common/routes/route.decorators';
import { AuditService } from './audit.service';
import { TimelinePage } from './timeline.dto';

@ApiTags('audit')
@ApiNotFoundResponse({ description: 'The project does not exist or was deleted' })
@Controller('v1/projects/:id/timeline')
export class TimelineController {
  constructor(private readonly audit: AuditService) {}

  @ReadRoute(TimelinePage, {
    summary:
      "The project's whole story, newest first: its moves, consents and their history, alignments, " +
      'reviews, transfers and every other record of it, with who and when',
    roles: ['admin', 'staff', 'donor'],
  })
  timeline(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Query() query: PageQuery,
  ): Promise<TimelinePage> {
    return this.audit.timeline(ctx.actor.role, projectId, query);
  }
}
