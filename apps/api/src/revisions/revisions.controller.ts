import { Body, Controller, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { PageQuery } from '../common/pagination/pagination';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { CreateRoute, ReadRoute, UuidParam } from '../common/routes/route.decorators';
import { CreateRevisionRequest, DecideRevisionRequest, RevisionDto, RevisionPage } from './revisions.dto';
import { RevisionsService } from './revisions.service';

@ApiTags('revisions')
@ApiNotFoundResponse({ description: 'The project (or the request) does not exist' })
@Controller('v1/projects/:id/revisions')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  @ReadRoute(RevisionPage, {
    summary: "A project's budget revisions and extensions, newest first, with their decisions",
    roles: ['admin', 'staff'],
  })
  list(@UuidParam() projectId: string, @Query() query: PageQuery): Promise<RevisionPage> {
    return this.revisions.list(projectId, query);
  }

  @ReadRoute(RevisionDto, {
    path: ':revisionId',
    summary: 'One revision or extension request',
    roles: ['admin', 'staff'],
  })
  get(@UuidParam() projectId: string, @UuidParam('revisionId') id: string): Promise<RevisionDto> {
    return this.revisions.get(projectId, id);
  }

  @CreateRoute(RevisionDto, {
    summary:
      'Request a budget revision (raise, cut, or money moved between organizations) or a no-cost extension',
    roles: ['admin', 'staff'],
    description: 'The request, pending until another staff member decides it',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'The project is not approved or active, a raise exceeds the available balance, or a consent is not valid through the new end date',
  })
  create(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Body() body: CreateRevisionRequest,
  ): Promise<RevisionDto> {
    return this.revisions.create(ctx, projectId, body);
  }

  @CreateRoute(RevisionDto, {
    path: ':revisionId/decision',
    summary: 'Approve or reject a pending request (by someone other than its requester)',
    roles: ['admin', 'staff'],
    description: 'The request as decided; an approval has changed the project',
  })
  @ApiForbiddenResponse({ description: 'Four eyes: the requester cannot decide their own request' })
  @ApiConflictResponse({
    description: 'A stale version, a request already decided, or a project changed since',
  })
  @ApiUnprocessableEntityResponse({ description: 'The request no longer passes its rules' })
  decide(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('revisionId') id: string,
    @ExpectedVersion() version: number,
    @Body() body: DecideRevisionRequest,
  ): Promise<RevisionDto> {
    return this.revisions.decide(ctx, projectId, id, version, body);
  }
}
