import { Body, Controller, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ChangeRoute,
  CreateRoute,
  ReadRoute,
  RemoveRoute,
  UuidParam,
} from '../common/routes/route.decorators';
import {
  AlignmentDto,
  AlignmentPage,
  AlignmentQuery,
  CreateAlignmentRequest,
  UpdateAlignmentRequest,
} from './alignments.dto';
import { AlignmentsService } from './alignments.service';

@ApiTags('alignments')
@ApiNotFoundResponse({ description: 'The project does not exist or was deleted' })
@Controller('v1/projects/:id/alignments')
export class AlignmentsController {
  constructor(private readonly alignments: AlignmentsService) {}

  @ReadRoute(AlignmentPage, { summary: "A project's alignments to national strategies", roles: ALL_ROLES })
  list(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Query() query: AlignmentQuery,
  ): Promise<AlignmentPage> {
    return this.alignments.list(ctx, projectId, query);
  }

  @ReadRoute(AlignmentDto, { path: ':alignmentId', summary: 'One alignment of a project', roles: ALL_ROLES })
  get(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('alignmentId') id: string,
  ): Promise<AlignmentDto> {
    return this.alignments.get(ctx, projectId, id);
  }

  @CreateRoute(AlignmentDto, {
    summary: 'Align a project to a national strategy of a recipient country',
    roles: ['admin', 'staff'],
  })
  create(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Body() body: CreateAlignmentRequest,
  ): Promise<AlignmentDto> {
    return this.alignments.create(ctx, projectId, body);
  }

  @ChangeRoute(AlignmentDto, {
    path: ':alignmentId',
    summary: 'Change an alignment',
    roles: ['admin', 'staff'],
  })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('alignmentId') id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateAlignmentRequest,
  ): Promise<AlignmentDto> {
    return this.alignments.update(ctx, projectId, id, version, body);
  }

  @RemoveRoute({
    path: ':alignmentId',
    summary: 'Delete an alignment',
    roles: ['admin', 'staff'],
    description: 'Deleted',
  })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('alignmentId') id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.alignments.remove(ctx, projectId, id, version);
  }
}
