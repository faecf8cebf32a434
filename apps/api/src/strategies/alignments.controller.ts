import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, Authenticated } from '../auth/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
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

  @Get()
  @ApiOperation({ summary: "A project's alignments to national strategies" })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: AlignmentPage })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Query() query: AlignmentQuery,
  ): Promise<AlignmentPage> {
    return this.alignments.list(ctx, projectId, query);
  }

  @Get(':alignmentId')
  @ApiOperation({ summary: 'One alignment of a project' })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: AlignmentDto })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Param('alignmentId', ParseUUIDPipe) id: string,
  ): Promise<AlignmentDto> {
    return this.alignments.get(ctx, projectId, id);
  }

  @Post()
  @ApiOperation({ summary: 'Align a project to a national strategy of a recipient country' })
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: AlignmentDto })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Body() body: CreateAlignmentRequest,
  ): Promise<AlignmentDto> {
    return this.alignments.create(ctx, projectId, body);
  }

  @Patch(':alignmentId')
  @ApiOperation({ summary: 'Change an alignment' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: AlignmentDto })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Param('alignmentId', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateAlignmentRequest,
  ): Promise<AlignmentDto> {
    return this.alignments.update(ctx, projectId, id, version, body);
  }

  @Delete(':alignmentId')
  @ApiOperation({ summary: 'Delete an alignment' })
  @Authenticated('admin', 'staff')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Param('alignmentId', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.alignments.remove(ctx, projectId, id, version);
  }
}
