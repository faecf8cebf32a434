import { Body, Controller, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { sendJsonText } from '../common/json/json-text';
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
  ProjectDto,
  ProjectPage,
  ProjectQuery,
  UpdateProjectRequest,
} from './projects.dto';
import { ProjectsService } from './projects.service';

// Reviewers read the proposals assigned to them through the review routes.
@ApiTags('projects')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @ExportableListResponse(ProjectPage)
  @ReadRoute(ProjectPage, {
    summary: 'Projects, filtered and sorted, a page at a time; or all of them as CSV or Excel (format)',
    roles: ['admin', 'staff', 'donor'],
  })
  list(
    @Query() query: ProjectQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | StreamableFile> {
    if (isFileExport(query)) return Promise.resolve(this.projects.export(request, query));
    return this.projects.listJson(query).then((page) => sendJsonText(response, page));
  }

  @ReadRoute(ProjectDto, { path: ':id', summary: 'One project, in full', roles: ['admin', 'staff', 'donor'] })
  get(@UuidParam() id: string): Promise<ProjectDto> {
    return this.projects.get(id);
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
