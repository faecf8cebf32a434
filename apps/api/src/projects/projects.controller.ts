import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  PipeTransform,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import { Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { sendJsonText } from '../common/json/json-text';
import { Problem } from '../common/problem-details/problem';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  CreateProjectRequest,
  ProjectDto,
  ProjectPage,
  ProjectQuery,
  UpdateProjectRequest,
} from './projects.dto';
import { ProjectsService } from './projects.service';

const PROJECT_CODE = /^HS-\d{4}-\d{4}$/i;

/** A project's address: its id, or the code people quote (HS-2026-0004) in any case. */
class ParseProjectKeyPipe implements PipeTransform<string, { id: string } | { code: string }> {
  transform(value: string): { id: string } | { code: string } {
    if (isUUID(value)) return { id: value };
    if (PROJECT_CODE.test(value)) return { code: value.toUpperCase() };
    throw Problem.validation([
      { field: 'id', message: 'must be a UUID or a project code such as HS-2026-0042' },
    ]);
  }
}

// Reviewers read the proposals assigned to them through the review routes.
@ApiTags('projects')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOperation({ summary: 'Projects, filtered and sorted, a page at a time' })
  @Authenticated('admin', 'staff', 'donor')
  @ApiOkResponse({ type: ProjectPage })
  list(@Query() query: ProjectQuery, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.projects.listJson(query).then((page) => sendJsonText(response, page));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One project, in full, by its id or its code (HS-2026-0004)' })
  @ApiParam({
    name: 'id',
    type: String,
    description: 'The project id (UUID) or its code',
    example: 'HS-2026-0004',
  })
  @Authenticated('admin', 'staff', 'donor')
  @ApiOkResponse({ type: ProjectDto })
  get(@Param('id', ParseProjectKeyPipe) key: { id: string } | { code: string }): Promise<ProjectDto> {
    return 'id' in key ? this.projects.get(key.id) : this.projects.getByCode(key.code);
  }

  @Post()
  @ApiOperation({ summary: 'Log a new project (a concept note)' })
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: ProjectDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateProjectRequest): Promise<ProjectDto> {
    return this.projects.create(ctx, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a project' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: ProjectDto })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateProjectRequest,
  ): Promise<ProjectDto> {
    return this.projects.update(ctx, id, version, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a project that was never approved' })
  @Authenticated('admin', 'staff')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Soft-deleted; only projects that were never approved' })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.projects.remove(ctx, id, version);
  }
}
