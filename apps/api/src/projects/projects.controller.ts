import { Body, Controller, Param, PipeTransform, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { PROJECT_LIST_ROLES, PROJECT_READERS } from '@hstf/domain';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { sendJsonText } from '../common/json/json-text';
import { Problem } from '../common/problem-details/problem';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ChangeRoute,
  CreateRoute,
  ReadRoute,
  RemoveRoute,
  UuidParam,
} from '../common/routes/route.decorators';
import {
  CreateProjectRequest,
  ProjectCount,
  ProjectDto,
  ProjectPage,
  ProjectQuery,
  UpdateProjectRequest,
} from './projects.dto';
import { ProjectsService, type ProjectKey } from './projects.service';

const PROJECT_CODE = /^HS-\d{4}-\d{4}$/i;

/** A project's address: its id, or the code people quote (HS-2026-0004) in any case; null if neither. */
export function projectKeyOf(value: string): ProjectKey | null {
  if (isUUID(value)) return { id: value };
  if (PROJECT_CODE.test(value)) return { code: value.toUpperCase() };
  return null;
}

class ParseProjectKeyPipe implements PipeTransform<string, ProjectKey> {
  transform(value: string): ProjectKey {
    const key = projectKeyOf(value);
    if (key) return key;
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

  @ExportableListResponse(ProjectPage)
  @ReadRoute(ProjectPage, {
    summary:
      'Projects with their paragraph 6 status, filtered (by that status too) and sorted, a page at a time; or all of them as CSV or Excel (format)',
    roles: PROJECT_LIST_ROLES,
  })
  list(
    @Query() query: ProjectQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | StreamableFile> {
    if (isFileExport(query)) return Promise.resolve(this.projects.export(request, reply, query));
    return this.projects.listJson(query).then((page) => sendJsonText(reply, page));
  }

  // Before ':id', which would take "count" for a project's address.
  @ReadRoute(ProjectCount, {
    path: 'count',
    summary: "How many projects the list's filters hold: exact up to 10,000, estimated beyond",
    roles: ['admin', 'staff', 'donor'],
  })
  count(@Query() query: ProjectQuery): Promise<ProjectCount> {
    return this.projects.count(query);
  }

  @ReadRoute(ProjectDto, {
    path: ':id',
    summary: 'One project, in full, by its id or its code (HS-2026-0004)',
    roles: PROJECT_READERS,
  })
  @ApiParam({
    name: 'id',
    type: String,
    description: 'The project id (UUID) or its code',
    example: 'HS-2026-0004',
  })
  get(
    @Param('id', ParseProjectKeyPipe) key: ProjectKey,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.projects.getJsonByKey(key).then((project) => sendJsonText(reply, project));
  }

  @CreateRoute(ProjectDto, { summary: 'Log a new project (a concept note)', roles: ['admin', 'staff'] })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateProjectRequest): Promise<ProjectDto> {
    return this.projects.create(ctx, body);
  }

  @ChangeRoute(ProjectDto, { summary: 'Change a project', roles: ['admin', 'staff'] })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateProjectRequest,
  ): Promise<ProjectDto> {
    return this.projects.update(ctx, id, version, body);
  }

  @RemoveRoute({
    summary: 'Delete a project that was never approved',
    roles: ['admin', 'staff'],
    description: 'Soft-deleted; only projects that were never approved',
  })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.projects.remove(ctx, id, version);
  }
}
