import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ReadRoute, UuidParam } from '../common/routes/route.decorators';
import { JobDto, JobPage, JobQuery } from './jobs.dto';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @ReadRoute(JobPage, {
    summary: 'The background jobs, newest first: waiting, running, failed (with the error) and done',
    roles: ['admin'],
  })
  list(@Query() query: JobQuery): Promise<JobPage> {
    return this.jobs.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Authenticated('admin')
  @ApiOperation({ summary: 'Run a failed job again (one more attempt)' })
  @ApiOkResponse({ type: JobDto, description: 'The job, waiting to be retried' })
  @ApiNotFoundResponse({ description: 'No such job' })
  @ApiConflictResponse({ description: 'The job has not failed' })
  retry(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<JobDto> {
    return this.jobs.retry(ctx, id);
  }
}
